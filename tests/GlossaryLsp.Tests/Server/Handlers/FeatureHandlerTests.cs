using System.Text.Json;
using StreamJsonRpc;

namespace GlossaryLsp.Tests.Server.Handlers;

/// <summary>
/// The feature handlers through the real JSON-RPC server in-process (a duplex stream), on a small
/// Japanese workspace: exact ranges and texts; the core services have their own detailed tests.
/// </summary>
public sealed class FeatureHandlerTests
{
    /// <summary>An article with a link to 転移学習 (line 2), a broken link (line 4) and an unlinked mention (line 6).</summary>
    private static readonly string Article = Fixtures.Article + "\n凍結する前に転移学習を試す。\n";

    [Fact]
    public async Task Hover_on_a_link_in_utf16_and_utf8()
    {
        await using var c = await StartAsync();
        var hover = await c.RequestAsync("textDocument/hover", At(c, "記事.md", Fixtures.TermLink.Span.Start + 3));
        hover.GetProperty("contents").GetProperty("kind").GetString().Should().Be("markdown");
        hover.GetProperty("contents").GetProperty("value").GetString().Should().Be(
            "**転移学習** | Transfer Learning\n\n- ある課題で学習したモデルを別の課題に流用する手法。\n\n---\n\nDefined in `用語集.md:4`\n");
        R(hover.GetProperty("range")).Should().Be(Fixtures.Marked.Range(Fixtures.TermLink));

        await using var c8 = LspTestClient.Create(Workspace());
        await c8.InitializeAsync(LspTestClient.Capabilities(encodings: ["utf-8"]));
        // UTF-8: "[転移" is 1 + 6 bytes; the link is 73 bytes long.
        var hover8 = await c8.RequestAsync("textDocument/hover", At(c8, "記事.md", 2, 7));
        R(hover8.GetProperty("range")).Should().Be("2:0-2:73");
    }

    private static Dictionary<string, string> Workspace() => new()
    {
        ["用語集.md"] = Fixtures.Glossary + "\n## 凍結 | Freezing\n\n- 重みを止める。\n",
        ["記事.md"] = Article,
        ["pages/da.md"] = "---\ntitle: データ拡張\ne-title: Data Augmentation\nterm: でーたかくちょう\ntype: glossary\n---\n\n水増し。\n",
    };

    private static async Task<LspTestClient> StartAsync(object? capabilities = null)
    {
        var client = LspTestClient.Create(Workspace());
        await client.InitializeAsync(capabilities);
        return client;
    }

    private static object At(LspTestClient c, string path, int line, int character) =>
        new { textDocument = new { uri = c.Uri(path) }, position = new { line, character } };

    /// <summary>A UTF-16 position in the article or glossary of <see cref="Fixtures.Marked"/>.</summary>
    private static object At(LspTestClient c, string path, int offset) =>
        new { textDocument = new { uri = c.Uri(path) }, position = Fixtures.PositionOf(Fixtures.Marked, path, offset) };

    private static string R(JsonElement range) =>
        $"{range.GetProperty("start").GetProperty("line")}:{range.GetProperty("start").GetProperty("character")}-" +
        $"{range.GetProperty("end").GetProperty("line")}:{range.GetProperty("end").GetProperty("character")}";

