using System.Text.Json;
using GlossaryLsp.Cli.Commands;
using static GlossaryLsp.Core.Text.AnchorCodec;

namespace GlossaryLsp.Tests.Cli;

/// <summary>
/// <c>glossary lint --max-findings N</c> (issue 14): a report lists the first N findings in report order and
/// says, in each format's own shape, how many it left out and of which rules; the summary, the statistics
/// and the exit status count every finding.
/// </summary>
public sealed class LintMaxFindingsTests : IDisposable
{
    private const string Omission = "… 7 more findings not listed (GL0002 7); --max-findings 0 lists all";
    private const string Summary = "12 errors in 4 files";
    private readonly CliWorkspace _ws = new();

    /// <summary>Three articles, each linking to the same four anchors g.md does not have: 12 GL0002.</summary>
    public LintMaxFindingsTests()
    {
        _ws.Write("g.md", "<!-- 記事URL:https://example.org/g.md# -->\n\n## 語 | Word\n\n- 定義\n");
        var links = string.Concat(Enumerable.Range(0, 4).Select(i => $"- [無い{i}](../g.md#{Encode($"無い{i}")})\n"));
        for (int d = 0; d < 3; d++) _ws.Write($"articles/a{d}.md", $"# 記事 {d}\n\n{links}");
    }

    public void Dispose() => _ws.Dispose();

    /// <summary>The text line of the broken link to <c>無い{anchor}</c> in articles/a{document}.md.</summary>
    private static string Line(int document, int anchor) =>
        $"articles/a{document}.md:{anchor + 3}:9: error GL0002 No term or heading with anchor '#{Encode($"無い{anchor}")}' ('無い{anchor}') in g.md";

    [Fact]
    public void Text_lists_the_first_n_findings_then_one_line_counting_the_rest_by_rule_then_the_summary_of_all()
    {
        _ws.Run(".", "lint", "--max-findings", "5").Should().Be((1,
            string.Join('\n', Line(0, 0), Line(0, 1), Line(0, 2), Line(0, 3), Line(1, 0), Omission, Summary) + "\n", ""));
    }

    [Fact]
    public void Json_lists_the_first_n_and_ends_with_the_omitted_counts()
    {
        var (exit, stdout, stderr) = _ws.Run(".", "lint", "--format", "json", "--max-findings", "5");

        (exit, stderr).Should().Be((1, Summary + "\n"));
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        root.EnumerateObject().Select(p => p.Name).Should().Equal("files", "terms", "links", "diagnostics", "omitted");
        root.GetProperty("diagnostics").EnumerateArray().Select(d => $"{d.GetProperty("file").GetString()}:{d.GetProperty("range").GetProperty("start").GetProperty("line")}")
            .Should().Equal("articles/a0.md:2", "articles/a0.md:3", "articles/a0.md:4", "articles/a0.md:5", "articles/a1.md:2");
        root.GetProperty("omitted").GetRawText().Should().Be("""
            {
                "count": 7,
                "byRule": {
                  "GL0002": 7
                }
              }
            """.Replace("\n", Environment.NewLine, StringComparison.Ordinal));
    }

    [Fact]
    public void Sarif_lists_the_first_n_and_says_what_it_left_out_in_a_notification_of_a_successful_invocation()
    {
        var (exit, stdout, stderr) = _ws.Run(".", "lint", "--format", "sarif", "--max-findings", "5");

        (exit, stderr).Should().Be((1, Summary + "\n"));
        using var json = JsonDocument.Parse(stdout);
        var run = json.RootElement.GetProperty("runs")[0];
        run.GetProperty("results").GetArrayLength().Should().Be(5);
        var invocation = run.GetProperty("invocations").EnumerateArray().Should().ContainSingle().Subject;
        invocation.GetProperty("executionSuccessful").GetBoolean().Should().BeTrue("the tool ran; it lists fewer results than it found");
        var notification = invocation.GetProperty("toolExecutionNotifications").EnumerateArray().Should().ContainSingle().Subject;
        notification.GetProperty("level").GetString().Should().Be("warning");
        notification.GetProperty("message").GetProperty("text").GetString().Should().Be(Omission[2..]);
        var omitted = notification.GetProperty("properties").GetProperty("omitted");
        (omitted.GetProperty("count").GetInt32(), omitted.GetProperty("byRule").GetProperty("GL0002").GetInt32()).Should().Be((7, 7));
    }

