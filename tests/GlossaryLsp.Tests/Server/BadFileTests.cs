using System.Text;
using GlossaryLsp.Core.Text;
using GlossaryLsp.Server.Protocol;

namespace GlossaryLsp.Tests.Server;

/// <summary>
/// SPEC §7 through the server: every kind of bad file, on disk or as an editor's text, gets a clear
/// diagnostic, links never leave the workspace, and the server keeps serving. The wire-level classes
/// (JSON-RPC garbage, unknown documents, deleted files, 50 MB documents) are in <see cref="BadInputTests"/>.
/// </summary>
public sealed class BadFileTests
{
    [Fact]
    public async Task Each_bad_file_on_disk_gets_a_diagnostic_and_the_good_ones_are_still_served()
    {
        var files = new Dictionary<string, string>(Fixtures.Workspace())
        {
            ["long-line.md"] = "# 長い行 🌲\n\n" + new string('x', 1024 * 1024) + "\n",
            ["deep-list.md"] = "# 深い\n\n" + string.Concat(Enumerable.Range(0, 3000).Select(i => new string(' ', 2 * i) + "- x\n")),
            ["deep-quote.md"] = "# 深い\n\n" + string.Concat(Enumerable.Repeat(string.Concat(Enumerable.Repeat("> ", 2000)) + "x\n", 200)),
            ["bad-yaml.md"] = "---\ntitle: [閉じていない\ntype: glossary\n---\n\n本文。\n",
            ["deep-yaml.md"] = "---\ntype: glossary\ntitle: 深い\nkeywords: " + new string('[', 5000) + new string(']', 5000) + "\n---\n\n本文。\n",
            ["html.md"] = "# HTML ✅\n\n<div><table><tr><td><a href=\"用語集.md#{{anchor}}\">閉じていない <b>HTML\n\n<a href=\"用語集.md#44GC44GE44GG\">壊れた錨</a>\n",
            ["escape.md"] = "# 外へ\n\n[パスワード](../../etc/passwd)と[錨](用語集.md#%%%not-base64)と[外](out.md)\n",
        };
        files["html.md"] = files["html.md"].Replace("{{anchor}}", Fixtures.TransferAnchor);
        await using var client = LspTestClient.Create(files);
        File.WriteAllBytes(Path.Combine(client.Root, "invalid-utf8.md"), [.. Encoding.UTF8.GetBytes("# 見出し\n"), 0xE8, 0xBB, 0x0A]);
        File.WriteAllBytes(Path.Combine(client.Root, "binary.md"), [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01]);
        File.CreateSymbolicLink(Path.Combine(client.Root, "out.md"), "/etc/passwd");
        await client.InitializeAsync();
        await client.SettleAsync();

        string Problem(string path)
        {
            var d = client.LatestDiagnostics(path)!.Diagnostics.Should().ContainSingle().Subject;
            (d.Code, d.Severity).Should().Be(((string?)null, DiagnosticSeverity.Error), "a file that cannot be analysed gets one error without a rule id");
            return d.Message;
        }

        Problem("invalid-utf8.md").Should().Contain("not valid UTF-8 (invalid byte at offset 12)");
        Problem("binary.md").Should().Contain("binary file (NUL byte at offset 4)");
        Problem("long-line.md").Should().Contain("line 3 is 1,048,576 characters long");
        Problem("deep-list.md").Should().Contain("line 260 is indented 514 columns; nesting over 128 levels (512 columns) is not analysed");
        Problem("deep-quote.md").Should().Contain("line 3 nests 2,000 block quotes and list items; nesting over 128 levels is not analysed");
        Problem("out.md").Should().Contain("symbolic link to a file outside the workspace; not read");
        Codes("bad-yaml.md").Should().Equal("GL0008");
        client.LatestDiagnostics("deep-yaml.md")!.Diagnostics.Should().ContainSingle().Which.Message.Should().Be(
            "Front matter is not valid YAML: line 3 of the front matter opens more than 128 nested [ ] or { } collections; nesting over 128 levels is not analysed");
        Codes("html.md").Should().Equal("GL0002");
        Codes("escape.md").Should().Equal("GL0001", "GL0006");
        client.LatestDiagnostics("escape.md")!.Diagnostics[0].Message.Should().Be("Link target '../../etc/passwd' is outside the workspace; it is not checked or read");

        var hover = await client.RequestAsync("textDocument/hover", new
        {
            textDocument = new { uri = client.Uri("escape.md") }, position = new Position(2, 3),
        });
        hover.GetProperty("contents").GetProperty("value").GetString().Should().Be("Broken link: `../../etc/passwd` is outside the workspace");
        (await client.RequestAsync("textDocument/definition", new { textDocument = new { uri = client.Uri("escape.md") }, position = new Position(2, 3) }))
            .GetArrayLength().Should().Be(0, "nothing outside the workspace is opened");
        Codes("記事.md").Should().Equal("GL0002");

        string[] Codes(string path) => [.. client.LatestDiagnostics(path)!.Diagnostics.Select(d => d.Code!)];
    }

    [Fact]
    public async Task Deep_nesting_typed_into_an_open_document_is_reported_and_undone()
    {
        await using var client = LspTestClient.Create(Fixtures.Workspace());
        await client.InitializeAsync();
        await client.OpenAsync("記事.md", Fixtures.Article);
        await client.WaitForDiagnosticsAsync("記事.md", p => p.Version == 1);

        var deep = string.Concat(Enumerable.Range(0, 1000).Select(i => new string(' ', 2 * i) + "- x\n"));
        await client.ChangeAsync("記事.md", 2, LspTestClient.FullText(Fixtures.Article + deep));
        var reported = await client.WaitForDiagnosticsAsync("記事.md", p => p.Version == 2);
        reported.Should().ContainSingle().Which.Message.Should().Contain("is indented 514 columns; nesting over 128 levels");

        await client.ChangeAsync("記事.md", 3, LspTestClient.FullText(Fixtures.Article));
        (await client.WaitForDiagnosticsAsync("記事.md", p => p.Version == 3)).Select(d => d.Code).Should().Equal("GL0002");
    }

    [Fact]
    public async Task A_file_changed_on_disk_while_open_keeps_the_editors_text_until_it_is_closed()
    {
        await using var client = LspTestClient.Create(Fixtures.Workspace());
        await client.InitializeAsync();
        await client.OpenAsync("記事.md", "# 記事\n\n書きかけの本文 ✅\n");
        (await client.WaitForDiagnosticsAsync("記事.md", p => p.Version == 1)).Should().BeEmpty();

        // On disk the article gains a second broken link while the editor holds its own text.
        client.WriteFile("記事.md", Fixtures.Article + "\n[再び](用語集.md#" + AnchorCodec.Encode("無い") + ")\n");
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new { changes = new[] { new { uri = client.Uri("記事.md"), type = FileChangeType.Changed } } });
        await client.SettleAsync();
        client.LatestDiagnostics("記事.md")!.Diagnostics.Should().BeEmpty("the editor's text is what the author sees");

        await client.NotifyAsync("textDocument/didClose", new { textDocument = new { uri = client.Uri("記事.md") } });
        await client.SettleAsync();
        client.LatestDiagnostics("記事.md")!.Diagnostics.Select(d => d.Code).Should().Equal("GL0002", "GL0002");
    }
}
