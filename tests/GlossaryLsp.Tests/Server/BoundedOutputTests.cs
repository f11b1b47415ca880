using System.Text.Json;
using GlossaryLsp.Core.Text;
using GlossaryLsp.Server.Protocol;
using GlossaryLsp.Tests.Cli;
using GlossaryLsp.Tests.TestSupport;

namespace GlossaryLsp.Tests.Server;

/// <summary>
/// SPEC §7 "Bounded output" through the language server on the workspaces of issue 14, made on the fly:
/// every document's diagnostics reach the client, each message and answer stays short, and the server
/// keeps answering. Wall times are measured in docs/PERFORMANCE.md, not asserted here.
/// </summary>
[Collection(LargeWorkspaceCollection.Name)]
public sealed class BoundedOutputTests
{
    [Fact]
    public async Task A_word_defined_in_3000_files_reaches_every_document_with_short_diagnostics_and_hovers()
    {
        var files = LargeWorkspaces.SameEntryWord(3000);
        await using var client = await StartAsync(files);

        var published = client.Notifications("textDocument/publishDiagnostics");
        published.Select(p => p.GetProperty("uri").GetString()).Distinct().Should().HaveCount(3000, "every document's diagnostics are published");
        published.Sum(p => (long)p.GetRawText().Length).Should().BeLessThan(20L * 1024 * 1024, "3 related locations per warning, not 2,999");
        var diagnostics = client.LatestDiagnostics("f1500.md")!.Diagnostics;
        diagnostics.Select(d => (d.Code, d.Message)).Should().Equal(
            ("GL0005", "Entry word '語' is also defined in f0001.md, f0002.md, f0003.md and 2,996 more"),
            ("GL0005", "Entry word 'Word' is also defined in f0001.md, f0002.md, f0003.md and 2,996 more"));
        diagnostics[0].RelatedInformation!.Select(r => (r.Location.Uri, r.Location.Range.Start.Line, r.Location.Range.Start.Character))
            .Should().Equal((client.Uri("f0001.md"), 2, 3), (client.Uri("f0002.md"), 2, 3), (client.Uri("f0003.md"), 2, 3));

        var hover = await client.RequestAsync("textDocument/hover", At(client, files, "f1500.md", "語"));
        hover.GetProperty("contents").GetProperty("value").GetString().Should().EndWith(
            "Defined in `f1500.md:3`; also defined in 2,999 other documents: `f0001.md`, `f0002.md`, `f0003.md` and 2,996 more\n\nUsed in the workspace: 0 links · 0 mentions\n");
    }

    [Fact]
    public async Task A_heading_with_10000_aliases_gives_bounded_diagnostics_hover_completion_and_symbols()
    {
        var files = LargeWorkspaces.ManyAliases(10_000);
        await using var client = await StartAsync(files);

        var inA = client.LatestDiagnostics("glossary/a.md")!.Diagnostics;
        inA.Should().HaveCount(1001);
        inA[^1].Code.Should().Be("GL0000");
        inA[^1].Severity.Should().Be(DiagnosticSeverity.Warning);
        inA[^1].Message.Should().StartWith("9,001 more diagnostics are not reported in this document (9,001 GL0005)");

        var hover = await client.RequestAsync("textDocument/hover", At(client, files, "glossary/a.md", "alias500"));
        var text = hover.GetProperty("contents").GetProperty("value").GetString()!;
        text.Should().StartWith("**語** | alias0 | alias1 | ").And.Contain(" | alias19 and 9,980 more\n")
            .And.EndWith("also defined in 1 other document: `glossary/b.md`\n\nUsed in the workspace: 0 links · 3 mentions\n");
        text.Length.Should().BeLessThan(1000);

        var typed = files["articles/x.md"] + "alias12";
        await client.OpenAsync("articles/x.md", typed);
        var completion = await client.RequestAsync("textDocument/completion", new
        {
            textDocument = new { uri = client.Uri("articles/x.md") }, position = PositionOf(typed, typed.Length),
        });
        var items = completion.GetProperty("items").EnumerateArray().ToList();
        items.Should().NotBeEmpty().And.HaveCountLessThanOrEqualTo(100);
        items[0].GetProperty("detail").GetString().Should().Be(
            "語 | alias0 | alias1 | alias2 | alias3 | alias4 | alias5 | alias6 | alias7 | alias8 and 9,991 more — glossary/a.md");

        var symbols = await client.RequestAsync("workspace/symbol", new { query = "alias" });
        symbols.GetArrayLength().Should().Be(200);
        symbols.EnumerateArray().Should().OnlyContain(s => s.GetRawText().Length < 1000);
        var outline = await client.RequestAsync("textDocument/documentSymbol", new { textDocument = new { uri = client.Uri("glossary/a.md") } });
        outline[0].GetProperty("detail").GetString().Should().Be("alias0 | alias1 | alias2 | alias3 | alias4 | alias5 | alias6 | alias7 | alias8 | alias9 and 9,990 more");
    }