    [Fact]
    public void Zero_lists_all_and_by_default_a_report_under_the_cap_is_as_before()
    {
        var all = string.Join('\n', Enumerable.Range(0, 3).SelectMany(d => Enumerable.Range(0, 4).Select(a => Line(d, a)))) + "\n" + Summary + "\n";
        _ws.Run(".", "lint", "--max-findings", "0").Should().Be((1, all, ""));
        _ws.Run(".", "lint").Should().Be((1, all, ""));
        _ws.Run(".", "lint", "--max-findings", "12").Should().Be((1, all, ""), "exactly N findings leave nothing out");

        using var json = JsonDocument.Parse(_ws.Run(".", "lint", "--format", "json").Stdout);
        json.RootElement.EnumerateObject().Select(p => p.Name).Should().Equal("files", "terms", "links", "diagnostics");
        json.RootElement.GetProperty("diagnostics").GetArrayLength().Should().Be(12);
        using var sarif = JsonDocument.Parse(_ws.Run(".", "lint", "--format", "sarif").Stdout);
        var run = sarif.RootElement.GetProperty("runs")[0];
        run.TryGetProperty("invocations", out _).Should().BeFalse();
        run.GetProperty("results").GetArrayLength().Should().Be(12);
    }

    [Fact]
    public void The_omitted_rules_are_counted_the_most_first_and_one_finding_is_singular()
    {
        _ws.Write("b.md", "# b\n\n[どこか](missing.md)と[ほか](other.md)\n");

        _ws.Run(".", "lint", "--max-findings", "1").Stdout.Split('\n')[^3].Should().Be(
            "… 13 more findings not listed (GL0002 11, GL0001 2); --max-findings 0 lists all");
        _ws.Run(".", "lint", "--max-findings", "13").Stdout.Split('\n')[^3].Should().Be(
            "… 1 more finding not listed (GL0001 1); --max-findings 0 lists all");
    }

    [Fact]
    public void Stats_and_the_exit_status_count_the_findings_that_are_not_listed()
    {
        _ws.Write("b.md", "# b\n\n[どこか](missing.md)\n");
        var (exit, _, stderr) = _ws.Run(".", "lint", "--max-findings", "1", "--stats", "b.md", "articles/a0.md");

        exit.Should().Be(1);
        stderr.Should().Contain("stats: 2 files, 0 terms, 5 links, 5 diagnostics (GL0001 1, GL0002 4); ");
        _ws.Write("quiet.yml", "rules:\n  broken-anchor: warning\n");
        _ws.Run(".", "lint", "--max-findings", "1", "--config", "quiet.yml", "b.md", "articles/a0.md").Should().Be((1,
            Line(0, 0).Replace(" error ", " warning ", StringComparison.Ordinal) + "\n" +
            "… 4 more findings not listed (GL0002 3, GL0001 1); --max-findings 0 lists all\n" +
            "1 error and 4 warnings in 2 files\n", ""), "the error after the first finding, a warning, is not listed but still fails the run");
    }

    [Fact]
    public void A_negative_number_is_bad_usage()
    {
        _ws.Run(".", "lint", "--max-findings", "-1").Should().Be((2, "", "glossary lint: --max-findings must be 0 (list all) or more, not -1\n"));
        _ws.Run(".", "lint", "--watch", "--max-findings=-5").Exit.Should().Be(2);
    }

    [Fact]
    public void Fix_reports_what_is_left_with_the_same_cap()
    {
        var (exit, stdout, stderr) = _ws.Run(".", "lint", "--fix", "--max-findings", "5");

        (exit, stderr).Should().Be((1, "No safe fixes to apply\n"));
        stdout.Should().Be(string.Join('\n', Line(0, 0), Line(0, 1), Line(0, 2), Line(0, 3), Line(1, 0), Omission, Summary) + "\n");
    }

    [Fact]
    public async Task Watch_reports_with_the_same_cap()
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        using var stop = new CancellationTokenSource();
        stop.Cancel(); // the first report, then no waiting for changes

        int exit = await LintWatch.RunAsync(["."], "text", null, _ws.Root, stdout, stderr, stop.Token, maxFindings: 5);

        (exit, stderr.ToString()).Should().Be((0, ""));
        stdout.ToString().Should().Be(string.Join('\n', Line(0, 0), Line(0, 1), Line(0, 2), Line(0, 3), Line(1, 0), Omission, Summary) + "\n");
    }
}
