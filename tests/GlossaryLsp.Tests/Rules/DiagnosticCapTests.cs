using System.Text;
using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Rules;
using GlossaryLsp.Core.Text;
using GlossaryLsp.Core.Workspace;

namespace GlossaryLsp.Tests.Rules;

/// <summary>SPEC §7: at most 1,000 diagnostics per document, then one GL0000 summary; configured like a rule, never suppressed by comments.</summary>
public class DiagnosticCapTests
{
    [Fact]
    public void The_summary_follows_its_configured_severity_and_is_not_suppressed_by_comments()
    {
        var information = Analyze(Config("rules:\n  too-many-diagnostics: information\n"), 1_003, suppressFirst: true);
        information.Should().HaveCount(1_001);
        information.Take(1_000).Should().OnlyContain(d => d.Id == "GL0002");
        var summary = information[^1];
        (summary.Id, summary.Severity, summary.Message).Should().Be(("GL0000", DiagnosticSeverity.Information,
            "2 more diagnostics are not reported in this document (2 GL0002): at most 1,000 are, the most severe first; the first left out is here"));
        summary.Related.Should().BeEmpty();
        summary.Fixes.Should().BeEmpty();
    }

    [Fact]
    public void Turned_off_the_summary_is_gone_but_the_bound_stays()
    {
        var off = Analyze(Config("rules:\n  GL0000: off\n"), 1_500, suppressFirst: false);
        off.Should().HaveCount(1_000).And.OnlyContain(d => d.Id == "GL0002");
    }

    [Fact]
    public void At_the_bound_nothing_is_left_out()
    {
        Analyze(GlossaryConfig.Default, 1_000, suppressFirst: false).Should().HaveCount(1_000).And.OnlyContain(d => d.Id == "GL0002");
    }

    private static GlossaryConfig Config(string yaml) => GlossaryConfigLoader.Parse(yaml, "glossary.yml");

    /// <summary>The diagnostics of an article with <paramref name="links"/> broken links, the first one suppressed when asked.</summary>
    private static List<Diagnostic> Analyze(GlossaryConfig config, int links, bool suppressFirst)
    {
        var text = new StringBuilder("# 記事 🌲\r\n\r\n");
        // The first link's finding is suppressed before the bound is applied; the summary is never suppressed.
        if (suppressFirst) text.Append("<!-- glossary-disable too-many-diagnostics -->\r\n<!-- glossary-disable-next-line broken-anchor -->\r\n");
        for (int i = 0; i < links; i++) text.Append($"- [無い](g.md#{AnchorCodec.Encode("無い")})\r\n");
        var index = GlossaryIndex.Create(config, [
            WorkspaceLoader.ParseText("g.md", "<!-- 記事URL:https://example.org/g.md# -->\n\n## 語\n\n- 定義\n", config),
            WorkspaceLoader.ParseText("x.md", text.ToString(), config)]);
        return [.. DocumentAnalyzer.Analyze(index, index.GetDocument("x.md")!)];
    }
}
