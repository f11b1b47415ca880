using System.Text;
using System.Text.Json;
using GlossaryLsp.Core.Text;
using StreamJsonRpc;

namespace GlossaryLsp.Tests.Server.Handlers;

/// <summary>
/// The feature handlers through the real JSON-RPC server in-process (a duplex stream), on a small
/// Japanese workspace: exact ranges and texts; the core services have their own detailed tests.
/// </summary>
public sealed class FeatureHandlerTests
{
    /// <summary>
    /// <see cref="Fixtures.Marked"/> with a second term (凍結) in the glossary, a line of unlinked mentions
    /// in the article and a glossary page with front matter. The cursor is on the article's blank line.
    /// </summary>
    private static readonly Fixture Marked = Fixture.Parse($$"""
        //- 用語集.md
        <!-- 記事タイトル:用語集 -->
        <!-- 記事URL:https://example.org/glossary/用語集.md# -->

        [|## [|転移学習 | Transfer Learning|]<a id="{{Fixtures.TransferAnchor}}"></a>

        - ある課題で学習したモデルを別の課題に流用する手法。|]

        [|## [|凍結 | Freezing|]

        - 重みを止める。|]
        //- 記事.md
        # 記事
        $0
        [|[転移学習]([|用語集.md#{{Fixtures.TransferAnchor}}|])|]を使う ✅。

        🌲[存在しない](用語集.md#44GC44GE44GG)へのリンク。

        [|凍結|]する前に[|転移学習|]を試す。
        //- pages/da.md
        [|---
        title: [|データ拡張|]
        e-title: Data Augmentation
        term: でーたかくちょう
        type: glossary
        ---|]

        水増し。

        """, "\n");

    private static readonly string Article = Marked.Text("記事.md");

    private static FixtureSpan TransferSection => Marked.Spans[0];
    private static FixtureSpan TransferName => Marked.Spans[1];
    private static FixtureSpan FreezeSection => Marked.Spans[2];
    private static FixtureSpan FreezeName => Marked.Spans[3];
    private static FixtureSpan TransferLink => Marked.Spans[4];
    private static FixtureSpan TransferLinkTarget => Marked.Spans[5];
    private static FixtureSpan FreezeMention => Marked.Spans[6];
    private static FixtureSpan TransferMention => Marked.Spans[7];
    private static FixtureSpan FrontMatter => Marked.Spans[8];
    private static FixtureSpan PageTitle => Marked.Spans[9];

    [Fact]
    public async Task Hover_on_a_link_in_utf16_and_utf8()
    {
        await using var c = await StartAsync();
        var hover = await c.RequestAsync("textDocument/hover", At(c, TransferLink.Path, TransferLink.Span.Start + 3));
        hover.GetProperty("contents").GetProperty("kind").GetString().Should().Be("markdown");
        hover.GetProperty("contents").GetProperty("value").GetString().Should().Be(
            "**転移学習** | Transfer Learning\n\n- ある課題で学習したモデルを別の課題に流用する手法。\n\n---\n\nDefined in `用語集.md:4`\n");
        R(hover.GetProperty("range")).Should().Be(Marked.Range(TransferLink));

        await using var c8 = LspTestClient.Create(Workspace());
        await c8.InitializeAsync(LspTestClient.Capabilities(encodings: ["utf-8"]));
        var at = Utf8(TransferLink.Path, TransferLink.Span.Start + 3);
        var hover8 = await c8.RequestAsync("textDocument/hover", new
        {
            textDocument = new { uri = c8.Uri(TransferLink.Path) }, position = new { line = at.Line, character = at.Character },
        });
        R(hover8.GetProperty("range")).Should().Be($"{Utf8(TransferLink.Path, TransferLink.Span.Start)}-{Utf8(TransferLink.Path, TransferLink.Span.End)}");
    }

    private static Dictionary<string, string> Workspace() => Marked.Files.ToDictionary(f => f.Path, f => f.Text);

    private static async Task<LspTestClient> StartAsync(object? capabilities = null)
    {
        var client = LspTestClient.Create(Workspace());
        await client.InitializeAsync(capabilities);
        return client;
    }

    /// <summary>A UTF-16 position in a file of a fixture (of <see cref="Marked"/> by default).</summary>
    private static object At(LspTestClient c, string path, int offset, Fixture? fixture = null) =>
        new { textDocument = new { uri = c.Uri(path) }, position = Fixtures.PositionOf(fixture ?? Marked, path, offset) };

    private static object At(LspTestClient c, FixtureSpan cursor, Fixture? fixture = null) => At(c, cursor.Path, cursor.Span.Start, fixture);