    [Fact]
    public async Task Hover_on_a_mention_in_plaintext_for_a_plaintext_client()
    {
        await using var c = LspTestClient.Create(Workspace());
        await c.InitializeAsync(new { textDocument = new { hover = new { contentFormat = new[] { "plaintext" } } } });
        var hover = await c.RequestAsync("textDocument/hover", At(c, "記事.md", 6, 1));
        hover.GetProperty("contents").GetProperty("kind").GetString().Should().Be("plaintext");
        hover.GetProperty("contents").GetProperty("value").GetString().Should().Be("凍結 | Freezing\n\n- 重みを止める。\n\nDefined in 用語集.md:8\n");
        R(hover.GetProperty("range")).Should().Be("6:0-6:2");
        (await c.RequestAsync("textDocument/hover", At(c, "記事.md", 1, 0))).ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task Completion_inserts_a_link_and_resolve_adds_the_definition()
    {
        await using var c = await StartAsync();
        await c.OpenAsync("記事.md", Article + "この手法はでーたか\n", version: 2);
        var list = await c.RequestAsync("textDocument/completion", At(c, "記事.md", 7, 9));
        list.GetProperty("isIncomplete").GetBoolean().Should().BeFalse();
        var item = list.GetProperty("items").EnumerateArray().Should().ContainSingle().Subject;
        item.GetProperty("label").GetString().Should().Be("データ拡張");
        item.GetProperty("kind").GetInt32().Should().Be(18);
        item.GetProperty("filterText").GetString().Should().Be("でーたか");
        item.GetProperty("detail").GetString().Should().Be("データ拡張 | Data Augmentation（でーたかくちょう） — pages/da.md");
        item.GetProperty("textEdit").GetProperty("newText").GetString().Should().Be("[データ拡張](pages/da.md)");
        R(item.GetProperty("textEdit").GetProperty("range")).Should().Be("7:5-7:9");
        item.TryGetProperty("documentation", out _).Should().BeFalse();

        var resolved = await c.RequestAsync("completionItem/resolve", item);
        resolved.GetProperty("documentation").GetProperty("value").GetString().Should().Be(
            "**データ拡張** | Data Augmentation\n\n読み: でーたかくちょう\n\n水増し。\n\n---\n\nDefined in `pages/da.md:2`\n");
    }

    [Fact]
    public async Task Completion_of_an_english_prefix_and_of_anchors_after_href_hash()
    {
        await using var c = await StartAsync();
        await c.OpenAsync("記事.md", Article + "We use Trans\n<a href=\"用語集.md#\n", version: 2);
        var words = await c.RequestAsync("textDocument/completion", At(c, "記事.md", 7, 12));
        words.GetProperty("items")[0].GetProperty("textEdit").GetProperty("newText").GetString().Should().Be(
            "[Transfer Learning](用語集.md#" + Fixtures.TransferAnchor + ")");
        var anchors = await c.RequestAsync("textDocument/completion", At(c, "記事.md", 8, 17));
        anchors.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("label").GetString() + " " + i.GetProperty("textEdit").GetProperty("newText").GetString())
            .Should().Equal("転移学習 | Transfer Learning " + Fixtures.TransferAnchor, "凍結 | Freezing 5YeN57WQIHwgRnJlZXppbmc=");
    }

    [Fact]
    public async Task Definition_and_references()
    {
        await using var c = await StartAsync();
        var definition = await c.RequestAsync("textDocument/definition", At(c, "記事.md", Fixtures.TermLink.Span.Start + 2));
        var location = definition.EnumerateArray().Should().ContainSingle().Subject;
        location.GetProperty("uri").GetString().Should().Be(c.Uri("用語集.md"));
        R(location.GetProperty("range")).Should().Be(Fixtures.Marked.Range(Fixtures.TermName));

        var refs = await c.RequestAsync("textDocument/references", new
        {
            textDocument = new { uri = c.Uri("用語集.md") }, position = Fixtures.PositionOf(Fixtures.Marked, "用語集.md", Fixtures.TermName.Span.Start + 2),
            context = new { includeDeclaration = true },
        });
        refs.EnumerateArray().Select(l => $"{Path.GetFileName(new Uri(l.GetProperty("uri").GetString()!).LocalPath)} {R(l.GetProperty("range"))}")
            .Should().Equal($"用語集.md {Fixtures.Marked.Range(Fixtures.TermName)}", $"記事.md {Fixtures.Marked.Range(Fixtures.TermLink)}");
    }

    [Fact]
    public async Task Document_symbols_workspace_symbols_links_and_folding()
    {
        await using var c = await StartAsync();
        var symbols = await c.RequestAsync("textDocument/documentSymbol", new { textDocument = new { uri = c.Uri("用語集.md") } });
        symbols.EnumerateArray().Select(s => $"{s.GetProperty("name").GetString()} ({s.GetProperty("detail").GetString()}) {R(s.GetProperty("range"))} {R(s.GetProperty("selectionRange"))}")
            .Should().Equal("転移学習 (Transfer Learning) 3:0-5:27 3:3-3:27", "凍結 (Freezing) 7:0-9:9 7:3-7:16");

        var found = await c.RequestAsync("workspace/symbol", new { query = "でーた" });
        found.EnumerateArray().Select(s => $"{s.GetProperty("name").GetString()} | {s.GetProperty("containerName").GetString()} {R(s.GetProperty("location").GetProperty("range"))}")
            .Should().Equal("でーたかくちょう | データ拡張 — pages/da.md 1:7-1:12", "データ拡張 | Data Augmentation — pages/da.md 1:7-1:12");

        var links = await c.RequestAsync("textDocument/documentLink", new { textDocument = new { uri = c.Uri("記事.md") } });
        var link = links.EnumerateArray().Should().ContainSingle().Subject; // the broken one is left to diagnostics
        R(link.GetProperty("range")).Should().Be("2:7-2:58");
        link.GetProperty("target").GetString().Should().Be(c.Uri("用語集.md") + "#L4");

        var folds = await c.RequestAsync("textDocument/foldingRange", new { textDocument = new { uri = c.Uri("pages/da.md") } });
        folds.EnumerateArray().Select(f => $"{f.GetProperty("startLine")}-{f.GetProperty("endLine")} {f.GetProperty("kind").GetString()}").Should().Equal("0-5 region");
    }

