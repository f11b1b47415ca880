using System.Text.Json;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Tests.Server.Handlers;

/// <summary>"Create a term" through the real JSON-RPC server: one workspace edit over two documents, then the new term hovers.</summary>
public sealed class TermCreationHandlerTests
{
    private static readonly Fixture Marked = Fixture.Parse("""
        //- 用語集.md
        <!-- 記事URL:https://example.org/用語集.md# -->

        ## 転移学習<a id="6Lui56e75a2m57+S"></a>

        - 知識を持ち込む。
        //- 記事.md
        😀 [|蒸留|]を試す。
        """, "\r\n");

    [Fact]
    public async Task Adding_a_selected_word_edits_the_glossary_and_links_the_word_and_the_new_term_hovers()
    {
        await using var c = LspTestClient.Create(Marked.Files.ToDictionary(f => f.Path, f => f.Text));
        await c.InitializeAsync(LspTestClient.Capabilities());
        await c.OpenAsync("記事.md", Marked.Text("記事.md"));
        await c.OpenAsync("用語集.md", Marked.Text("用語集.md"));
        await c.WaitForDiagnosticsAsync("記事.md");

        var actions = await c.RequestAsync("textDocument/codeAction", new
        {
            textDocument = new { uri = c.Uri("記事.md") }, range = Fixtures.RangeOf(Marked, Marked.Spans[0]), context = new { diagnostics = Array.Empty<object>() },
        });
        var add = actions.EnumerateArray().Single(a => a.GetProperty("title").GetString() == "Add '蒸留' to 用語集.md");
        add.GetProperty("kind").GetString().Should().Be("quickfix");
        var changes = add.GetProperty("edit").GetProperty("documentChanges").EnumerateArray().ToList();
        var anchor = AnchorCodec.Encode("蒸留");
        changes.Select(Describe).Should().Equal(
            $"記事.md v1 {Marked.Range(Marked.Spans[0])} [蒸留](用語集.md#{anchor})",
            $"用語集.md v1 5:0-5:0 \r\n## 蒸留<a id=\"{anchor}\"></a>\r\n\r\n- \r\n");

        // The client applies the edit: the link now hovers with the new term's empty definition.
        foreach (var change in changes)
        {
            var path = FileName(change.GetProperty("textDocument").GetProperty("uri"));
            var edit = change.GetProperty("edits")[0];
            await c.ChangeAsync(path, 2, new { range = edit.GetProperty("range"), text = edit.GetProperty("newText").GetString() });
        }
        await c.WaitForDiagnosticsAsync("記事.md", p => p.Version == 2);
        var hover = await c.RequestAsync("textDocument/hover", new
        {
            textDocument = new { uri = c.Uri("記事.md") }, position = Fixtures.PositionOf(Marked, "記事.md", Marked.Spans[0].Span.Start + 1),
        });
        hover.GetProperty("contents").GetProperty("value").GetString().Should().Be("**蒸留**\n\n-\n\n---\n\nDefined in `用語集.md:7`\n");
    }

    private static string Describe(JsonElement change)
    {
        var edit = change.GetProperty("edits").EnumerateArray().Single();
        return $"{FileName(change.GetProperty("textDocument").GetProperty("uri"))} v{change.GetProperty("textDocument").GetProperty("version")} "
            + $"{Fixtures.RangeText(edit.GetProperty("range"))} {edit.GetProperty("newText").GetString()}";
    }

    private static string FileName(JsonElement uri) => Path.GetFileName(new Uri(uri.GetString()!).LocalPath);
}
