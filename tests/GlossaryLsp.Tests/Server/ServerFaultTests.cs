using GlossaryLsp.Server;
using GlossaryLsp.Server.Protocol;
using Range = GlossaryLsp.Server.Protocol.Range;

namespace GlossaryLsp.Tests.Server;

/// <summary>
/// The server under faults an editor or the disk can cause (SPEC §7, issue 14): 10,000 watched-file events
/// in one notification, a folder deleted while a document in it is open, a 20 MB <c>didChange</c>, workspace
/// folders added and removed in a loop, a glossary.yml that flips between valid and invalid on every save.
/// Each time the server keeps serving with exactly the results a user expects, and what the fault brought
/// in (documents, folders, the big text) is collected once it is gone: nothing in the server holds it.
/// (What the heap holds after 20 MB messages: <see cref="HugeMessageMemoryTests"/>. The client closing stdin or breaking stdout: Cli/ServeProcessTests;
/// malformed JSON-RPC: BadInputTests.)
/// </summary>
public sealed class ServerFaultTests
{
    /// <summary>A line of the Markdown a huge message repeats.</summary>
    internal const string HugeLine = "- transfer learning [link](glossary.md#broken) lorem ipsum dolor sit amet\n";

    /// <summary>The article once the term's heading changed to 転移 | Transfer (its id stays): the link's text no longer names it.</summary>
    private static readonly Fixture ArticleAfterRename = Fixture.Parse($$"""
        //- 記事.md
        # 記事

        [{|GL0010:転移学習|}](用語集.md#{{Fixtures.TransferAnchor}})を使う ✅。

        🌲[存在しない]({|GL0002:用語集.md#44GC44GE44GG|})へのリンク。

        """, "\n");

    [Fact]
    public async Task Ten_thousand_watched_file_events_in_one_notification_are_applied_and_undone()
    {
        await using var client = LspTestClient.Create(Fixtures.Workspace());
        await client.InitializeAsync();
        await client.SettleAsync();

        // 9,999 new files, one of them with a broken link, and the glossary's term renamed: one notification.
        var broken = Fixture.Parse("//- 多数/n0042.md\n# 壊れた\n\n[転移学習]({|GL0002:../用語集.md#44GC|})\n");
        var files = Enumerable.Range(0, 9_999).Select(i => $"多数/n{i:0000}.md").ToList();
        foreach (var path in files) client.WriteFile(path, $"# {path}\n\n[記事](../記事.md)を参照。\n");
        client.WriteFile("多数/n0042.md", broken.Text("多数/n0042.md"));
        client.WriteFile("用語集.md", Fixtures.Glossary.Replace("転移学習 | Transfer Learning", "転移 | Transfer", StringComparison.Ordinal));
        var glossary = new { uri = client.Uri("用語集.md"), type = FileChangeType.Changed };
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new
        {
            changes = files.Select(p => new { uri = client.Uri(p), type = FileChangeType.Created }).Append(glossary).ToArray(),
        });
        await client.SettleAsync();

        Codes(client, "多数/n0042.md").Should().Equal(Expected(broken, "多数/n0042.md"));
        Codes(client, "多数/n0041.md").Should().BeEmpty();
        Codes(client, "記事.md").Should().Equal(Expected(ArticleAfterRename, "記事.md"), "the term's heading changed in the same notification");
        var hover = await client.RequestAsync("textDocument/hover", new { textDocument = new { uri = client.Uri("用語集.md") }, position = new Position(3, 4) });
        hover.GetProperty("contents").GetProperty("value").GetString().Should().StartWith("**転移** | Transfer\n");
        var documents = DocumentsUnder(client, "多数");
        documents.Should().HaveCount(9_999);

