using GlossaryLsp.Core.Text;
using GlossaryLsp.Server.Protocol;

namespace GlossaryLsp.Tests.Server;

/// <summary>
/// Counterexamples the server-level model-based tests (Workspace/IncrementalServerModelTests)
/// shrank: a client reports a folder deleted, moved or created on disk as one watched-file event for the
/// folder, a pull client keeps what it pulled for a document that went and came back, and a document a
/// load leaves out (under a tool folder, or ignored by glossary.yml) is in the workspace only while it is open.
/// </summary>
public sealed class WatchedFolderTests
{
    private static readonly string Anchor = AnchorCodec.Encode("転移学習 | Transfer Learning");

    private static readonly Fixture Before = Fixture.Parse($$"""
        //- 用語集.md
        <!-- 記事URL:https://example.org/g/用語集.md# -->

        ## 転移学習 | Transfer Learning<a id="{{Anchor}}"></a>

        - 例: [記事](articles/記事.md)
        //- articles/記事.md
        [転移学習](../用語集.md#{{Anchor}}) と [壊れた]({|GL0002:../用語集.md#44GC|})
        """);

    /// <summary>A glossary and, under a folder glossary.yml ignores in the tests that use it, an article with a broken anchor.</summary>
    private static readonly Fixture Ignored = Fixture.Parse($$"""
        //- 用語集.md
        <!-- 記事URL:https://example.org/g/用語集.md# -->

        ## 転移学習 | Transfer Learning<a id="{{Anchor}}"></a>

        - 別の課題に流用する。
        //- articles/deep/記事.md
        [転移学習](../../用語集.md#{{Anchor}}) と [壊れた]({|GL0002:../../用語集.md#44GC|})
        """);

    [Fact]
    public async Task A_folder_deleted_on_disk_as_one_event_removes_its_documents_and_clears_their_diagnostics()
    {
        var after = Fixture.Parse($$"""
            //- 用語集.md
            <!-- 記事URL:https://example.org/g/用語集.md# -->

            ## 転移学習 | Transfer Learning<a id="{{Anchor}}"></a>

            - 例: [記事]({|GL0001:articles/記事.md|})
            """);
        await using var client = LspTestClient.Create(Before.Files.ToDictionary(f => f.Path, f => f.Text));
        await client.InitializeAsync();
        await client.SettleAsync();
        Published(client, "articles/記事.md").Should().Equal(Expected(Before, "articles/記事.md"));

        await client.DeleteAsync("articles");
        await client.SettleAsync();
        Published(client, "articles/記事.md").Should().BeEmpty();
        Published(client, "用語集.md").Should().Equal(Expected(after, "用語集.md"));
    }