    /// <summary>The UTF-8 position of an offset of <see cref="Marked"/>: the line and the bytes before it on that line.</summary>
    private static LinePosition Utf8(string path, int offset)
    {
        var p = Marked.Position(path, offset);
        return new LinePosition(p.Line, Encoding.UTF8.GetByteCount(Marked.Text(path).AsSpan(offset - p.Character, p.Character)));
    }

    private static string R(JsonElement range) => Fixtures.RangeText(range);

    private static string FileName(JsonElement uri) => Path.GetFileName(new Uri(uri.GetString()!).LocalPath);

    [Fact]
    public async Task Hover_on_a_mention_in_plaintext_for_a_plaintext_client()
    {
        await using var c = LspTestClient.Create(Workspace());
        await c.InitializeAsync(new { textDocument = new { hover = new { contentFormat = new[] { "plaintext" } } } });
        var hover = await c.RequestAsync("textDocument/hover", At(c, FreezeMention.Path, FreezeMention.Span.Start + 1));
        hover.GetProperty("contents").GetProperty("kind").GetString().Should().Be("plaintext");
        hover.GetProperty("contents").GetProperty("value").GetString().Should().Be("凍結 | Freezing\n\n- 重みを止める。\n\nDefined in 用語集.md:8\n");
        R(hover.GetProperty("range")).Should().Be(Marked.Range(FreezeMention));
        (await c.RequestAsync("textDocument/hover", At(c, Marked.Cursor!))).ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task Hover_links_a_term_of_the_definition_to_its_heading_line_or_drops_the_markup()
    {
        var linked = Fixture.Parse($$"""
            //- 用語集.md
            <!-- 記事タイトル:用語集 -->

            ## $0決定木

            - <a href="#{{AnchorCodec.Encode("特徴量")}}">特徴量</a>で`分岐`する。

            ## 特徴量

            - 入力。
            """, "\r\n");
        var files = linked.Files.ToDictionary(f => f.Path, f => f.Text);
        await using var md = LspTestClient.Create(files);
        await md.InitializeAsync();
        var hover = await md.RequestAsync("textDocument/hover", At(md, linked.Cursor!, linked));
        hover.GetProperty("contents").GetProperty("kind").GetString().Should().Be("markdown");
        hover.GetProperty("contents").GetProperty("value").GetString().Should().Be(
            $"**決定木**\n\n- [特徴量]({md.Uri("用語集.md")}#L7)で`分岐`する。\n\n---\n\nDefined in `用語集.md:3`\n\nUsed in the workspace: 0 links · 0 mentions\n");

        await using var plain = LspTestClient.Create(files);
        await plain.InitializeAsync(new { textDocument = new { hover = new { contentFormat = new[] { "plaintext" } } } });
        hover = await plain.RequestAsync("textDocument/hover", At(plain, linked.Cursor!, linked));
        hover.GetProperty("contents").GetProperty("kind").GetString().Should().Be("plaintext");
        hover.GetProperty("contents").GetProperty("value").GetString().Should().Be("決定木\n\n- 特徴量で分岐する。\n\nDefined in 用語集.md:3\n\nUsed in the workspace: 0 links · 0 mentions\n");
    }

    [Fact]
    public async Task Completion_inserts_a_link_and_resolve_adds_the_definition()
    {
        await using var c = await StartAsync();
        var typed = Fixture.Parse("//- 記事.md\n" + Article + "この手法は[|でーたか|]$0\n");
        await c.OpenAsync("記事.md", typed.Text("記事.md"), version: 2);
        var list = await c.RequestAsync("textDocument/completion", At(c, typed.Cursor!, typed));
        list.GetProperty("isIncomplete").GetBoolean().Should().BeFalse();
        var item = list.GetProperty("items").EnumerateArray().Should().ContainSingle().Subject;
        item.GetProperty("label").GetString().Should().Be("データ拡張");
        item.GetProperty("kind").GetInt32().Should().Be(18);
        item.GetProperty("filterText").GetString().Should().Be("でーたか");
        item.GetProperty("detail").GetString().Should().Be("データ拡張 | Data Augmentation（でーたかくちょう） — pages/da.md");
        item.GetProperty("textEdit").GetProperty("newText").GetString().Should().Be("[データ拡張](pages/da.md)");
        R(item.GetProperty("textEdit").GetProperty("range")).Should().Be(typed.Range(typed.Span()));
        item.TryGetProperty("documentation", out _).Should().BeFalse();

        var resolved = await c.RequestAsync("completionItem/resolve", item);
        resolved.GetProperty("documentation").GetProperty("value").GetString().Should().Be(
            "**データ拡張** | Data Augmentation\n\n読み: でーたかくちょう\n\n水増し。\n\n---\n\nDefined in `pages/da.md:2`\n");
    }

    [Fact]
    public async Task Completion_of_an_english_prefix_and_of_anchors_after_href_hash()
    {
        await using var c = await StartAsync();
        var typed = Fixture.Parse("//- 記事.md\n" + Article + "We use Trans[||]\n<a href=\"用語集.md#[||]\n");
        await c.OpenAsync("記事.md", typed.Text("記事.md"), version: 2);
        var words = await c.RequestAsync("textDocument/completion", At(c, typed.Spans[0], typed));
        words.GetProperty("items")[0].GetProperty("textEdit").GetProperty("newText").GetString().Should().Be(
            "[Transfer Learning](用語集.md#" + Fixtures.TransferAnchor + ")");
        var anchors = await c.RequestAsync("textDocument/completion", At(c, typed.Spans[1], typed));
        anchors.GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("label").GetString() + " " + i.GetProperty("textEdit").GetProperty("newText").GetString())
            .Should().Equal("転移学習 | Transfer Learning " + Fixtures.TransferAnchor, "凍結 | Freezing 5YeN57WQIHwgRnJlZXppbmc=");
    }