        // And back: the folder deleted with its files, the glossary restored, again as one notification.
        Directory.Delete(Path.Combine(client.Root, "多数"), recursive: true);
        client.WriteFile("用語集.md", Fixtures.Glossary);
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new
        {
            changes = files.Select(p => new { uri = client.Uri(p), type = FileChangeType.Deleted }).Append(glossary).ToArray(),
        });
        await client.SettleAsync();

        Codes(client, "多数/n0042.md").Should().BeEmpty();
        Codes(client, "記事.md").Should().Equal(Expected(Fixtures.Marked, "記事.md"));
        client.Server.Queue.LastSnapshot.Folders.Single().Index.Documents.Keys.Should().Equal("用語集.md", "記事.md");
        (await AliveAsync(documents)).Should().Be(0, "nothing holds a deleted document");
    }

    [Fact]
    public async Task A_folder_deleted_while_a_document_in_it_is_open_keeps_that_document_until_it_is_closed()
    {
        var fixture = Fixture.Parse($$"""
            //- 用語集.md
            {{Fixtures.Glossary}}
            //- 章/開いた.md
            # 開いた

            [転移学習](../用語集.md#{{Fixtures.TransferAnchor}}) と [壊れた]({|GL0002:../用語集.md#44GC|})
            //- 章/閉じた.md
            [壊れた]({|GL0002:../用語集.md#44GD|})
            """, "\n");
        await using var client = LspTestClient.Create(fixture.Files.ToDictionary(f => f.Path, f => f.Text));
        await client.InitializeAsync();
        await client.OpenAsync("章/開いた.md", fixture.Text("章/開いた.md"));
        await client.SettleAsync();
        Codes(client, "章/閉じた.md").Should().Equal(Expected(fixture, "章/閉じた.md"));

        await client.DeleteAsync("章");
        await client.SettleAsync();

        Codes(client, "章/閉じた.md").Should().BeEmpty("the closed document went with its folder");
        Codes(client, "章/開いた.md").Should().Equal(Expected(fixture, "章/開いた.md"), "the open document is the editor's text");
        var definition = await client.RequestAsync("textDocument/definition", new { textDocument = new { uri = client.Uri("章/開いた.md") }, position = new Position(2, 2) });
        definition[0].GetProperty("uri").GetString().Should().Be(client.Uri("用語集.md"));

        await client.NotifyAsync("textDocument/didClose", new { textDocument = new { uri = client.Uri("章/開いた.md") } });
        await client.SettleAsync();
        Codes(client, "章/開いた.md").Should().BeEmpty("closed, it is read from the disk, where it is gone");
        client.Server.Queue.LastSnapshot.Folders.Single().Index.Documents.Keys.Should().Equal("用語集.md");
    }

    [Fact]
    public async Task A_20_MB_didChange_is_reported_not_analysed_and_the_next_edit_is_served_again()
    {
        await using var client = LspTestClient.Create(Fixtures.Workspace());
        await client.InitializeAsync();
        await client.OpenAsync("記事.md", Fixtures.Article);
        await client.SettleAsync();

        await client.ChangeAsync("記事.md", 2, LspTestClient.FullText(Huge(20 * 1024 * 1024)));
        await client.SettleAsync();
        var problem = client.LatestDiagnostics("記事.md")!.Diagnostics.Should().ContainSingle().Subject;
        problem.Message.Should().Be("document is 20 MB; documents over 16 MB are not analysed");
        problem.Range.Should().Be(new Range(new Position(0, 0), new Position(0, 0)));
        var hover = await client.RequestAsync("textDocument/hover", new { textDocument = new { uri = client.Uri("記事.md") }, position = new Position(0, 22) });
        hover.ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null, "nothing of a document not analysed is served");
        var text = OpenText(client, "記事.md");

        await client.ChangeAsync("記事.md", 3, LspTestClient.FullText(Fixtures.Article));
        await client.SettleAsync();
        Codes(client, "記事.md").Should().Equal(Expected(Fixtures.Marked, "記事.md"));
        (await AliveAsync([text])).Should().Be(0, "the server holds the 20 MB text no longer");
    }

    [Fact]
    public async Task Workspace_folders_added_and_removed_in_a_loop_end_with_exactly_the_folders_left()
    {
        var (first, second) = (NewFolder(), NewFolder());
        try
        {
            await using var client = LspTestClient.Create(Fixtures.Workspace());
            await client.InitializeAsync();
            await client.SettleAsync();
            object Folder(string root) => new { uri = ProtocolConversions.ToFileUri(root), name = Path.GetFileName(root) };

            Task Change(object[] added, object[] removed) => client.NotifyAsync("workspace/didChangeWorkspaceFolders", new { @event = new { added, removed } });
            for (int i = 0; i < 20; i++)
            {
                await Change([Folder(first), Folder(second)], []);
                await Change([], [Folder(i % 2 == 0 ? first : second)]);
                if (i % 5 == 0) await client.SettleAsync();
            }
            await client.SettleAsync();

            // The last round removed the second folder: the first is served, the second is not.
            Codes(client, Path.Combine(first, "d007.md")).Should().Equal($"GL0002 {Range(first, "d007.md")}");
            Codes(client, Path.Combine(second, "d007.md")).Should().BeEmpty();
            client.Server.Queue.LastSnapshot.Folders.Select(f => f.RootPath).Should().Equal(client.Root, first);
            var index = IndexOf(client, first);

            await Change([], [Folder(first)]);
            await client.SettleAsync();
            Codes(client, Path.Combine(first, "d007.md")).Should().BeEmpty();
            (await PulledAsync(client, "記事.md")).Should().Equal(Expected(Fixtures.Marked, "記事.md"));
            (await AliveAsync([index])).Should().Be(0, "nothing holds a removed folder's documents");
        }
        finally
        {
            Directory.Delete(first, recursive: true);
            Directory.Delete(second, recursive: true);
        }
    }

    [Fact]
    public async Task A_glossary_yml_that_flips_between_valid_and_invalid_on_every_save_ends_in_the_last_state()
    {
        const string valid = "rules:\n  broken-anchor: off\n";
        const string invalid = "rules: [\n";
        await using var client = LspTestClient.Create(Fixtures.Workspace());
        await client.InitializeAsync();
        await client.SettleAsync();
        var saved = new { changes = new[] { new { uri = client.Uri("glossary.yml"), type = FileChangeType.Changed } } };

        for (int i = 0; i < 40; i++)
        {
            Save(client, "glossary.yml", i % 2 == 0 ? valid : invalid);
            await client.NotifyAsync("workspace/didChangeWatchedFiles", saved);
            if (i % 8 == 0) await client.SettleAsync();
        }
        await client.SettleAsync();

        var problem = client.LatestDiagnostics("glossary.yml")!.Diagnostics.Should().ContainSingle().Subject;
        problem.Severity.Should().Be(DiagnosticSeverity.Error);
        problem.Message.Should().EndWith("(the previous configuration stays in effect)");
        (await PulledAsync(client, "記事.md")).Should().BeEmpty("the last valid file turned broken anchors off");

        Save(client, "glossary.yml", "");
        await client.NotifyAsync("workspace/didChangeWatchedFiles", saved);
        await client.SettleAsync();
        client.LatestDiagnostics("glossary.yml")!.Diagnostics.Should().BeEmpty();
        (await PulledAsync(client, "記事.md")).Should().Equal(Expected(Fixtures.Marked, "記事.md"));
    }

    /// <summary>A weak reference to the text of an open document as the server's snapshot holds it.</summary>
    private static WeakReference OpenText(LspTestClient client, string path) =>
        new(client.Server.Queue.LastSnapshot.Folders.Single().OpenDocuments[path].Text);

    /// <summary>Weak references to the documents of the server's snapshot under a folder.</summary>
    private static List<WeakReference> DocumentsUnder(LspTestClient client, string folder) =>
        [.. client.Server.Queue.LastSnapshot.Folders.Single().Index.Documents
            .Where(d => d.Key.StartsWith(folder + "/", StringComparison.Ordinal)).Select(d => new WeakReference(d.Value))];

    /// <summary>A weak reference to the index of the server's workspace folder at a root.</summary>
    private static WeakReference IndexOf(LspTestClient client, string root) => new(client.Server.Queue.LastSnapshot.Folders.Single(f => f.RootPath == root).Index);

    /// <summary>
    /// How many of the objects are still alive after full collections, once the server's background work
    /// that began before (a warm-up that holds the snapshot it warms) has had its turn: waits at most 10 s.
    /// </summary>
    private static async Task<int> AliveAsync(IReadOnlyList<WeakReference> objects)
    {
        for (int attempt = 0; ; attempt++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true);
            int alive = objects.Count(o => o.IsAlive);
            if (alive == 0 || attempt == 100) return alive;
            await Task.Delay(100);
        }
    }

    /// <summary>Writes a file as editors that save atomically do (a new file renamed over the old): a reader sees the old or the new text, never a part.</summary>
    private static void Save(LspTestClient client, string path, string text)
    {
        client.WriteFile(path + ".saving", text);
        File.Move(Path.Combine(client.Root, path + ".saving"), Path.Combine(client.Root, path), overwrite: true);
    }

    /// <summary>The code and range of each diagnostic the server reports for a document when asked now.</summary>
    private static async Task<List<string>> PulledAsync(LspTestClient client, string path)
    {
        var report = await client.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri = client.Uri(path) } });
        return [.. report.GetProperty("items").EnumerateArray().Select(d => $"{d.GetProperty("code").GetString()} {Fixtures.RangeText(d.GetProperty("range"))}")];
    }

    /// <summary>The code and range of each diagnostic the client last got for a document (none when it got none).</summary>
    private static List<string> Codes(LspTestClient client, string path) =>
        [.. (client.LatestDiagnostics(path)?.Diagnostics ?? []).Select(d => $"{d.Code} {d.Range.Start.Line}:{d.Range.Start.Character}-{d.Range.End.Line}:{d.Range.End.Character}")];

    /// <summary>The code and range of each diagnostic a fixture marks in a document.</summary>
    private static List<string> Expected(Fixture fixture, string path) =>
        [.. fixture.Diagnostics.Where(d => d.Path == path).Select(d => $"{d.Id} {fixture.Range(new FixtureSpan(path, d.Span))}")];

    /// <summary>A folder of 300 documents, each with one broken link (d007.md's on its third line).</summary>
    private static string NewFolder()
    {
        var root = Path.Combine(Path.GetTempPath(), "glossary-lsp-tests", Guid.NewGuid().ToString("N"));
        for (int i = 0; i < 300; i++)
            LspTestClient.WriteFile(root, $"d{i:000}.md", $"# 文書{i} ✅\n\n- [壊れた](d{(i + 1) % 300:000}.md#44GC) と [記事](d{i:000}.md)\n");
        return root;
    }

    /// <summary>The range of the broken link's target in a document <see cref="NewFolder"/> wrote.</summary>
    private static string Range(string root, string path)
    {
        var text = File.ReadAllText(Path.Combine(root, path));
        int start = text.IndexOf("](", StringComparison.Ordinal) + 2;
        return $"{Fixture.PositionIn(text, start)}-{Fixture.PositionIn(text, text.IndexOf(')', start))}";
    }

    /// <summary>ASCII Markdown of exactly <paramref name="bytes"/> bytes (built without the shared pools' buffers, which would stay in the process).</summary>
    private static string Huge(int bytes)
    {
        var text = new System.Text.StringBuilder(bytes + HugeLine.Length);
        while (text.Length < bytes) text.Append(HugeLine);
        return text.ToString(0, bytes);
    }
}
