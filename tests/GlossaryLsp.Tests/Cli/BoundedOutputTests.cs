using System.Text;
using System.Text.Json;
using GlossaryLsp.Cli;
using GlossaryLsp.Core.Rules;
using GlossaryLsp.Tests.TestSupport;

namespace GlossaryLsp.Tests.Cli;

/// <summary>
/// SPEC §7 "Bounded output" through <c>glossary lint</c> on the workspaces of issue 14, made on the fly:
/// the report grows with the findings, never with pairs of them. Wall times are measured in
/// docs/PERFORMANCE.md, not asserted here.
/// </summary>
[Collection(LargeWorkspaceCollection.Name)]
public sealed class BoundedOutputTests : IDisposable
{
    private readonly CliWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public void A_word_defined_in_3000_files_gives_each_a_short_warning_and_the_report_stays_small()
    {
        foreach (var (path, text) in LargeWorkspaces.SameEntryWord(3000)) _ws.Write(path, text);

        var (exit, stdout, stderr) = _ws.Run(".", "lint", "--format", "json");

        exit.Should().Be(0);
        stderr.Should().Be("6000 warnings in 3000 files\n");
        Encoding.UTF8.GetByteCount(stdout).Should().BeLessThan(10 * 1024 * 1024, "each warning names three documents and counts the other 2,996");
        using var json = JsonDocument.Parse(stdout);
        var diagnostics = json.RootElement.GetProperty("diagnostics").EnumerateArray().ToList();
        diagnostics.Should().HaveCount(6000).And.OnlyContain(d => d.GetProperty("id").GetString() == "GL0005");
        var word = diagnostics.Single(d => d.GetProperty("file").GetString() == "f1500.md" && d.GetProperty("message").GetString()!.Contains("'語'"));
        word.GetProperty("message").GetString().Should().Be("Entry word '語' is also defined in f0001.md, f0002.md, f0003.md and 2,996 more");
        Range(word).Should().Be("2:3-2:4");
        word.GetProperty("related").EnumerateArray().Select(r => $"{r.GetProperty("file").GetString()} {Range(r)} {r.GetProperty("message").GetString()}")
            .Should().Equal(
                "f0001.md 2:3-2:4 '語' is also defined here (語)",
                "f0002.md 2:3-2:4 '語' is also defined here (語)",
                "f0003.md 2:3-2:4 '語' is also defined here (語)");
        var last = diagnostics.Single(d => d.GetProperty("file").GetString() == "f0001.md" && d.GetProperty("message").GetString()!.Contains("'Word'"));
        last.GetProperty("message").GetString().Should().Be("Entry word 'Word' is also defined in f0002.md, f0003.md, f0004.md and 2,996 more");
    }

    [Fact]
    public void Terms_lists_a_word_defined_in_3000_files_once_per_file_with_a_count()
    {
        foreach (var (path, text) in LargeWorkspaces.SameEntryWord(3000)) _ws.Write(path, text);

        var (exit, stdout, stderr) = _ws.Run(".", "terms");

        (exit, stderr).Should().Be((0, ""));
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(3001);
        lines[1499].Should().Be("f1500.md:3: 語 | Word — 0 links, 0 mentions, also defined in 2999 other documents");
        lines[^1].Should().Be("3000 terms in 3000 files, 3000 unused");
    }

