using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Rules;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Tests.Rules;

/// <summary>
/// What a document's analysis read: a re-analysis of GL0013 alone keeps what the links read and takes what the new
/// diagnostics point into, and that equals reading everything again.
/// </summary>
public class DocumentReadsTests
{
    private static readonly Dictionary<string, string> Files = new()
    {
        ["g/a.md"] = "<!-- 記事URL:https://x.org/g/a.md# -->\n\n## サーバー\n\n- 計算機。\n",
        // A link to a.md, a broken link whose text is a word, and a variant of a.md's term (GL0013, related to a.md).
        ["notes/b.md"] = "# b\n\n[サーバー](../g/a.md) と [無い語](missing.md) と サーバを立てる。\n",
    };

    [Fact]
    public void Reads_kept_from_the_links_and_made_anew_from_changed_diagnostics_equal_reads_made_from_scratch()
    {
        var index = GlossaryIndex.Create(GlossaryConfig.Default, Files.Select(f => DocumentParser.Parse(f.Key, f.Value)));
        var b = index.GetDocument("notes/b.md")!;
        var diagnostics = DocumentAnalyzer.Analyze(index, b, out var resolutions);
        diagnostics.Select(d => d.Id).Should().Equal("GL0001", "GL0013");
        var withoutVariant = diagnostics.RemoveAll(d => d.Id == "GL0013");

        var full = DocumentReads.Of(b, resolutions, diagnostics);
        var reduced = DocumentReads.Of(b, resolutions, withoutVariant);
        full.Keys.Should().Contain(new ReadKey(ReadKind.Related, "g/a.md")).And.Contain(new ReadKey(ReadKind.Word, TermKey.Normalize("無い語")));
        reduced.Keys.Should().NotContain(new ReadKey(ReadKind.Related, "g/a.md"));

        full.With(b, withoutVariant).SameAs(reduced).Should().BeTrue();
        reduced.With(b, diagnostics).SameAs(full).Should().BeTrue();
        full.With(b, diagnostics).Keys.Should().Equal(full.Keys);
    }
}
