using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Tests.Text;

public class TextKeyAndAnchorTests
{
    [Theory]
    [InlineData("転移学習 | Transfer Learning", "6Lui56e75a2m57+SIHwgVHJhbnNmZXIgTGVhcm5pbmc=")]
    [InlineData("ファインチューニング | Fine-tuning", "44OV44Kh44Kk44Oz44OB44Ol44O844OL44Oz44KwIHwgRmluZS10dW5pbmc=")]
    public void Anchor_is_base64_of_the_utf8_heading_text(string heading, string anchor)
    {
        AnchorCodec.Encode(heading).Should().Be(anchor);
        AnchorCodec.TryDecode(anchor, out var decoded).Should().BeTrue();
        decoded.Should().Be(heading);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("6Lui56e75a2m57+SIHwgVHJhbnNmZXIgTGVhcm5pbmc")] // padding missing
    [InlineData("//79")] // bytes FF FE FD: base64, but not UTF-8
    [InlineData("%E6%A6%82")]
    [InlineData("")]
    public void Invalid_anchors_do_not_decode(string anchor) => AnchorCodec.TryDecode(anchor, out _).Should().BeFalse();

    [Theory]
    [InlineData("ファインチューニング", "ふぁいんちゅーにんぐ")]
    [InlineData("Fine-tuning", "fine tuning")]
    [InlineData("Fine-Tuning", "FINE_TUNING")]
    [InlineData("ＡＩ", "ai")]
    [InlineData("Few-shot学習", "few shot学習")]
    [InlineData("ｶﾞｲﾄﾞ", "ガイド")]
    public void Entry_word_keys_fold_width_case_separators_and_kana(string a, string b) =>
        TermKey.Normalize(a).Should().Be(TermKey.Normalize(b));

    [Fact]
    public void Different_words_keep_different_keys()
    {
        TermKey.Normalize("学習").Should().NotBe(TermKey.Normalize("学習率"));
        TermKey.Normalize("ガイド").Should().NotBe(TermKey.Normalize("カイト"), "voiced marks are kept");
        TermKey.Normalize("AI").Should().NotBe(TermKey.Normalize("A1"));
    }

    [Theory]
    [InlineData("概要", "概要")]
    [InlineData("まとめ（チェックリスト）", "まとめチェックリスト")]
    [InlineData("Step 2: PyTorch で書いてみる", "step-2-pytorch-で書いてみる")]
    [InlineData("✅ よくある落とし穴", "-よくある落とし穴")]
    [InlineData("C# と .NET", "c-と-net")]
    public void Heading_slugs_follow_github(string heading, string slug) => HeadingSlug.Create(heading).Should().Be(slug);

    [Fact]
    public void Repeated_heading_slugs_are_numbered() =>
        HeadingSlug.CreateUnique(["例", "例", "例"]).Should().Equal("例", "例-1", "例-2");

    [Fact]
    public void A_text_with_a_lone_surrogate_an_editor_may_send_has_a_key_of_itself()
    {
        (TermKey.Normalize("転移\ud83c"), TermKey.Nfkc("Ａ\udc00")).Should().Be(("転移\ud83c", "Ａ\udc00"));
    }
}
