using GlossaryLsp.Core.Linking;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Tests.Linking;

/// <summary>A document's variant signature never misses a fold its prose holds, and tells apart words made of common pieces.</summary>
public class VariantSignatureTests
{
    private const string Text =
        "# メモ\n\nWhich dictionary holds the ファイン・チューニング data? サーバーを立て、[コンピューター](a.md)で動かす。\n\n`hict` in code.\n";

    [Fact]
    public void Every_stretch_of_the_folded_prose_may_be_contained()
    {
        var doc = DocumentParser.Parse("notes/a.md", Text);
        var signature = VariantSignature.Of(doc);
        foreach (var span in MentionScanner.VariantSpans(doc))
        {
            var folded = VariantFold.Fold(TermKey.Normalize(doc.GetText(span)));
            for (int start = 0; start < folded.Length; start++)
                for (int length = 1; length <= 8 && start + length <= folded.Length; length++)
                    signature.MayContain(folded.Substring(start, length)).Should().BeTrue($"'{folded.Substring(start, length)}' is in '{folded}'");
        }
    }

    [Fact]
    public void A_word_whose_pieces_are_all_in_the_prose_but_not_side_by_side_is_not_contained()
    {
        var signature = VariantSignature.Of(DocumentParser.Parse("notes/a.md", Text));
        // "whichdictionary" holds hic and ict, never hict (the word in code is not prose).
        signature.MayContain("hict").Should().BeFalse();
        signature.MayContain("dict").Should().BeTrue();
        signature.MayContain(VariantFold.Fold(TermKey.Normalize("ファインチューニング"))).Should().BeTrue();
        signature.MayContain(VariantFold.Fold(TermKey.Normalize("コンピュータ"))).Should().BeTrue();
        signature.MayContain(VariantFold.Fold(TermKey.Normalize("コンピュータ管理"))).Should().BeFalse();
    }

    [Fact]
    public void Few_runs_of_four_letters_the_prose_does_not_hold_may_be_contained()
    {
        var doc = DocumentParser.Parse("notes/a.md", Text);
        var signature = VariantSignature.Of(doc);
        var prose = string.Join("\n", MentionScanner.VariantSpans(doc).Select(s => VariantFold.Fold(TermKey.Normalize(doc.GetText(s)))));
        var absent = new List<string>();
        for (char a = 'a'; a <= 'z'; a++)
            for (char b = 'a'; b <= 'z'; b++)
                for (char c = 'a'; c <= 'z'; c++)
                    if (string.Concat("h", a, b, c) is var run && !prose.Contains(run, StringComparison.Ordinal)) absent.Add(run);
        // A Bloom filter of 12 bits and 4 probes per code: about 0.5 % false positives.
        absent.Count(signature.MayContain).Should().BeLessThan(absent.Count / 100);
    }
}
