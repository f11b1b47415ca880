using static GlossaryLsp.Tests.Rules.RuleFixture;

namespace GlossaryLsp.Tests.Rules;

public class GL0006InvalidAnchorTests
{
    private static readonly string Transfer = A("転移学習 | Transfer Learning");

    private static readonly string Fixture = $$"""
        //- glossary/transfer-learning.md
        <!-- 記事URL:https://example.org/glossary/transfer-learning.md# -->

        ## 転移学習 | Transfer Learning<a id="{{Transfer}}"></a>

        - 学んだ知識を別の課題に持ち込む ✅

        ## ファインチューニング | Fine-tuning<a id="{{A("ファインチューニング | Fine-tuning")}}"></a>

        - 🌲<a href="{|GL0006:https://example.org/glossary/transfer-learning.md#6Lui56e75a2m57-SIHwgVHJhbnNmZXIgTGVhcm5pbmc|}">転移学習</a>の一種として扱われる。
        - 手で書いた[アンカー]({|GL0006:#//79|})は UTF-8 ではない。
        //- articles/post.md
        # 転移学習入門

        [転移学習](../glossary/transfer-learning.md#{{Transfer}})は解決し、[記事の節]({|GL0002:#6Lui56e75a2m57-SIHwgVHJhbnNmZXIgTGVhcm5pbmc|})は見出しのスラッグとして探される。
        """;

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Reports_anchors_into_term_lists_that_are_not_base64_of_utf8(string newline)
    {
        Check(Fixture, newline);
    }

    [Fact]
    public void Message_names_the_anchor_and_the_fix_retargets_by_the_link_text()
    {
        var f = Create(Fixture);
        var diagnostics = f.Analyze().Where(d => d.Id == "GL0006").ToList();
        diagnostics.Select(d => d.Message).Should().Equal(
            "Anchor '#6Lui56e75a2m57-SIHwgVHJhbnNmZXIgTGVhcm5pbmc' is not base64 of UTF-8 heading text, so it cannot name a term of glossary/transfer-learning.md",
            "Anchor '#//79' is not base64 of UTF-8 heading text, so it cannot name a term of glossary/transfer-learning.md");
        diagnostics[1].Fixes.Should().BeEmpty("'アンカー' names no term");
        var after = f.Apply(diagnostics[0].Fixes.Should().ContainSingle().Subject);
        after.Text("glossary/transfer-learning.md").Should().Be(f.Text("glossary/transfer-learning.md")
            .Replace("#6Lui56e75a2m57-SIHwgVHJhbnNmZXIgTGVhcm5pbmc\"", $"#{Transfer}\""));
        after.Actual("GL0006").Should().ContainSingle();
    }
}
