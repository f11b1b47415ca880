using System.Text;
using GlossaryLsp.Server;
using GlossaryLsp.Server.Transport;

namespace GlossaryLsp.Tests.Server;

/// <summary>
/// The input filter takes a didOpen's text out of the message (decoded once) and the didOpen handler
/// takes it back: the document must have exactly the text the editor sent, escapes and all.
/// </summary>
public sealed class LiftedTextTests
{
    private const string Text = "## ファインチューニング | Fine-tuning\n\n\"引用\" と \\ と 🌲\t𠮷野家。\r\n";

    private static string DidOpen(string text, string method = "textDocument/didOpen") =>
        "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":{\"textDocument\":{\"uri\":\"file:///w/a.md\",\"languageId\":\"markdown\",\"version\":1,\"text\":"
        + System.Text.Json.JsonSerializer.Serialize(text) + "}}}";

    [Fact]
    public void The_filter_finds_the_text_of_a_didOpen_as_the_JSON_string_it_decodes_to()
    {
        var json = DidOpen(Text);
        var body = Encoding.UTF8.GetBytes(json);

        InboundMessageFilter.Vet(body, out var found).Should().BeNull();

        var t = found!.Value;
        t.Value.Should().Be(Text);
        Encoding.UTF8.GetString(body[t.Start..t.End]).Should().Be(System.Text.Json.JsonSerializer.Serialize(Text));
        Encoding.UTF8.GetString(body[t.End..]).Should().Be("}}}");
    }

    [Fact]
    public void Only_a_didOpen_with_one_text_is_lifted_wherever_its_method_stands()
    {
        var paramsFirst = "{\"params\":{\"textDocument\":{\"text\":\"x\",\"uri\":\"file:///w/a.md\"}},\"method\":\"textDocument/didOpen\",\"jsonrpc\":\"2.0\"}";
        InboundMessageFilter.Vet(Encoding.UTF8.GetBytes(paramsFirst), out var found).Should().BeNull();
        found!.Value.Value.Should().Be("x");

        InboundMessageFilter.Vet(Encoding.UTF8.GetBytes(DidOpen(Text, "textDocument/didSave")), out found).Should().BeNull();
        found.Should().BeNull();
        var twice = "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"text\":\"a\",\"text\":\"b\"}}}";
        InboundMessageFilter.Vet(Encoding.UTF8.GetBytes(twice), out found).Should().BeNull();
        found.Should().BeNull();
        var nested = "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"other\":{\"textDocument\":{\"text\":\"a\"}},\"textDocument\":{\"version\":{\"text\":\"b\"}}}}";
        InboundMessageFilter.Vet(Encoding.UTF8.GetBytes(nested), out found).Should().BeNull();
        found.Should().BeNull();
    }

    [Fact]
    public async Task A_document_opened_through_the_filter_has_the_editors_text_and_nothing_stays_lifted()
    {
        var root = Path.Combine(Path.GetTempPath(), "glossary-lsp-tests", Guid.NewGuid().ToString("N"));
        LspTestClient.WriteFile(root, "a.md", "# disk\n");
        await using var c = new RawConnection(root);
        await c.InitializeAsync();
        string Uri(string name) => ProtocolConversions.ToFileUri(Path.Combine(root, name));

        // A didOpen StreamJsonRpc rejects (its version is no number) leaves its lifted text behind; the next one lets it go.
        await c.SendAsync(new { jsonrpc = "2.0", method = "textDocument/didOpen", @params = new { textDocument = new { uri = Uri("a.md"), languageId = "markdown", version = "one", text = "lost" } } });
        await c.SendAsync(new { jsonrpc = "2.0", method = "textDocument/didOpen", @params = new { textDocument = new { uri = Uri("a.md"), languageId = "markdown", version = 1, text = Text } } });
        // A text that looks like a placeholder without the process's own key is an ordinary text.
        const string LooksLifted = "glossary-lifted-text:00000000000000000000000000000000:1";
        await c.SendAsync(new { jsonrpc = "2.0", method = "textDocument/didOpen", @params = new { textDocument = new { uri = Uri("b.md"), languageId = "markdown", version = 1, text = LooksLifted } } });

        await c.SendAsync(new { jsonrpc = "2.0", id = 2, method = "test/probe", @params = new { uri = Uri("a.md") } });
        (await c.ReadResponseAsync(2)).GetProperty("result").GetProperty("text").GetString().Should().Be(Text);
        await c.SendAsync(new { jsonrpc = "2.0", id = 3, method = "test/probe", @params = new { uri = Uri("b.md") } });
        (await c.ReadResponseAsync(3)).GetProperty("result").GetProperty("text").GetString().Should().Be(LooksLifted);
        c.Server.LiftedTexts.Count.Should().Be(0);
        c.Stderr.Should().Contain("textDocument/didOpen: invalid params");
    }
}
