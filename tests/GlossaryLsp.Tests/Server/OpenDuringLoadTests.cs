using GlossaryLsp.Server.Protocol;
using Range = GlossaryLsp.Server.Protocol.Range;

namespace GlossaryLsp.Tests.Server;

/// <summary>
/// An editor sends <c>initialized</c> and then a didOpen for every file it has open, all at once: the
/// didOpens arrive while the folder is being read. What the editor sees must be its own texts and the
/// diagnostics of those texts.
/// </summary>
public sealed class OpenDuringLoadTests
{
    /// <summary>
    /// The article of <see cref="Fixtures.Marked"/> as the editor has it, unsaved: a paragraph inserted under
    /// the title and a space before the broken link.
    /// </summary>
    private static readonly Fixture Edited = Fixture.Parse($$"""
        //- 記事.md
        # 記事

        未保存の段落。

        [転移学習](用語集.md#{{Fixtures.TransferAnchor}})を使う ✅。

        🌲 [存在しない]({|GL0002:用語集.md#44GC44GE44GG|})へのリンク。

        """, "\n");

    private static readonly string EditedArticle = Edited.Text("記事.md");

    /// <summary>Where <see cref="Edited"/>'s broken link is reported.</summary>
    private static Range BrokenTarget => Fixtures.RangeOf(Edited, Edited.Diagnostics.Single());

    [Fact]
    public async Task A_didOpen_arriving_while_the_folder_loads_is_what_diagnostics_are_computed_from()
    {
        await using var client = LspTestClient.Create(Fixtures.Workspace());
        await client.InitializeAsync(initialized: false);
        await LoadWithAsync(client, async () =>
        {
            await client.OpenAsync("記事.md", EditedArticle, version: 7);
            await client.OpenAsync("用語集.md", Fixtures.Glossary, version: 3); // as on disk
        });

        var article = await client.WaitForDiagnosticsAsync("記事.md", p => p.Version == 7);
        var d = article.Should().ContainSingle().Subject;
        d.Code.Should().Be("GL0002");
        d.Range.Should().Be(BrokenTarget);
        (await client.WaitForDiagnosticsAsync("用語集.md", p => p.Version == 3)).Should().BeEmpty();
        var probe = await client.RequestAsync("test/probe", new { uri = client.Uri("記事.md") });
        probe.GetProperty("text").GetString().Should().Be(EditedArticle);

        // No text is held twice.
        var folder = client.Server.Queue.LastSnapshot.Folders.Single();
        foreach (var path in new[] { "記事.md", "用語集.md" })
            folder.Index.GetDocument(path)!.Text.Should().BeSameAs(folder.OpenDocuments[path].Text);
    }

    /// <summary>Sends <c>initialized</c> and then <paramref name="send"/> while the queue is held, then lets it go.</summary>
    private static async Task LoadWithAsync(LspTestClient client, Func<Task> send)
    {
        var key = Guid.NewGuid().ToString("N");
        await client.NotifyAsync("test/hold", new { key });
        await client.NotifyAsync("initialized", new { });
        await send();
        HoldHandler.Release(key);
        await client.WaitForNotificationAsync("glossary/status", p => p.GetProperty("state").GetString() == "ready");
    }

    [Fact]
    public async Task Changes_and_closes_arriving_while_the_folder_loads_apply_after_it_in_order()
    {
        var renamed = Fixtures.Glossary.Replace("## 転移学習 |", "## 転移 |");
        await using var client = LspTestClient.Create(Fixtures.Workspace());
        await client.InitializeAsync(initialized: false);
        await LoadWithAsync(client, async () =>
        {
            await client.OpenAsync("記事.md", EditedArticle, version: 1);
            await client.ChangeAsync("記事.md", 2, LspTestClient.Edit(0, 0, 0, 0, "前置き\n"));
            // Opened with a heading renamed (the article's good link would break), then closed: the file on disk is back.
            await client.OpenAsync("用語集.md", renamed, version: 1);
            await client.NotifyAsync("textDocument/didClose", new { textDocument = new { uri = client.Uri("用語集.md") } });
        });

        var article = await client.WaitForDiagnosticsAsync("記事.md", p => p.Version == 2);
        var below = new Range(BrokenTarget.Start with { Line = BrokenTarget.Start.Line + 1 }, BrokenTarget.End with { Line = BrokenTarget.End.Line + 1 });
        article.Should().ContainSingle().Which.Range.Should().Be(below, "the line inserted at the start moved the link one line down");
        var glossary = await client.RequestAsync("test/probe", new { uri = client.Uri("用語集.md") });
        glossary.GetProperty("text").GetString().Should().Be(Fixtures.Glossary);
        client.Server.Queue.LastSnapshot.Folders.Single().OpenDocuments.Keys.Should().Equal("記事.md");
    }

    [Fact]
    public async Task Documents_outside_the_folder_and_other_files_opened_while_it_loads_behave_as_after_it()
    {
        await using var client = LspTestClient.Create(new Dictionary<string, string>(Fixtures.Workspace()) { ["メモ.txt"] = "disk\n" });
        await client.InitializeAsync(initialized: false);
        const string outside = "file:///tmp/glossary-outside-外.md";
        await LoadWithAsync(client, async () =>
        {
            await client.NotifyAsync("textDocument/didOpen", new { textDocument = new { uri = outside, languageId = "markdown", version = 1, text = "[x](nowhere.md)" } });
            await client.NotifyAsync("textDocument/didOpen", new
            {
                textDocument = new { uri = client.Uri("メモ.txt"), languageId = "plaintext", version = 1, text = "[x](nowhere.md)" },
            });
        });

        (await client.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri = outside } })).GetProperty("items").GetArrayLength().Should().Be(0);
        var folder = client.Server.Queue.LastSnapshot.Folders.Single();
        folder.Index.GetDocument("メモ.txt").Should().BeNull();
        folder.Index.OtherFiles.Should().Contain("メモ.txt");
    }
}