    [Fact]
    public async Task Definition_and_references()
    {
        await using var c = await StartAsync();
        var definition = await c.RequestAsync("textDocument/definition", At(c, TransferLink.Path, TransferLink.Span.Start + 2));
        var location = definition.EnumerateArray().Should().ContainSingle().Subject;
        location.GetProperty("uri").GetString().Should().Be(c.Uri("用語集.md"));
        R(location.GetProperty("range")).Should().Be(Marked.Range(TransferName));

        var refs = await c.RequestAsync("textDocument/references", new
        {
            textDocument = new { uri = c.Uri("用語集.md") },
            position = Fixtures.PositionOf(Marked, TransferName.Path, TransferName.Span.Start + 2),
            context = new { includeDeclaration = true },
        });
        refs.EnumerateArray().Select(l => $"{FileName(l.GetProperty("uri"))} {R(l.GetProperty("range"))}")
            .Should().Equal($"用語集.md {Marked.Range(TransferName)}", $"記事.md {Marked.Range(TransferLink)}");
    }

    [Fact]
    public async Task Document_symbols_workspace_symbols_links_and_folding()
    {
        await using var c = await StartAsync();
        var symbols = await c.RequestAsync("textDocument/documentSymbol", new { textDocument = new { uri = c.Uri("用語集.md") } });
        symbols.EnumerateArray()
            .Select(s => $"{s.GetProperty("name").GetString()} ({s.GetProperty("detail").GetString()}) {R(s.GetProperty("range"))} {R(s.GetProperty("selectionRange"))}")
            .Should().Equal(
                $"転移学習 (Transfer Learning) {Marked.Range(TransferSection)} {Marked.Range(TransferName)}",
                $"凍結 (Freezing) {Marked.Range(FreezeSection)} {Marked.Range(FreezeName)}");

        var found = await c.RequestAsync("workspace/symbol", new { query = "でーた" });
        found.EnumerateArray()
            .Select(s => $"{s.GetProperty("name").GetString()} | {s.GetProperty("containerName").GetString()} {R(s.GetProperty("location").GetProperty("range"))}")
            .Should().Equal(
                $"でーたかくちょう | データ拡張 — pages/da.md {Marked.Range(PageTitle)}",
                $"データ拡張 | Data Augmentation — pages/da.md {Marked.Range(PageTitle)}");

        var links = await c.RequestAsync("textDocument/documentLink", new { textDocument = new { uri = c.Uri("記事.md") } });
        var link = links.EnumerateArray().Should().ContainSingle().Subject; // the broken one is left to diagnostics
        R(link.GetProperty("range")).Should().Be(Marked.Range(TransferLinkTarget));
        link.GetProperty("target").GetString().Should().Be(c.Uri("用語集.md") + "#L4");

        var folds = await c.RequestAsync("textDocument/foldingRange", new { textDocument = new { uri = c.Uri("pages/da.md") } });
        folds.EnumerateArray().Select(f => $"{f.GetProperty("startLine")}-{f.GetProperty("endLine")} {f.GetProperty("kind").GetString()}")
            .Should().Equal($"{Marked.Position(FrontMatter.Path, FrontMatter.Span.Start).Line}-{Marked.Position(FrontMatter.Path, FrontMatter.Span.End).Line} region");
    }

