using System.Text;
using System.Text.Json;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Tests.Server.Handlers;

/// <summary>Code lenses of term usage through the real JSON-RPC server: ranges in UTF-16 and UTF-8, resolve, refresh after an edit elsewhere.</summary>
public sealed class CodeLensHandlerTests
{
    /// <summary>Spans 0 and 2 are where the lenses sit; the others, the places that use 転移学習 (its own definition too).</summary>
    private static readonly Fixture Marked = Fixture.Parse($$"""
        //- 用語集.md
        <!-- 記事タイトル:用語集 -->

        ## [|転移学習 | Transfer Learning|]

        - 知識を流用する。🌲[|転移学習|]の定義。
        //- 用語/凍結.md
        ---
        type: glossary
        title: [|凍結|]
        ---
        重みを止める。
        //- 記事.md
        # 記事

        😀😀 [|[転移学習](用語集.md#{{AnchorCodec.Encode("転移学習 | Transfer Learning")}})|]、🌲[|転移学習|]。
        //- 別記事.md
        # 別記事

        まだ何も書いていない。
        """, "\r\n");

    /// <summary>The spans of the places that use 転移学習, in the order its lens lists them (path, then text).</summary>
    private static IEnumerable<FixtureSpan> Places => new[] { 1, 3, 4 }.Select(i => Marked.Spans[i]);

    [Fact]
    public async Task Lenses_on_term_headings_and_page_titles_resolve_to_counts_and_the_places_in_utf16_and_utf8()
    {
        await using var c = await StartAsync("utf-16");
        var lenses = await LensesAsync(c, "用語集.md");
        lenses.Select(l => Range(l.GetProperty("range"))).Should().Equal(Marked.Range(Marked.Spans[0]));
        lenses[0].TryGetProperty("command", out _).Should().BeFalse("the counts come with resolve");
        var page = await LensesAsync(c, "用語/凍結.md");
        page.Select(l => Range(l.GetProperty("range"))).Should().Equal(Marked.Range(Marked.Spans[2]));

        var resolved = await c.RequestAsync("codeLens/resolve", lenses[0]);
        var command = resolved.GetProperty("command");
        command.GetProperty("title").GetString().Should().Be("1 link · 2 mentions");
        command.GetProperty("command").GetString().Should().Be("glossary.showReferences");
        var args = command.GetProperty("arguments");
        args[0].GetString().Should().Be(c.Uri("用語集.md"));
        Position(args[1]).Should().Be(Marked.Position("用語集.md", Marked.Spans[0].Span.Start).ToString());
        args[2].EnumerateArray().Select(l => (l.GetProperty("uri").GetString()!, Range(l.GetProperty("range"))))
            .Should().Equal(Places.Select(s => (c.Uri(s.Path), Marked.Range(s))));
        (await c.RequestAsync("codeLens/resolve", page[0])).GetProperty("command").GetProperty("title").GetString().Should().Be("0 links · 0 mentions");

        // A client that sends the command back to the server (no handler of its own) gets the places.
        var places = await c.RequestAsync("workspace/executeCommand", new { command = "glossary.showReferences", arguments = args });
        places.GetRawText().Should().Be(args[2].GetRawText());

        await using var c8 = await StartAsync("utf-8");
        (await LensesAsync(c8, "用語集.md")).Select(l => Range(l.GetProperty("range"))).Should().Equal(Utf8(Marked.Spans[0]));
        var args8 = (await c8.RequestAsync("codeLens/resolve", (await LensesAsync(c8, "用語集.md"))[0])).GetProperty("command").GetProperty("arguments");
        args8[2].EnumerateArray().Select(l => Range(l.GetProperty("range"))).Should().Equal(Places.Select(Utf8));
    }