    [Fact]
    public async Task A_glossary_page_with_100000_keywords_is_served_with_a_short_hover()
    {
        var files = LargeWorkspaces.ManyKeywords(100_000);
        await using var client = await StartAsync(files);

        // Every keyword names no term (GL0014): the first 1,000, then the summary.
        var diagnostics = client.LatestDiagnostics("glossary/transfer-learning.md")!.Diagnostics;
        diagnostics.Should().HaveCount(1001);
        diagnostics.Take(1000).Should().OnlyContain(d => d.Code == "GL0014");
        diagnostics[1000].Code.Should().Be("GL0000");
        var hover = await client.RequestAsync("textDocument/hover", At(client, files, "articles/x.md", "転移学習"));
        hover.GetProperty("contents").GetProperty("value").GetString()!.Length.Should().BeLessThan(10_000, "whatever a hover says of the keywords is bounded");
    }

    [Fact]
    public async Task A_document_with_200000_copies_of_one_broken_link_gets_1000_diagnostics_and_a_summary()
    {
        var files = LargeWorkspaces.SameBrokenLink(200_000);
        await using var client = await StartAsync(files);

        var diagnostics = client.LatestDiagnostics("articles/x.md")!.Diagnostics;
        diagnostics.Should().HaveCount(1001);
        diagnostics.Take(1000).Should().OnlyContain(d => d.Code == "GL0002" && d.Severity == DiagnosticSeverity.Error);
        var summary = diagnostics[^1];
        (summary.Code, summary.Severity, summary.Range.Start.Line, summary.Range.Start.Character).Should().Be(("GL0000", DiagnosticSeverity.Warning, 1002, 7));
        summary.Message.Should().Be(
            "199,000 more diagnostics are not reported in this document (199,000 GL0002): at most 1,000 are, the most severe first; the first left out is here");
        var hover = await client.RequestAsync("textDocument/hover", At(client, files, "g.md", "語"));
        hover.GetProperty("contents").GetProperty("value").GetString().Should().StartWith("**語** | Word");
    }

    [Fact]
    public async Task A_thousand_documents_linking_to_the_same_thousand_missing_anchors_are_pulled_one_at_a_time()
    {
        var files = LargeWorkspaces.SharedMissingAnchors(1000, 1000);
        await using var client = LspTestClient.Create(files);
        await client.InitializeAsync(LspTestClient.Capabilities(pull: true));
        // A pull waits for the pass over all 1,000,000 links; on a loaded machine that takes longer than one request's patience.
        using (var pass = new CancellationTokenSource(TimeSpan.FromMinutes(5)))
            while (client.Server.Diagnostics.CompletedPasses == 0) await Task.Delay(50, pass.Token);
        foreach (var path in new[] { "articles/a0000.md", "articles/a0500.md", "articles/a0999.md" })
        {
            var report = await client.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri = client.Uri(path) } });
            var items = report.GetProperty("items").EnumerateArray().ToList();
            items.Should().HaveCount(1000);
            items.Should().OnlyContain(i => i.GetProperty("code").GetString() == "GL0002" && i.GetProperty("relatedInformation").GetArrayLength() == 1);
        }
        var hover = await client.RequestAsync("textDocument/hover", At(client, files, "articles/a0500.md", "無い999"));
        hover.GetProperty("contents").GetProperty("value").GetString().Should().Be(
            $"Broken link: `g.md` has no term or heading with the anchor `#{AnchorCodec.Encode("無い999")}`");
    }

    /// <summary>A server on the files that has published every document's diagnostics.</summary>
    private static async Task<LspTestClient> StartAsync(Dictionary<string, string> files)
    {
        var client = LspTestClient.Create(files);
        await client.InitializeAsync();
        await client.SettleAsync();
        return client;
    }

    /// <summary>The position of the first occurrence of <paramref name="text"/> in a generated file.</summary>
    private static object At(LspTestClient client, IReadOnlyDictionary<string, string> files, string path, string text) =>
        new { textDocument = new { uri = client.Uri(path) }, position = PositionOf(files[path], files[path].IndexOf(text, StringComparison.Ordinal)) };

    private static Position PositionOf(string text, int offset)
    {
        var p = new LineIndex(text).GetPosition(offset);
        return new Position(p.Line, p.Character);
    }
}