    [Fact]
    public void A_heading_with_10000_aliases_defined_twice_reports_1000_findings_a_summary_and_short_messages()
    {
        foreach (var (path, text) in LargeWorkspaces.ManyAliases(10_000)) _ws.Write(path, text);

        var (exit, stdout, stderr) = _ws.Run(".", "lint", "--format", "json");

        exit.Should().Be(0);
        stderr.Should().Be("2002 warnings in 3 files\n");
        using var json = JsonDocument.Parse(stdout);
        json.RootElement.GetProperty("terms").GetInt32().Should().Be(2);
        var diagnostics = json.RootElement.GetProperty("diagnostics").EnumerateArray().ToList();
        var inA = diagnostics.Where(d => d.GetProperty("file").GetString() == "glossary/a.md").ToList();
        inA.Should().HaveCount(1001);
        inA.Take(1000).Should().OnlyContain(d => d.GetProperty("id").GetString() == "GL0005" && d.GetProperty("related").GetArrayLength() == 1);
        inA[0].GetProperty("message").GetString().Should().Be("Entry word '語' is also defined in glossary/b.md");
        inA[999].GetProperty("message").GetString().Should().Be("Entry word 'alias998' is also defined in glossary/b.md");
        var summary = inA[1000];
        summary.GetProperty("id").GetString().Should().Be("GL0000");
        summary.GetProperty("severity").GetString().Should().Be("warning");
        summary.GetProperty("message").GetString().Should().Be(
            "9,001 more diagnostics are not reported in this document (9,001 GL0005): at most 1,000 are, the most severe first; the first left out is here");
        Range(summary).Should().Be("52:0-52:8", "alias999, the 1,001st entry word, is the first of the heading's 51st line");
        diagnostics.Where(d => d.GetProperty("file").GetString() == "glossary/b.md").Should().HaveCount(1001);
    }

