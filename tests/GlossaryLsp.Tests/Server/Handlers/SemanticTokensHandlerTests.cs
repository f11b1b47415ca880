using System.Text;
using System.Text.Json;

namespace GlossaryLsp.Tests.Server.Handlers;

/// <summary>Semantic tokens through the real JSON-RPC server: the token arrays decoded back to ranges, in UTF-16 and UTF-8.</summary>
public sealed class SemanticTokensHandlerTests
{
    /// <summary>Spans: the tokens of 記事.md in order (<see cref="Modifiers"/>); the last span is the heading 凍結 to edit.</summary>
    private static readonly Fixture Marked = Fixture.Parse("""
        //- 用語集.md
        <!-- 記事URL:https://example.org/用語集.md# -->

        ## 転移学習 | Transfer Learning<a id="6Lui56e75a2m57+S"></a>

        - 知識を持ち込む。

        ## [|凍結|]

        - 重みを止める。
        //- 記事.md
        # 記事

        🌲🌲 [|転移学習|]の前に[[|凍結|]](用語集.md#5YeN57WQ)する。
        `凍結` 😀[|Transfer Learning|]
        """, "\r\n");

    private static readonly int[] Modifiers = [2, 0, 2];

    [Fact]
    public async Task Full_tokens_in_utf16_and_utf8_decode_to_the_mentions_with_their_modifiers()
    {
        await using var c = await StartAsync(["utf-16"]);
        var tokens = await c.RequestAsync("textDocument/semanticTokens/full", new { textDocument = new { uri = c.Uri("記事.md") } });
        Decode(tokens).Should().Equal(Marked.Spans.Skip(1).Select((s, i) => $"{Marked.Range(s)} term {Modifiers[i]}"));

        await using var c8 = await StartAsync(["utf-8"]);
        var tokens8 = await c8.RequestAsync("textDocument/semanticTokens/full", new { textDocument = new { uri = c8.Uri("記事.md") } });
        Decode(tokens8).Should().Equal(Marked.Spans.Skip(1).Select((s, i) => $"{Utf8(s.Span.Start)}-{Utf8(s.Span.End)} term {Modifiers[i]}"));
    }

    [Fact]
    public async Task The_legend_names_the_term_type_and_its_modifiers_and_a_range_request_gives_its_lines()
    {
        await using var c = LspTestClient.Create(Workspace());
        var init = await c.InitializeAsync(LspTestClient.Capabilities());
        var provider = init.GetProperty("capabilities").GetProperty("semanticTokensProvider");
        provider.GetProperty("legend").GetRawText().Should().Be("""{"tokenTypes":["term"],"tokenModifiers":["declaration","unlinked","deprecated"]}""");
        provider.GetProperty("range").GetBoolean().Should().BeTrue();

        var tokens = await c.RequestAsync("textDocument/semanticTokens/range", new
        {
            textDocument = new { uri = c.Uri("記事.md") },
            range = new { start = new { line = 3, character = 0 }, end = new { line = 3, character = 1 } },
        });
        Decode(tokens).Should().Equal($"{Marked.Range(Marked.Spans[3])} term 2");
    }

    [Fact]
    public async Task Renaming_a_heading_in_another_document_asks_the_client_to_refresh_and_the_mention_is_gone()
    {
        await using var c = await StartAsync(["utf-16"]);
        await c.OpenAsync("用語集.md", Marked.Text("用語集.md"));
        await c.WaitForDiagnosticsAsync("用語集.md");
        var before = c.ServerRequests("workspace/semanticTokens/refresh").Count;

        await c.ChangeAsync("用語集.md", 2, LspTestClient.Edit(Marked, Marked.Spans[0], "冷凍"));
        await c.WaitForServerRequestAsync("workspace/semanticTokens/refresh", before + 1);
        var tokens = await c.RequestAsync("textDocument/semanticTokens/full", new { textDocument = new { uri = c.Uri("記事.md") } });
        Decode(tokens).Should().Equal($"{Marked.Range(Marked.Spans[1])} term 2", $"{Marked.Range(Marked.Spans[3])} term 2");

        // An edit that leaves the definitions as they are asks for nothing.
        await c.ChangeAsync("用語集.md", 3, LspTestClient.Insert(Marked, Marked.Spans[0], ""));
        await c.SettleAsync();
        c.ServerRequests("workspace/semanticTokens/refresh").Should().HaveCount(before + 1);
    }

    private static Dictionary<string, string> Workspace() => Marked.Files.ToDictionary(f => f.Path, f => f.Text);

    private static async Task<LspTestClient> StartAsync(string[] encodings)
    {
        var client = LspTestClient.Create(Workspace());
        await client.InitializeAsync(LspTestClient.Capabilities(encodings: encodings));
        return client;
    }

    /// <summary>"line:start-line:end term modifiers" per token of a semantic tokens result.</summary>
    private static IEnumerable<string> Decode(JsonElement tokens)
    {
        var data = tokens.GetProperty("data").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        data.Length.Should().Be(data.Length / 5 * 5);
        int line = 0, start = 0;
        for (int i = 0; i < data.Length; i += 5)
        {
            start = data[i] == 0 ? start + data[i + 1] : data[i + 1];
            line += data[i];
            data[i + 3].Should().Be(0, "the legend has one token type");
            yield return $"{line}:{start}-{line}:{start + data[i + 2]} term {data[i + 4]}";
        }
    }

    /// <summary>The UTF-8 position of an offset of 記事.md: the line and the bytes before it on that line.</summary>
    private static string Utf8(int offset)
    {
        var p = Marked.Position("記事.md", offset);
        return $"{p.Line}:{Encoding.UTF8.GetByteCount(Marked.Text("記事.md").AsSpan(offset - p.Character, p.Character))}";
    }
}
