using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Rules;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Tests.Rules;

public class GL0009UnlinkedMentionTests
{
    private const string Workspace = """
        //- glossary/training.md
        <!-- 記事URL:https://example.com/glossary/training.md# -->

        ## 過学習 | Overfitting<a id="6YGO5a2m57+SIHwgT3ZlcmZpdHRpbmc="></a>
        - 訓練データに合わせすぎること。

        ## 早期終了 | Early Stopping<a id="5pep5pyf57WC5LqGIHwgRWFybHkgU3RvcHBpbmc="></a>
        - 余計な学習を防ぐことで{|GL0009:過学習|}を抑える。✅ <a href="https://example.com/glossary/training.md#6YGO5a2m57+SIHwgT3ZlcmZpdHRpbmc=">過学習</a>は対象外。
        //- notes/post.md
        # メモ
        🌲 {|GL0009:early stopping|} で {|GL0009:overfitting|} を防ぐ。

        """;

    [Fact]
    public void Off_unless_the_config_asks_for_it()
    {
        Gl0009(GlossaryConfig.Default, "glossary/training.md").Should().BeEmpty();
    }

    private static IEnumerable<TextSpan> Expected(string path) =>
        Fixture.Parse(Workspace).Diagnostics.Where(d => d.Path == path).Select(d => d.Span);

    private static IEnumerable<Diagnostic> Gl0009(GlossaryConfig config, string path)
    {
        var index = FixtureWorkspace.Parse(Workspace, config).Index;
        return DocumentAnalyzer.Analyze(index, index.GetDocument(path)!).Where(d => d.Id == "GL0009");
    }

    [Fact]
    public void Reports_the_unlinked_mention_and_the_fix_links_it_in_html_in_a_term_list()
    {
        var config = GlossaryConfig.Default with { UnlinkedMentions = true };
        var index = FixtureWorkspace.Parse(Workspace, config).Index;
        var doc = index.GetDocument("glossary/training.md")!;
        var d = DocumentAnalyzer.Analyze(index, doc).Where(x => x.Id == "GL0009").Should().ContainSingle().Subject;
        d.Severity.Should().Be(DiagnosticSeverity.Information);
        d.Message.Should().Be("'過学習' is defined in glossary/training.md; link it");
        d.Span.Should().Be(Expected("glossary/training.md").Single());
        d.Related.Should().ContainSingle().Which.Span.Should().Be(doc.Terms[0].NameSpan);
        var fix = d.Fixes.Should().ContainSingle().Subject;
        var edit = fix.Edits.Should().ContainSingle().Subject;
        edit.Path.Should().Be("glossary/training.md");
        TextEdit.Apply(doc.Text, edit.Edits).Should().Be(doc.Text.Replace(
            "防ぐことで過学習を抑える",
            "防ぐことで<a href=\"https://example.com/glossary/training.md#6YGO5a2m57+SIHwgT3ZlcmZpdHRpbmc=\">過学習</a>を抑える"));
    }

    [Fact]
    public void In_an_article_the_fix_writes_a_markdown_link_with_a_relative_path()
    {
        var config = GlossaryConfig.Default with { RuleSeverities = GlossaryConfig.Default.RuleSeverities.SetItem("GL0009", DiagnosticSeverity.Warning) };
        var index = FixtureWorkspace.Parse(Workspace, config).Index;
        var doc = index.GetDocument("notes/post.md")!;
        var ds = DocumentAnalyzer.Analyze(index, doc).Where(x => x.Id == "GL0009").ToList();
        ds.Select(x => x.Span).Should().Equal(Expected("notes/post.md"));
        ds.Should().OnlyContain(x => x.Severity == DiagnosticSeverity.Warning);
        TextEdit.Apply(doc.Text, ds[1].Fixes[0].Edits[0].Edits).Should().Be(
            "# メモ\n🌲 early stopping で [overfitting](../glossary/training.md#6YGO5a2m57+SIHwgT3ZlcmZpdHRpbmc=) を防ぐ。\n");
    }

    [Fact]
    public void Suppression_comments_switch_it_off()
    {
        var config = GlossaryConfig.Default with { UnlinkedMentions = true };
        var index = FixtureWorkspace.Parse(Workspace.Replace("# メモ\n", "# メモ\n<!-- glossary-disable-next-line unlinked-mention -->\n"), config).Index;
        DocumentAnalyzer.Analyze(index, index.GetDocument("notes/post.md")!).Where(x => x.Id == "GL0009").Should().BeEmpty();
    }
}