    [Fact]
    public async Task Code_actions_link_the_mention_and_link_all()
    {
        await using var c = await StartAsync();
        var actions = await c.RequestAsync("textDocument/codeAction", new
        {
            textDocument = new { uri = c.Uri("記事.md") },
            range = new { start = new { line = 6, character = 7 }, end = new { line = 6, character = 7 } },
            context = new { diagnostics = Array.Empty<object>() },
        });
        actions.EnumerateArray().Select(a => $"{a.GetProperty("kind").GetString()}: {a.GetProperty("title").GetString()}").Should().Equal(
            "quickfix: Link “転移学習” to 転移学習 (用語集.md)", "source: Link all terms in this document");
        var edit = actions[0].GetProperty("edit").GetProperty("documentChanges")[0];
        edit.GetProperty("textDocument").GetProperty("uri").GetString().Should().Be(c.Uri("記事.md"));
        var textEdit = edit.GetProperty("edits").EnumerateArray().Should().ContainSingle().Subject;
        R(textEdit.GetProperty("range")).Should().Be("6:6-6:10");
        textEdit.GetProperty("newText").GetString().Should().Be("[転移学習](用語集.md#" + Fixtures.TransferAnchor + ")");
        actions[1].GetProperty("edit").GetProperty("documentChanges")[0].GetProperty("edits").GetArrayLength().Should().Be(2);

        var onlySource = await c.RequestAsync("textDocument/codeAction", new
        {
            textDocument = new { uri = c.Uri("記事.md") },
            range = new { start = new { line = 6, character = 7 }, end = new { line = 6, character = 7 } },
            context = new { diagnostics = Array.Empty<object>(), only = new[] { "source" } },
        });
        onlySource.EnumerateArray().Select(a => a.GetProperty("title").GetString()).Should().Equal("Link all terms in this document");

        // The light bulb (automatic trigger, on every cursor move) skips the whole-document scan.
        var automatic = await c.RequestAsync("textDocument/codeAction", new
        {
            textDocument = new { uri = c.Uri("記事.md") },
            range = new { start = new { line = 6, character = 7 }, end = new { line = 6, character = 7 } },
            context = new { diagnostics = Array.Empty<object>(), triggerKind = 2 },
        });
        automatic.EnumerateArray().Select(a => a.GetProperty("title").GetString()).Should().Equal("Link “転移学習” to 転移学習 (用語集.md)");
    }

    [Fact]
    public async Task Link_all_terms_command_sends_workspace_apply_edit()
    {
        await using var c = await StartAsync();
        var result = await c.RequestAsync("workspace/executeCommand", new { command = "glossary.linkAllTerms", arguments = new[] { c.Uri("記事.md") } });
        result.GetProperty("applied").GetBoolean().Should().BeTrue();
        result.GetProperty("links").GetInt32().Should().Be(2);
        var request = c.ServerRequests("workspace/applyEdit").Should().ContainSingle().Subject;
        request.GetProperty("label").GetString().Should().Be("Link all terms in this document");
        request.GetProperty("edit").GetProperty("documentChanges")[0].GetProperty("edits").EnumerateArray()
            .Select(e => $"{R(e.GetProperty("range"))} {e.GetProperty("newText").GetString()}")
            .Should().Equal("6:0-6:2 [凍結](用語集.md#5YeN57WQIHwgRnJlZXppbmc=)", $"6:6-6:10 [転移学習](用語集.md#{Fixtures.TransferAnchor})");

        var bad = async () => await c.RequestAsync("workspace/executeCommand", new { command = "glossary.linkAllTerms", arguments = Array.Empty<string>() });
        await bad.Should().ThrowAsync<RemoteRpcException>().WithMessage("glossary.linkAllTerms takes one argument: the document URI");
    }