    [Fact]
    public void A_glossary_page_with_100000_keywords_is_linted_like_any_page()
    {
        foreach (var (path, text) in LargeWorkspaces.ManyKeywords(100_000)) _ws.Write(path, text);

        var (exit, stdout, stderr) = _ws.Run(".", "lint", "--format", "json");

        exit.Should().Be(0, stderr);
        using var json = JsonDocument.Parse(stdout);
        (json.RootElement.GetProperty("terms").GetInt32(), json.RootElement.GetProperty("links").GetInt32()).Should().Be((1, 1));
        // Every keyword names no term (GL0014, information): the first 1,000, then the summary.
        var ids = json.RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("id").GetString()).ToList();
        ids.Should().HaveCount(1001);
        ids.Take(1000).Should().OnlyContain(id => id == "GL0014");
        ids[1000].Should().Be("GL0000");
        Encoding.UTF8.GetByteCount(stdout).Should().BeLessThan(1024 * 1024, "whatever a rule finds in the keywords is bounded per document");
    }

    [Fact]
    public void A_document_with_200000_copies_of_one_broken_link_reports_1000_and_a_summary()
    {
        foreach (var (path, text) in LargeWorkspaces.SameBrokenLink(200_000)) _ws.Write(path, text);

        var (exit, stdout, stderr) = _ws.Run(".", "lint");

        exit.Should().Be(1);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(1002);
        lines[0].Should().Be($"articles/x.md:3:8: error GL0002 No term or heading with anchor '#{LargeWorkspaces.MissingAnchor}' ('無い | Missing') in g.md");
        lines[999].Should().StartWith("articles/x.md:1002:8: error GL0002 ");
        lines[1000].Should().Be(
            "articles/x.md:1003:8: warning GL0000 199,000 more diagnostics are not reported in this document (199,000 GL0002): " +
            "at most 1,000 are, the most severe first; the first left out is here");
        lines[1001].Should().Be("1000 errors and 1 warning in 2 files");
        stderr.Should().BeEmpty();
    }

    [Fact]
    public void Errors_are_kept_before_warnings_when_a_document_has_more_than_1000()
    {
        // 600 warnings (GL0010: link text that names another word of the workspace) come before 600 errors.
        var good = $"../g.md#{Core.Text.AnchorCodec.Encode("語 | Word")}";
        var text = new StringBuilder("# 記事\n\n");
        for (int i = 0; i < 600; i++) text.Append($"- [別の{i}]({good})\n");
        for (int i = 0; i < 600; i++) text.Append($"- [無い](../g.md#{LargeWorkspaces.MissingAnchor})\n");
        _ws.Write("g.md", "<!-- 記事URL:https://example.org/g.md# -->\n\n## 語 | Word\n\n- 定義\n").Write("articles/x.md", text.ToString());

        var (exit, stdout, _) = _ws.Run(".", "lint");

        exit.Should().Be(1);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Count(l => l.Contains(" error GL0002 ")).Should().Be(600, "every error is kept");
        lines.Count(l => l.Contains(" warning GL0010 ")).Should().Be(400, "the warnings fill the rest, the earliest first");
        lines[399].Should().Be("articles/x.md:402:4: warning GL0010 Link text '別の399' is not an entry word of '語' (語 | Word)");
        lines[400].Should().Be(
            "articles/x.md:403:4: warning GL0000 200 more diagnostics are not reported in this document (200 GL0010): " +
            "at most 1,000 are, the most severe first; the first left out is here");
        lines[401].Should().StartWith("articles/x.md:603:8: error GL0002 ");
        lines[^1].Should().Be("600 errors and 401 warnings in 2 files");
    }

    [Fact]
    public void A_thousand_documents_linking_to_the_same_thousand_missing_anchors_count_a_million_findings_and_list_10000()
    {
        foreach (var (path, text) in LargeWorkspaces.SharedMissingAnchors(1000, 1000)) _ws.Write(path, text);

        var (exit, stdout, stderr) = _ws.Run(".", "lint", "--format", "json");

        exit.Should().Be(1);
        stderr.Should().Be("1000000 errors in 1001 files\n", "one finding per broken link, 1,000 per document: the findings, not pairs of them");
        Encoding.UTF8.GetByteCount(stdout).Should().BeLessThan(10 * 1024 * 1024, "the report lists the first 10,000 findings by default");
        using var json = JsonDocument.Parse(stdout);
        var diagnostics = json.RootElement.GetProperty("diagnostics").EnumerateArray().ToList();
        diagnostics.Should().HaveCount(10_000).And.OnlyContain(d => d.GetProperty("id").GetString() == "GL0002");
        (diagnostics[0].GetProperty("file").GetString(), diagnostics[^1].GetProperty("file").GetString()).Should().Be(("articles/a0000.md", "articles/a0009.md"));
        var omitted = json.RootElement.GetProperty("omitted");
        omitted.GetProperty("count").GetInt32().Should().Be(990_000);
        omitted.GetProperty("byRule").EnumerateObject().Select(r => (r.Name, r.Value.GetInt32())).Should().Equal(("GL0002", 990_000));
    }

    [Theory]
    [InlineData("json")]
    [InlineData("sarif")]
    public void A_report_of_many_findings_goes_out_as_it_is_written_not_held_whole(string format)
    {
        foreach (var (path, text) in LargeWorkspaces.SharedMissingAnchors(20, 1000)) _ws.Write(path, text);
        var workspace = CommandWorkspace.Open(_ws.Root, [], null);
        var report = new GlossaryLsp.Cli.Reports.LintReport
        {
            Workspace = workspace,
            Results = [.. DocumentAnalyzer.AnalyzeAll(workspace.Index, workspace.Selected).Select(r => (r.Document, (IReadOnlyList<Diagnostic>)r.Diagnostics))],
        };
        var stdout = new WriteSizes();

        if (format == "json") GlossaryLsp.Cli.Reports.JsonReportWriter.WriteTo(report, stdout);
        else GlossaryLsp.Cli.Reports.SarifReportWriter.WriteTo(report, stdout);

        stdout.Length.Should().BeGreaterThan(4 * 1024 * 1024, "20,000 findings: many times what the writer may hold");
        stdout.Largest.Should().BeLessThan(128 * 1024, "the writer hands on what it holds every 64 KB, so memory does not grow with the report");
        using var json = JsonDocument.Parse(stdout.ToArray());
        var findings = format == "json" ? json.RootElement.GetProperty("diagnostics") : json.RootElement.GetProperty("runs")[0].GetProperty("results");
        findings.GetArrayLength().Should().Be(20_000);
    }

    private static string Range(JsonElement e)
    {
        var r = e.GetProperty("range");
        string P(string name) => $"{r.GetProperty(name).GetProperty("line").GetInt32()}:{r.GetProperty(name).GetProperty("character").GetInt32()}";
        return $"{P("start")}-{P("end")}";
    }

    /// <summary>A memory stream that remembers the largest single write it was given.</summary>
    private sealed class WriteSizes : MemoryStream
    {
        public int Largest { get; private set; }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Largest = Math.Max(Largest, count);
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Largest = Math.Max(Largest, buffer.Length);
            base.Write(buffer);
        }
    }
}

/// <summary>The tests on generated large workspaces run one at a time: each holds hundreds of megabytes at its peak.</summary>
[CollectionDefinition(Name)]
public sealed class LargeWorkspaceCollection
{
    public const string Name = "Large generated workspaces";
}