    [Fact]
    public async Task A_link_added_in_another_document_refreshes_the_lenses_and_their_counts()
    {
        await using var c = await StartAsync("utf-16");
        var lens = (await LensesAsync(c, "用語集.md"))[0];
        (await c.RequestAsync("codeLens/resolve", lens)).GetProperty("command").GetProperty("title").GetString().Should().Be("1 link · 2 mentions");

        var before = c.ServerRequests("workspace/codeLens/refresh").Count;
        var text = Marked.Text("別記事.md");
        await c.OpenAsync("別記事.md", text);
        await c.ChangeAsync("別記事.md", 2, LspTestClient.Edit(2, 0, 2, 0, $"[TL](用語集.md#{AnchorCodec.Encode("転移学習 | Transfer Learning")}) と Transfer Learning。"));
        await c.WaitForServerRequestAsync("workspace/codeLens/refresh", before + 1);
        (await c.RequestAsync("codeLens/resolve", lens)).GetProperty("command").GetProperty("title").GetString().Should().Be("2 links · 3 mentions");
    }

    [Fact]
    public async Task After_a_load_and_its_diagnostics_the_usage_table_is_made_in_the_background_for_a_client_that_shows_lenses()
    {
        await using var c = await StartAsync("utf-16");
        await c.WaitForDiagnosticsAsync("記事.md");
        await WarmedUpAsync(c);
        var index = c.Server.Queue.LastSnapshot.Folders[0].Index;
        index.IsUsageBuilt.Should().BeTrue("the first resolve finds it made");
        (await c.RequestAsync("codeLens/resolve", (await LensesAsync(c, "用語集.md"))[0])).GetProperty("command").GetProperty("title").GetString()
            .Should().Be("1 link · 2 mentions");
        c.Server.Queue.LastSnapshot.Folders[0].Index.Should().BeSameAs(index);

        // A client that shows no lenses: nothing needs the table so soon.
        await using var plain = LspTestClient.Create(Marked.Files.ToDictionary(f => f.Path, f => f.Text));
        await plain.InitializeAsync(new { general = new { positionEncodings = new[] { "utf-16" } } });
        await plain.WaitForDiagnosticsAsync("記事.md");
        await WarmedUpAsync(plain);
        plain.Server.Queue.LastSnapshot.Folders[0].Index.IsUsageBuilt.Should().BeFalse();
    }

    [Fact]
    public async Task The_server_announces_lenses_with_resolve()
    {
        await using var c = LspTestClient.Create(Marked.Files.ToDictionary(f => f.Path, f => f.Text));
        var init = await c.InitializeAsync(LspTestClient.Capabilities());
        init.GetProperty("capabilities").GetProperty("codeLensProvider").GetProperty("resolveProvider").GetBoolean().Should().BeTrue();
    }

    private static async Task<LspTestClient> StartAsync(string encoding)
    {
        var client = LspTestClient.Create(Marked.Files.ToDictionary(f => f.Path, f => f.Text));
        await client.InitializeAsync(LspTestClient.Capabilities(encodings: [encoding]));
        return client;
    }

    private static async Task WarmedUpAsync(LspTestClient c)
    {
        using var cts = new CancellationTokenSource(LspTestClient.Patience);
        while (c.Server.WarmUp.Completed == 0) await Task.Delay(20, cts.Token);
    }

    private static async Task<JsonElement[]> LensesAsync(LspTestClient c, string path) =>
        [.. (await c.RequestAsync("textDocument/codeLens", new { textDocument = new { uri = c.Uri(path) } })).EnumerateArray()];

    private static string Position(JsonElement p) => $"{p.GetProperty("line")}:{p.GetProperty("character")}";

    private static string Range(JsonElement r) => $"{Position(r.GetProperty("start"))}-{Position(r.GetProperty("end"))}";

    private static string Utf8(FixtureSpan span)
    {
        string At(int offset)
        {
            var p = Marked.Position(span.Path, offset);
            return $"{p.Line}:{Encoding.UTF8.GetByteCount(Marked.Text(span.Path).AsSpan(offset - p.Character, p.Character))}";
        }
        return $"{At(span.Span.Start)}-{At(span.Span.End)}";
    }
}
