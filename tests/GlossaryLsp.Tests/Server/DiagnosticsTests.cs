using System.Text.Json;
using GlossaryLsp.Server;
using GlossaryLsp.Server.Protocol;
using Range = GlossaryLsp.Server.Protocol.Range;

namespace GlossaryLsp.Tests.Server;

public sealed class DiagnosticsTests
{
    [Fact]
    public async Task DidOpen_publishes_diagnostics_with_exact_ranges_on_Japanese_content()
    {
        await using var client = LspTestClient.Create(Fixtures.Workspace());
        await client.InitializeAsync();
        await client.OpenAsync("記事.md", Fixtures.Article, version: 7);
        var diagnostics = await client.WaitForDiagnosticsAsync("記事.md", d => d.Version == 7);
        var d = diagnostics.Should().ContainSingle().Subject;
        d.Code.Should().Be("GL0002");
        d.Source.Should().Be("glossary");
        d.Severity.Should().Be(DiagnosticSeverity.Error);
        d.CodeDescription!.Href.Should().EndWith("docs/rules/GL0002.md");
        d.Range.Should().Be(Fixtures.RangeOf(Fixtures.Marked, Fixtures.BrokenTarget));
    }

    [Fact]
    public async Task A_pass_scheduled_again_for_the_same_snapshot_as_its_quiet_spell_ends_still_publishes()
    {
        // A mutation that changes nothing (didSave) schedules the already scheduled snapshot again. Arriving
        // after the first worker's quiet spell ends but before it takes the lock, it cancels that worker's
        // token; the worker chained by the second call must still run the pass. The gate below holds the
        // first worker right there.
        Func<CancellationToken, Task> quiet = cancellationToken => Task.Delay(25, cancellationToken);
        await using var client = LspTestClient.Create(Fixtures.Workspace(), new ServerOptions { DiagnosticsQuiet = cancellationToken => quiet(cancellationToken) });
        await client.InitializeAsync();
        await client.OpenAsync("記事.md", Fixtures.Article);
        await client.WaitForDiagnosticsAsync("記事.md", d => d.Version == 1);
        await client.SettleAsync();
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var scheduledAgain = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int calls = 0;
        quiet = cancellationToken =>
        {
            if (Interlocked.Increment(ref calls) > 1) return Task.CompletedTask;
            cancellationToken.Register(() => scheduledAgain.TrySetResult());
            waiting.TrySetResult();
            return gate.Task; // the quiet spell is over; the worker has not taken the lock yet
        };

        // Removing the broken link's line leaves the article without diagnostics at version 2.
        await client.ChangeAsync("記事.md", 2, LspTestClient.Edit(Fixtures.Marked, Fixtures.BrokenLine, ""));
        await waiting.Task.WaitAsync(LspTestClient.Patience);
        await client.NotifyAsync("textDocument/didSave", new { textDocument = new { uri = client.Uri("記事.md") } });
        await scheduledAgain.Task.WaitAsync(LspTestClient.Patience);
        gate.SetResult();

        (await client.WaitForDiagnosticsAsync("記事.md", d => d.Version == 2)).Should().BeEmpty();
        calls.Should().Be(2, "the second worker ran the pass after its own quiet spell");
    }
}

public sealed class PositionEncodingTests
{
    // Line 2 of the article: "[転移学習](用語集.md#…)を使う ✅。"; line 4: "🌲[存在しない](用語集.md#44GC44GE44GG)へのリンク。"
    [Theory]
    [InlineData("utf-16", 10, 29)]  // 🌲 = 2 units, 存在しない = 5 × 1, …
    [InlineData("utf-8", 22, 47)]   // 🌲 = 4 bytes, [ = 1, 存在しない = 5 × 3, ]( = 2 → 22; target: 用語集 = 9 bytes + ".md#44GC44GE44GG" = 16 → 25 bytes
    [InlineData("utf-32", 9, 28)]   // 🌲 = 1 code point
    public async Task Diagnostic_ranges_use_the_negotiated_encoding(string encoding, int start, int end)
    {
        await using var client = LspTestClient.Create(Fixtures.Workspace());
        var init = await client.InitializeAsync(LspTestClient.Capabilities(encodings: [encoding]));
        init.GetProperty("capabilities").GetProperty("positionEncoding").GetString().Should().Be(encoding);
        await client.OpenAsync("記事.md", Fixtures.Article);
        var d = (await client.WaitForDiagnosticsAsync("記事.md", p => p.Version == 1)).Should().ContainSingle().Subject;
        d.Range.Should().Be(new Range(new Position(4, start), new Position(4, end)));
    }

    [Theory]
    [InlineData("utf-16", 2, 3)]   // after 🌲 (2 units), before [
    [InlineData("utf-8", 4, 5)]
    [InlineData("utf-32", 1, 2)]
    public async Task Incremental_changes_around_surrogate_pairs_apply_in_the_negotiated_encoding(string encoding, int afterTree, int afterBracket)
    {
        await using var client = LspTestClient.Create(Fixtures.Workspace());
        await client.InitializeAsync(LspTestClient.Capabilities(encodings: [encoding]));
        await client.OpenAsync("記事.md", Fixtures.Article);
        // Insert "✅" right after 🌲 on line 4, then replace the "[" that follows it (shifted by ✅) with "[新".
        int check = encoding switch { "utf-8" => 3, _ => 1 }; // ✅ U+2705 is one UTF-16 unit, one code point, three UTF-8 bytes
        await client.ChangeAsync("記事.md", 2,
            LspTestClient.Edit(4, afterTree, 4, afterTree, "✅"),
            LspTestClient.Edit(4, afterTree + check, 4, afterBracket + check, "[新"));
        var probe = await client.RequestAsync("test/probe", new { uri = client.Uri("記事.md") });
        var lines = probe.GetProperty("text").GetString()!.Split('\n');
        lines[4].Should().Be("🌲✅[新存在しない](用語集.md#44GC44GE44GG)へのリンク。");
        lines[2].Should().Be("[転移学習](用語集.md#6Lui56e75a2m57+SIHwgVHJhbnNmZXIgTGVhcm5pbmc=)を使う ✅。");
        var d = (await client.WaitForDiagnosticsAsync("記事.md", p => p.Version == 2)).Should().ContainSingle().Subject;
        int shift = encoding switch { "utf-8" => 6, _ => 2 }; // ✅ and 新
        var expectedStart = encoding switch { "utf-16" => 10, "utf-8" => 22, _ => 9 } + shift;
        d.Range.Start.Should().Be(new Position(4, expectedStart));
    }