    [Fact]
    public async Task Code_actions_link_the_mention_and_link_all()
    {
        await using var c = await StartAsync();
        var actions = await CodeActionsAsync(c, new { diagnostics = Array.Empty<object>() });
        actions.EnumerateArray().Select(a => $"{a.GetProperty("kind").GetString()}: {a.GetProperty("title").GetString()}").Should().Equal(
            "quickfix: Link “転移学習” to 転移学習 (用語集.md)", "source: Link all terms in this document");
        var edit = actions[0].GetProperty("edit").GetProperty("documentChanges")[0];
        edit.GetProperty("textDocument").GetProperty("uri").GetString().Should().Be(c.Uri("記事.md"));
        var textEdit = edit.GetProperty("edits").EnumerateArray().Should().ContainSingle().Subject;
        R(textEdit.GetProperty("range")).Should().Be(Marked.Range(TransferMention));
        textEdit.GetProperty("newText").GetString().Should().Be("[転移学習](用語集.md#" + Fixtures.TransferAnchor + ")");
        actions[1].GetProperty("edit").GetProperty("documentChanges")[0].GetProperty("edits").EnumerateArray()
            .Select(e => R(e.GetProperty("range"))).Should().Equal(Marked.Range(FreezeMention), Marked.Range(TransferMention));

        var onlySource = await CodeActionsAsync(c, new { diagnostics = Array.Empty<object>(), only = new[] { "source" } });
        onlySource.EnumerateArray().Select(a => a.GetProperty("title").GetString()).Should().Equal("Link all terms in this document");

        // The light bulb (automatic trigger, on every cursor move) skips the whole-document scan.
        var automatic = await CodeActionsAsync(c, new { diagnostics = Array.Empty<object>(), triggerKind = 2 });
        automatic.EnumerateArray().Select(a => a.GetProperty("title").GetString()).Should().Equal("Link “転移学習” to 転移学習 (用語集.md)");
    }

    /// <summary>The code actions with the cursor inside the mention of 転移学習.</summary>
    private static Task<JsonElement> CodeActionsAsync(LspTestClient c, object context)
    {
        var cursor = Fixtures.PositionOf(Marked, TransferMention.Path, TransferMention.Span.Start + 1);
        return c.RequestAsync("textDocument/codeAction", new
        {
            textDocument = new { uri = c.Uri("記事.md") }, range = new { start = cursor, end = cursor }, context,
        });
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
            .Should().Equal(
                $"{Marked.Range(FreezeMention)} [凍結](用語集.md#5YeN57WQIHwgRnJlZXppbmc=)",
                $"{Marked.Range(TransferMention)} [転移学習](用語集.md#{Fixtures.TransferAnchor})");

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
        var pastTheEnd = new { textDocument = new { uri = c.Uri("記事.md") }, position = new { line = 999, character = 999 } };
        (await c.RequestAsync("textDocument/hover", pastTheEnd)).ValueKind.Should().Be(JsonValueKind.Null);
        // Past the end of the link's line: the same answer as at its end.
        var line = Marked.Position(TransferLink.Path, TransferLink.Span.Start).Line;
        var pastTheLine = new { textDocument = new { uri = c.Uri("記事.md") }, position = new { line, character = 9999 } };
        var lineEnd = At(c, TransferLink.Path, Article.IndexOf('\n', TransferLink.Span.End));
        (await c.RequestAsync("textDocument/completion", pastTheLine)).GetRawText()
            .Should().Be((await c.RequestAsync("textDocument/completion", lineEnd)).GetRawText());
    }

    [Fact]
    public async Task Glossary_terms_lists_every_term_for_the_picker()
    {
        await using var c = await StartAsync();
        var result = await c.RequestAsync("glossary/terms", new { });
        result.GetProperty("terms").EnumerateArray()
            .Select(t => string.Join("|",
                t.GetProperty("headword").GetString(),
                string.Join(",", t.GetProperty("aliases").EnumerateArray().Select(a => a.GetString())),
                t.GetProperty("reading"),
                FileName(t.GetProperty("uri")),
                R(t.GetProperty("range")),
                t.GetProperty("definition").GetString()))
            .Should().Equal(
                $"データ拡張|Data Augmentation|でーたかくちょう|da.md|{Marked.Range(PageTitle)}|水増し。",
                $"転移学習|Transfer Learning||用語集.md|{Marked.Range(TransferName)}|- ある課題で学習したモデルを別の課題に流用する手法。",
                $"凍結|Freezing||用語集.md|{Marked.Range(FreezeName)}|- 重みを止める。");
    }
}
