using System.Text;
using System.Text.Json;
using GlossaryLsp.Server.Protocol;
using Range = GlossaryLsp.Server.Protocol.Range;

namespace GlossaryLsp.Tests.Server;

/// <summary>SPEC §7: bad input gets a clear diagnostic or error and the server keeps serving.</summary>
public sealed class BadInputTests
{
    [Fact]
    public async Task Garbage_bytes_invalid_JSON_and_non_messages_are_skipped_and_the_next_request_is_answered()
    {
        var root = TempRoot();
        await using var c = new RawConnection(root);
        await c.InitializeAsync();
        var uri = GlossaryLsp.Server.ProtocolConversions.ToFileUri(Path.Combine(root, "記事.md"));

        await c.WriteRawAsync("garbage without any header\r\n\r\n");
        await c.WriteRawAsync(RawConnection.Frame("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":"));      // truncated JSON
        await c.WriteRawAsync(RawConnection.Frame("[1, 2, 3]"));                                       // not an object
        await c.WriteRawAsync(RawConnection.Frame("{\"hello\":\"world\"}"));                           // not JSON-RPC
        await c.WriteRawAsync(RawConnection.Frame("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":42}"));    // method not a string
        await c.WriteRawAsync([0xFF, 0xFE, 0x00, 0x01, (byte)'\r', (byte)'\n', (byte)'\r', (byte)'\n']); // binary
        await c.WriteRawAsync("Content-Length: abc\r\n\r\n");                                         // bad length
        await c.SendAsync(DiagnosticRequest(7, uri));

        var response = await c.ReadResponseAsync(7);
        response.GetProperty("result").GetProperty("kind").GetString().Should().Be("full");
        response.GetProperty("result").GetProperty("items")[0].GetProperty("code").GetString().Should().Be("GL0002");
        c.Server.DroppedMessages.Should().Be(7);
        c.Stderr.Should().Contain("ignored malformed input: invalid JSON");
    }

    private static string TempRoot()
    {
        var root = Path.Combine(Path.GetTempPath(), "glossary-lsp-tests", Guid.NewGuid().ToString("N"));
        foreach (var (path, text) in Fixtures.Workspace()) LspTestClient.WriteFile(root, path, text);
        return root;
    }

    private static object DiagnosticRequest(int id, string uri) =>
        new { jsonrpc = "2.0", id, method = "textDocument/diagnostic", @params = new { textDocument = new { uri } } };

    [Theory]
    [InlineData(100)]
    [InlineData(100_000)]
    public async Task Deeply_nested_JSON_is_refused_and_the_server_keeps_serving(int depth)
    {
        var root = TempRoot();
        await using var c = new RawConnection(root);
        await c.InitializeAsync();
        var uri = GlossaryLsp.Server.ProtocolConversions.ToFileUri(Path.Combine(root, "記事.md"));
        var nested = new string('[', depth) + new string(']', depth);
        await c.WriteRawAsync(RawConnection.Frame($"{{\"jsonrpc\":\"2.0\",\"id\":20,\"method\":\"textDocument/hover\",\"params\":{{\"x\":{nested}}}}}"));
        await c.WriteRawAsync(RawConnection.Frame($"{{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{nested}}}"));
        await c.SendAsync(DiagnosticRequest(21, uri));

        (await c.ReadResponseAsync(21)).GetProperty("result").GetProperty("items")[0].GetProperty("code").GetString().Should().Be("GL0002");
        c.Run.IsCompleted.Should().BeFalse("the server is still running");
    }

    [Fact]
    public async Task Unknown_method_answers_MethodNotFound()
    {
        await using var c = new RawConnection(TempRoot());
        await c.InitializeAsync();
        await c.SendAsync(new { jsonrpc = "2.0", id = 9, method = "textDocument/noSuchThing", @params = new { } });
        (await c.ReadResponseAsync(9)).GetProperty("error").GetProperty("code").GetInt32().Should().Be(LspErrorCodes.MethodNotFound);
    }

    [Fact]
    public async Task CancelRequest_answers_RequestCancelled()
    {
        await using var c = new RawConnection(TempRoot());
        await c.InitializeAsync();
        await c.SendAsync(new { jsonrpc = "2.0", id = 11, method = "test/probe", @params = new { waitForCancel = true } });
        await ProbeHandler.Started.Task.WaitAsync(LspTestClient.Patience);
        await c.SendAsync(new { jsonrpc = "2.0", method = "$/cancelRequest", @params = new { id = 11 } });
        (await c.ReadResponseAsync(11)).GetProperty("error").GetProperty("code").GetInt32().Should().Be(LspErrorCodes.RequestCancelled);
        await c.SendAsync(new { jsonrpc = "2.0", id = 12, method = "test/probe", @params = new { } });
        (await c.ReadResponseAsync(12)).TryGetProperty("result", out _).Should().BeTrue();
    }

    [Fact]
    public async Task Invalid_params_answer_InvalidParams()
    {
        await using var c = new RawConnection(TempRoot());
        await c.InitializeAsync();
        await c.SendAsync(new { jsonrpc = "2.0", id = 13, method = "textDocument/diagnostic", @params = new { textDocument = 5 } });
        (await c.ReadResponseAsync(13)).GetProperty("error").GetProperty("code").GetInt32().Should().Be(LspErrorCodes.InvalidParams);
    }

    [Fact]
    public async Task Notifications_with_invalid_params_are_logged_and_ignored_and_params_less_methods_accept_any()
    {
        var root = TempRoot();
        await using var c = new RawConnection(root);
        await c.InitializeAsync();
        var uri = GlossaryLsp.Server.ProtocolConversions.ToFileUri(Path.Combine(root, "記事.md"));
        await c.SendAsync(new { jsonrpc = "2.0", method = "textDocument/didOpen", @params = new { textDocument = 5 } });
        await c.SendAsync(new
        {
            jsonrpc = "2.0", method = "textDocument/didOpen", @params = new { textDocument = new { uri, languageId = "markdown", version = "one", text = "x" } },
        });
        await c.SendAsync(new { jsonrpc = "2.0", method = "textDocument/didOpen", @params = (object?)null });
        await c.SendAsync(DiagnosticRequest(14, uri));
        (await c.ReadResponseAsync(14)).GetProperty("result").GetProperty("items")[0].GetProperty("code").GetString().Should().Be("GL0002"); // the file on disk
        c.Stderr.Should().Contain("textDocument/didOpen: invalid params").And.Contain("textDocument/didOpen: params missing");
        await c.SendAsync(new { jsonrpc = "2.0", id = 15, method = "shutdown", @params = new object?[] { null } });
        (await c.ReadResponseAsync(15)).TryGetProperty("error", out _).Should().BeFalse();
    }

    [Fact]
    public async Task Documents_never_opened_missing_or_outside_the_workspace_get_empty_answers()
    {
        await using var client = LspTestClient.Create(Fixtures.Workspace());
        await client.InitializeAsync();
        foreach (var uri in new[] { client.Uri("存在しない.md"), "file:///etc/passwd", "untitled:Untitled-1", "not a uri" })
        {
            var report = await client.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri } });
            report.GetProperty("kind").GetString().Should().Be("full");
            report.GetProperty("items").GetArrayLength().Should().Be(0);
        }
        // Changes and closes for documents never opened are ignored.
        await client.ChangeAsync("記事.md", 2, LspTestClient.Edit(0, 0, 0, 0, "x"));
        await client.NotifyAsync("textDocument/didClose", new { textDocument = new { uri = client.Uri("未オープン.md") } });
        // A document outside the workspace can be opened and edited; it is not analysed.
        await client.NotifyAsync("textDocument/didOpen", new
        {
            textDocument = new { uri = "file:///tmp/outside-外.md", languageId = "markdown", version = 1, text = "[x](nowhere.md)" },
        });
        var outside = await client.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri = "file:///tmp/outside-外.md" } });
        outside.GetProperty("items").GetArrayLength().Should().Be(0);
        var probe = await client.RequestAsync("test/probe", new { uri = client.Uri("記事.md") });
        probe.GetProperty("text").GetString().Should().Be(Fixtures.Article);
    }

    [Fact]
    public async Task Out_of_range_change_ranges_clamp_to_the_text()
    {
        await using var client = LspTestClient.Create(Fixtures.Workspace());
        await client.InitializeAsync();
        await client.OpenAsync("メモ.md", "あいう\nえお");
        await client.ChangeAsync("メモ.md", 2,
            LspTestClient.Edit(0, 100, 0, 200, "X"),          // past the end of line 0 → its end
            LspTestClient.Edit(99, 0, 120, 5, "Z"),           // past the last line → the end of the text
            LspTestClient.Edit(-1, -1, 0, 1, "Y"));           // negative → the start
        var probe = await client.RequestAsync("test/probe", new { uri = client.Uri("メモ.md") });
        probe.GetProperty("text").GetString().Should().Be("Yいう" + "X\nえおZ");
    }

    [Fact]
    public async Task A_file_deleted_while_open_keeps_its_open_text_and_closing_it_removes_it()
    {
        await using var client = LspTestClient.Create(Fixtures.Workspace());
        await client.InitializeAsync();
        await client.OpenAsync("用語集.md", Fixtures.Glossary);
        await client.DeleteAsync("用語集.md");
        // The article's link to the glossary still resolves against the open text. Settling follows the
        // article's first publish, so the latest diagnostics read below are of a finished pass.
        await client.WaitForDiagnosticsAsync("記事.md");
        await client.SettleAsync();
        client.LatestDiagnostics("記事.md")!.Diagnostics.Should().ContainSingle(d => d.Code == "GL0002");

        await client.NotifyAsync("textDocument/didClose", new { textDocument = new { uri = client.Uri("用語集.md") } });
        await client.SettleAsync();
        client.LatestDiagnostics("記事.md")!.Diagnostics.Select(d => d.Code).Should().Equal("GL0001", "GL0001");
        client.LatestDiagnostics("用語集.md")!.Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public async Task A_50_MB_document_gets_a_load_problem_diagnostic_and_is_not_parsed()
    {
        await using var client = LspTestClient.Create(Fixtures.Workspace());
        await client.InitializeAsync();
        // Mostly ASCII so that building and sending it stays cheap; the size is what matters.
        var line = "- transfer learning 転移学習 [link](用語集.md#broken) lorem ipsum dolor sit amet, consectetur adipiscing elit\n";
        var text = new StringBuilder(52 * 1024 * 1024);
        while (Encoding.UTF8.GetByteCount(line) * (long)(text.Length / line.Length + 1) < 50L * 1024 * 1024) text.Append(line);
        await client.OpenAsync("巨大.md", text.ToString());
        var diagnostics = await client.WaitForDiagnosticsAsync("巨大.md");
        var d = diagnostics.Should().ContainSingle().Subject;
        d.Code.Should().BeNull();
        d.Severity.Should().Be(DiagnosticSeverity.Error);
        d.Range.Should().Be(new Range(new Position(0, 0), new Position(0, 0)));
        d.Message.Should().Contain("MB").And.Contain("not analysed");
        // Still answering, and edits to the big document still apply.
        await client.ChangeAsync("巨大.md", 2, LspTestClient.Edit(0, 0, 0, 0, "# 見出し\n"));
        var report = await client.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri = client.Uri("記事.md") } });
        report.GetProperty("items")[0].GetProperty("code").GetString().Should().Be("GL0002");
    }

    [Fact]
    public async Task A_burst_of_1000_changes_ends_in_the_right_text_and_diagnostics()
    {
        await using var client = LspTestClient.Create(Fixtures.Workspace());
        await client.InitializeAsync();
        await client.OpenAsync("記事.md", Fixtures.Article);
        var sent = new List<Task>();
        for (int i = 0; i < 1000; i++)
            sent.Add(client.ChangeAsync("記事.md", i + 2, LspTestClient.Edit(1, 0, 1, 0, "あ")));
        await Task.WhenAll(sent);
        var diagnostics = await client.WaitForDiagnosticsAsync("記事.md", d => d.Version == 1001);
        diagnostics.Should().ContainSingle().Which.Code.Should().Be("GL0002");
        var probe = await client.RequestAsync("test/probe", new { uri = client.Uri("記事.md") });
        probe.GetProperty("text").GetString().Should().Be(Fixtures.Article.Insert(Fixtures.Article.IndexOf('\n') + 1, new string('あ', 1000)));
        // Analysis runs on coalesced states: fewer passes than changes.
        client.Server.Diagnostics.CompletedPasses.Should().BeLessThan(1000);
    }
}