    [Fact]
    public async Task Unknown_documents_and_out_of_range_positions_get_empty_answers()
    {
        await using var c = await StartAsync();
        var unknown = new { textDocument = new { uri = "file:///nowhere/x.md" }, position = new { line = 0, character = 0 } };
        (await c.RequestAsync("textDocument/hover", unknown)).ValueKind.Should().Be(JsonValueKind.Null);
        (await c.RequestAsync("textDocument/completion", unknown)).GetProperty("items").GetArrayLength().Should().Be(0);
        (await c.RequestAsync("textDocument/definition", unknown)).GetArrayLength().Should().Be(0);
        (await c.RequestAsync("textDocument/documentSymbol", new { textDocument = new { uri = "file:///nowhere/x.md" } })).GetArrayLength().Should().Be(0);
        (await c.RequestAsync("textDocument/foldingRange", new { textDocument = new { uri = "file:///nowhere/x.md" } })).GetArrayLength().Should().Be(0);
        // Positions past the end clamp to the last line's end: on 記事.md that is after the final "。" (plain text).
        (await c.RequestAsync("textDocument/hover", At(c, "記事.md", 999, 999))).ValueKind.Should().Be(JsonValueKind.Null);
        (await c.RequestAsync("textDocument/completion", At(c, "記事.md", 2, 9999))).GetProperty("items").ValueKind.Should().Be(JsonValueKind.Array);
    }

    [Fact]
    public async Task Glossary_terms_lists_every_term_for_the_picker()
    {
        await using var c = await StartAsync();
        var result = await c.RequestAsync("glossary/terms", new { });
        result.GetProperty("terms").EnumerateArray()
            .Select(t => $"{t.GetProperty("headword").GetString()}|{string.Join(",", t.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()))}|{t.GetProperty("reading")}|{Path.GetFileName(new Uri(t.GetProperty("uri").GetString()!).LocalPath)}|{R(t.GetProperty("range"))}|{t.GetProperty("definition").GetString()}")
            .Should().Equal(
                "データ拡張|Data Augmentation|でーたかくちょう|da.md|1:7-1:12|水増し。",
                "転移学習|Transfer Learning||用語集.md|3:3-3:27|- ある課題で学習したモデルを別の課題に流用する手法。",
                "凍結|Freezing||用語集.md|7:3-7:16|- 重みを止める。");
    }
}

public sealed class RenameHandlerTests
{
    [Fact]
    public async Task PrepareRename_gives_the_entry_word_and_rename_rewrites_heading_id_and_links()
    {
        await using var c = LspTestClient.Create(Workspace());
        await c.InitializeAsync();
        var prepared = await c.RequestAsync("textDocument/prepareRename", At(c, "用語集.md", 3, 4));
        R(prepared.GetProperty("range")).Should().Be("3:3-3:7");
        prepared.GetProperty("placeholder").GetString().Should().Be("転移学習");

        var edit = await c.RequestAsync("textDocument/rename", new
        {
            textDocument = new { uri = c.Uri("用語集.md") }, position = new { line = 3, character = 4 }, newName = "転移型学習",
        });
        var newAnchor = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("転移型学習 | Transfer Learning"));
        var byFile = edit.GetProperty("documentChanges").EnumerateArray().ToDictionary(
            d => Path.GetFileName(new Uri(d.GetProperty("textDocument").GetProperty("uri").GetString()!).LocalPath),
            d => d.GetProperty("edits").EnumerateArray().Select(e => $"{R(e.GetProperty("range"))} {e.GetProperty("newText").GetString()}").ToList());
        byFile.Keys.Should().BeEquivalentTo("用語集.md", "記事.md");
        byFile["用語集.md"].Should().Equal("3:3-3:7 転移型学習", "3:34-3:78 " + newAnchor);
        byFile["記事.md"].Should().Equal("2:1-2:5 転移型学習", "2:14-2:58 " + newAnchor);
    }

    private static Dictionary<string, string> Workspace() => new()
    {
        ["用語集.md"] = Fixtures.Glossary,
        ["記事.md"] = Fixtures.Article,
    };

    private static object At(LspTestClient c, string path, int line, int character) =>
        new { textDocument = new { uri = c.Uri(path) }, position = new { line, character } };

    private static string R(JsonElement range) =>
        $"{range.GetProperty("start").GetProperty("line")}:{range.GetProperty("start").GetProperty("character")}-" +
        $"{range.GetProperty("end").GetProperty("line")}:{range.GetProperty("end").GetProperty("character")}";

    [Fact]
    public async Task Rename_errors_come_back_as_rpc_errors_with_the_reason()
    {
        await using var c = LspTestClient.Create(Workspace());
        await c.InitializeAsync();
        var nothing = async () => await c.RequestAsync("textDocument/prepareRename", At(c, "記事.md", 1, 0));
        await nothing.Should().ThrowAsync<RemoteRpcException>().WithMessage("Only terms can be renamed*");
        var bad = async () => await c.RequestAsync("textDocument/rename", new
        {
            textDocument = new { uri = c.Uri("用語集.md") }, position = new { line = 3, character = 4 }, newName = "A | B",
        });
        await bad.Should().ThrowAsync<RemoteRpcException>().WithMessage("*contains '|'*");
    }
}
