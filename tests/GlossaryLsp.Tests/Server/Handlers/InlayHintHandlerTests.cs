using System.Text;
using System.Text.Json;

namespace GlossaryLsp.Tests.Server.Handlers;

/// <summary>Reading hints through the real JSON-RPC server: positions in UTF-16 and UTF-8, the tooltip on resolve, the setting.</summary>
public sealed class InlayHintHandlerTests
{
    /// <summary>The spans are the mentions that get a hint in the default "first" mode.</summary>
    private static readonly Fixture Marked = Fixture.Parse("""
        //- terms/tl.md
        ---
        type: glossary
        title: 転移学習
        term: てんいがくしゅう
        ---
        別の課題で学んだ知識を使う。二文目。
        //- 記事.md
        # 記事

        😀😀 [|転移学習|]と転移学習。

        ## 節

        [[|転移学習|]](terms/tl.md)
        """, "\r\n");

    [Fact]
    public async Task Readings_after_the_first_mention_per_section_in_utf16_and_utf8_and_resolve_gives_the_first_sentence()
    {
        await using var c = await StartAsync("utf-16");
        var hints = await HintsAsync(c);
        hints.Select(h => $"{Position(h.GetProperty("position"))} {h.GetProperty("label").GetString()}")
            .Should().Equal(Marked.Spans.Select(s => $"{Marked.Position("記事.md", s.Span.End)} ⟨てんいがくしゅう⟩"));

        var resolved = await c.RequestAsync("inlayHint/resolve", hints[0]);
        resolved.GetProperty("tooltip").GetProperty("value").GetString().Should().Be("別の課題で学んだ知識を使う。");

        await using var c8 = await StartAsync("utf-8");
        (await HintsAsync(c8)).Select(h => Position(h.GetProperty("position"))).Should().Equal(Marked.Spans.Select(s => Utf8(s.Span.End)));
    }

    [Fact]
    public async Task The_setting_off_removes_them_and_asks_the_client_to_refresh()
    {
        await using var c = await StartAsync("utf-16");
        (await HintsAsync(c)).Should().HaveCount(2);
        var before = c.ServerRequests("workspace/inlayHint/refresh").Count;
        await c.NotifyAsync("workspace/didChangeConfiguration", new { settings = new { glossary = new { readingHints = "off" } } });
        await c.WaitForServerRequestAsync("workspace/inlayHint/refresh", before + 1);
        (await HintsAsync(c)).Should().BeEmpty();
    }

    private static async Task<LspTestClient> StartAsync(string encoding)
    {
        var client = LspTestClient.Create(Marked.Files.ToDictionary(f => f.Path, f => f.Text));
        await client.InitializeAsync(LspTestClient.Capabilities(encodings: [encoding]));
        return client;
    }

    private static async Task<JsonElement[]> HintsAsync(LspTestClient c)
    {
        var result = await c.RequestAsync("textDocument/inlayHint", new
        {
            textDocument = new { uri = c.Uri("記事.md") }, range = new { start = new { line = 0, character = 0 }, end = new { line = 7, character = 0 } },
        });
        return [.. result.EnumerateArray()];
    }

    private static string Position(JsonElement p) => $"{p.GetProperty("line")}:{p.GetProperty("character")}";

    private static string Utf8(int offset)
    {
        var p = Marked.Position("記事.md", offset);
        return $"{p.Line}:{Encoding.UTF8.GetByteCount(Marked.Text("記事.md").AsSpan(offset - p.Character, p.Character))}";
    }
}