    [Fact]
    public async Task A_folder_renamed_on_disk_as_two_events_moves_its_documents()
    {
        var after = Fixture.Parse($$"""
            //- 用語集.md
            <!-- 記事URL:https://example.org/g/用語集.md# -->

            ## 転移学習 | Transfer Learning<a id="{{Anchor}}"></a>

            - 例: [記事]({|GL0001:articles/記事.md|})
            //- posts/記事.md
            [転移学習](../用語集.md#{{Anchor}}) と [壊れた]({|GL0002:../用語集.md#44GC|})
            """);
        await using var client = LspTestClient.Create(Before.Files.ToDictionary(f => f.Path, f => f.Text));
        await client.InitializeAsync();
        await client.SettleAsync();

        Directory.Move(Path.Combine(client.Root, "articles"), Path.Combine(client.Root, "posts"));
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new
        {
            changes = new[] { new { uri = client.Uri("articles"), type = FileChangeType.Deleted }, new { uri = client.Uri("posts"), type = FileChangeType.Created } },
        });
        await client.SettleAsync();
        Published(client, "articles/記事.md").Should().BeEmpty();
        Published(client, "posts/記事.md").Should().Equal(Expected(after, "posts/記事.md"));
        Published(client, "用語集.md").Should().Equal(Expected(after, "用語集.md"));
    }

    [Fact]
    public async Task In_pull_mode_a_pulled_document_deleted_and_written_again_with_problems_asks_the_client_to_pull_again()
    {
        await using var client = LspTestClient.Create(Before.Files.ToDictionary(f => f.Path, f => f.Text));
        await client.InitializeAsync(LspTestClient.Capabilities(pull: true));
        var uri = client.Uri("articles/記事.md");
        (await client.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri } })).GetProperty("items").GetArrayLength().Should().Be(1);

        await client.DeleteAsync("articles/記事.md");
        await client.WaitForServerRequestAsync("workspace/diagnostic/refresh", 1);
        (await client.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri } })).GetProperty("items").GetArrayLength().Should().Be(0);

        client.WriteFile("articles/記事.md", Before.Text("articles/記事.md"));
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new { changes = new[] { new { uri, type = FileChangeType.Created } } });
        await client.WaitForServerRequestAsync("workspace/diagnostic/refresh", 2);
        var again = await client.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri } });
        again.GetProperty("items").EnumerateArray().Select(d => $"{d.GetProperty("code").GetString()} {Fixtures.RangeText(d.GetProperty("range"))}")
            .Should().Equal(Expected(Before, "articles/記事.md"));
    }

    [Fact]
    public async Task In_pull_mode_a_document_pulled_before_it_existed_asks_the_client_to_pull_again_when_it_comes()
    {
        await using var client = LspTestClient.Create(Before.Files.Where(f => f.Path != "articles/記事.md").ToDictionary(f => f.Path, f => f.Text));
        await client.InitializeAsync(LspTestClient.Capabilities(pull: true));
        var uri = client.Uri("articles/記事.md");
        (await client.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri } })).GetProperty("items").GetArrayLength().Should().Be(0);
        await client.SettleAsync();
        client.ServerRequests("workspace/diagnostic/refresh").Should().BeEmpty();

        client.WriteFile("articles/記事.md", Before.Text("articles/記事.md"));
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new { changes = new[] { new { uri, type = FileChangeType.Created } } });
        await client.WaitForServerRequestAsync("workspace/diagnostic/refresh");
        (await client.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri } })).GetProperty("items").GetArrayLength().Should().Be(1);
    }

    [Fact]
    public async Task A_glossary_yml_created_later_is_a_file_links_resolve_to_and_files_under_tool_folders_stay_out()
    {
        var fixture = Fixture.Parse("""
            //- 記事.md
            [設定]({|GL0001:/glossary.yml|})
            """);
        await using var client = LspTestClient.Create(fixture.Files.ToDictionary(f => f.Path, f => f.Text));
        await client.InitializeAsync();
        await client.SettleAsync();
        Published(client, "記事.md").Should().Equal(Expected(fixture, "記事.md"));

        client.WriteFile("glossary.yml", "rules:\n  GL0011: off\n");
        client.WriteFile("bin/生成物.md", "[x](nowhere.md)\n"); // a load skips bin/: so does a watched-file event
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new
        {
            changes = new[] { new { uri = client.Uri("glossary.yml"), type = FileChangeType.Created }, new { uri = client.Uri("bin/生成物.md"), type = FileChangeType.Created } },
        });
        await client.SettleAsync();
        Published(client, "記事.md").Should().BeEmpty();
        client.LatestDiagnostics("bin/生成物.md").Should().BeNull();
    }

    [Fact]
    public async Task A_document_under_a_tool_folder_is_served_while_open_and_leaves_the_workspace_when_closed()
    {
        var open = Fixture.Parse($$"""
            //- 用語集.md
            <!-- 記事URL:https://example.org/g/用語集.md# -->

            ## {|GL0005:転移学習|} | Transfer Learning<a id="{{Anchor}}"></a>

            - 別の課題に流用する。
            //- obj/写し.md
            <!-- 記事URL:https://example.org/g/obj/写し.md# -->

            ## {|GL0005:転移学習|}

            - 写し。
            """);
        await using var client = LspTestClient.Create(new Dictionary<string, string> { ["用語集.md"] = open.Text("用語集.md"), ["obj/写し.md"] = open.Text("obj/写し.md") });
        await client.InitializeAsync();
        await client.SettleAsync();
        Published(client, "用語集.md").Should().BeEmpty("a load skips obj/");

        await client.OpenAsync("obj/写し.md", open.Text("obj/写し.md"));
        await client.SettleAsync();
        Published(client, "用語集.md").Should().Equal(Expected(open, "用語集.md"));
        Published(client, "obj/写し.md").Should().Equal(Expected(open, "obj/写し.md"));

        await client.NotifyAsync("textDocument/didClose", new { textDocument = new { uri = client.Uri("obj/写し.md") } });
        await client.SettleAsync();
        Published(client, "用語集.md").Should().BeEmpty();
        Published(client, "obj/写し.md").Should().BeEmpty();
    }

    [Fact]
    public async Task An_ignored_document_open_while_its_folder_is_deleted_is_cleared_when_closed()
    {
        await using var client = await StartIgnoringDeepAsync();
        client.LatestDiagnostics("articles/deep/記事.md").Should().BeNull("a load leaves the ignored file out");

        await client.OpenAsync("articles/deep/記事.md", Ignored.Text("articles/deep/記事.md"));
        await client.SettleAsync();
        Published(client, "articles/deep/記事.md").Should().Equal(Expected(Ignored, "articles/deep/記事.md"));

        await client.DeleteAsync("articles");
        await client.SettleAsync();
        Published(client, "articles/deep/記事.md").Should().Equal(Expected(Ignored, "articles/deep/記事.md"), "the editor's text stays while it is open");

        await client.NotifyAsync("textDocument/didClose", new { textDocument = new { uri = client.Uri("articles/deep/記事.md") } });
        await client.SettleAsync();
        client.LatestDiagnostics("articles/deep/記事.md")!.Diagnostics.Should().BeEmpty();
        Published(client, "用語集.md").Should().BeEmpty();
    }

    [Fact]
    public async Task An_ignored_document_closed_comes_back_when_glossary_yml_goes_and_leaves_with_its_folder()
    {
        await using var client = await StartIgnoringDeepAsync();
        await client.OpenAsync("articles/deep/記事.md", Ignored.Text("articles/deep/記事.md"));
        await client.SettleAsync();
        await client.NotifyAsync("textDocument/didClose", new { textDocument = new { uri = client.Uri("articles/deep/記事.md") } });
        await client.SettleAsync();
        client.LatestDiagnostics("articles/deep/記事.md")!.Diagnostics.Should().BeEmpty("closed, the ignored file leaves the workspace");

        await client.DeleteAsync("glossary.yml");
        await client.SettleAsync();
        Published(client, "articles/deep/記事.md").Should().Equal(Expected(Ignored, "articles/deep/記事.md"), "nothing is ignored any more");

        await client.DeleteAsync("articles");
        await client.SettleAsync();
        client.LatestDiagnostics("articles/deep/記事.md")!.Diagnostics.Should().BeEmpty();
        Published(client, "用語集.md").Should().BeEmpty();
    }

    /// <summary>A started client on <see cref="Ignored"/> with a glossary.yml that ignores articles/deep/.</summary>
    private static async Task<LspTestClient> StartIgnoringDeepAsync()
    {
        var files = Ignored.Files.ToDictionary(f => f.Path, f => f.Text);
        files["glossary.yml"] = "ignore:\n  - articles/deep/**\n";
        var client = LspTestClient.Create(files);
        await client.InitializeAsync();
        await client.SettleAsync();
        return client;
    }

    /// <summary>The code and range of each diagnostic the client last got for a document.</summary>
    private static List<string> Published(LspTestClient client, string path) =>
        [.. (client.LatestDiagnostics(path)?.Diagnostics ?? []).Select(d => $"{d.Code} {d.Range.Start.Line}:{d.Range.Start.Character}-{d.Range.End.Line}:{d.Range.End.Character}")];

    /// <summary>The code and range of each diagnostic a fixture marks in a document.</summary>
    private static List<string> Expected(Fixture fixture, string path) =>
        [.. fixture.Diagnostics.Where(d => d.Path == path).Select(d => $"{d.Id} {fixture.Range(new FixtureSpan(path, d.Span))}")];
}