    [Fact]
    public async Task A_client_offering_no_encoding_gets_utf16_and_full_text_changes_work()
    {
        await using var client = LspTestClient.Create(Fixtures.Workspace());
        var init = await client.InitializeAsync(new { });
        init.GetProperty("capabilities").GetProperty("positionEncoding").GetString().Should().Be("utf-16");
        await client.OpenAsync("記事.md", Fixtures.Article);
        await client.ChangeAsync("記事.md", 2, LspTestClient.FullText("# 置き換え ✅\n"));
        var probe = await client.RequestAsync("test/probe", new { uri = client.Uri("記事.md") });
        probe.GetProperty("text").GetString().Should().Be("# 置き換え ✅\n");
    }
}

public sealed class PullDiagnosticsTests
{
    [Fact]
    public async Task Document_pull_returns_a_full_report_then_unchanged_for_the_same_result_id()
    {
        await using var client = LspTestClient.Create(Fixtures.Workspace());
        await client.InitializeAsync(LspTestClient.Capabilities(pull: true));
        await client.OpenAsync("記事.md", Fixtures.Article);
        var first = await client.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri = client.Uri("記事.md") } });
        first.GetProperty("kind").GetString().Should().Be("full");
        var item = first.GetProperty("items").EnumerateArray().Should().ContainSingle().Subject;
        item.GetProperty("code").GetString().Should().Be("GL0002");
        Fixtures.RangeText(item.GetProperty("range")).Should().Be(Fixtures.Marked.Range(Fixtures.BrokenTarget));
        var resultId = first.GetProperty("resultId").GetString();

        var second = await client.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri = client.Uri("記事.md") }, previousResultId = resultId });
        second.GetProperty("kind").GetString().Should().Be("unchanged");
        second.GetProperty("resultId").GetString().Should().Be(resultId);
        second.TryGetProperty("items", out _).Should().BeFalse();

        // Fix the broken anchor: a new full report, empty.
        await client.ChangeAsync("記事.md", 2, LspTestClient.Edit(Fixtures.Marked, Fixtures.BrokenLine, ""));
        var third = await client.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri = client.Uri("記事.md") }, previousResultId = resultId });
        third.GetProperty("kind").GetString().Should().Be("full");
        third.GetProperty("items").GetArrayLength().Should().Be(0);
        // A pull client gets no pushed diagnostics.
        await client.SettleAsync();
        client.Notifications("textDocument/publishDiagnostics").Should().BeEmpty();
    }

    [Fact]
    public async Task The_results_of_open_documents_are_converted_ahead_of_their_pull_and_no_others()
    {
        await using var client = LspTestClient.Create(Fixtures.Workspace());
        await client.InitializeAsync(LspTestClient.Capabilities(pull: true));
        await client.OpenAsync("記事.md", Fixtures.Article);
        await client.SettleAsync();

        var folder = client.Server.Queue.LastSnapshot.Folders.Single();
        using var cts = new CancellationTokenSource(LspTestClient.Patience);
        while (!client.Server.Diagnostics.IsConverted(folder, folder.Index.GetDocument("記事.md")!)) await Task.Delay(10, cts.Token);
        client.Server.Diagnostics.IsConverted(folder, folder.Index.GetDocument("用語集.md")!).Should().BeFalse("no client pulls a document it has not open");

        var pulled = await client.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri = client.Uri("記事.md") } });
        pulled.GetProperty("items").EnumerateArray().Should().ContainSingle().Which.GetProperty("code").GetString().Should().Be("GL0002");
    }

    [Fact]
    public async Task Workspace_pull_reports_every_document_and_unchanged_ones_by_result_id()
    {
        await using var client = LspTestClient.Create(Fixtures.Workspace());
        await client.InitializeAsync(LspTestClient.Capabilities(pull: true));
        await client.OpenAsync("記事.md", Fixtures.Article, version: 3);
        var all = await client.RequestAsync("workspace/diagnostic", new { previousResultIds = Array.Empty<object>() });
        var items = all.GetProperty("items").EnumerateArray().ToList();
        items.Select(i => i.GetProperty("uri").GetString()).Should().BeEquivalentTo([client.Uri("用語集.md"), client.Uri("記事.md")]);
        var article = items.Single(i => i.GetProperty("uri").GetString() == client.Uri("記事.md"));
        article.GetProperty("version").GetInt32().Should().Be(3);
        article.GetProperty("items")[0].GetProperty("code").GetString().Should().Be("GL0002");
        items.Single(i => i.GetProperty("uri").GetString() == client.Uri("用語集.md")).GetProperty("version").ValueKind.Should().Be(JsonValueKind.Null);

        var previous = items.Select(i => new { uri = i.GetProperty("uri").GetString(), value = i.GetProperty("resultId").GetString() }).ToArray();
        var again = await client.RequestAsync("workspace/diagnostic", new { previousResultIds = previous });
        again.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("kind").GetString()).Should().AllBe("unchanged");
    }
}
