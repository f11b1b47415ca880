using GlossaryLsp.Core.Text;
using GlossaryLsp.Server.Protocol;

namespace GlossaryLsp.Tests.Server;

/// <summary>
/// Counterexamples the server-level model-based tests (Workspace/IncrementalServerModelTests)
/// shrank: a client reports a folder deleted, moved or created on disk as one watched-file event for the
/// folder, and a pull client keeps what it pulled for a document that went and came back.
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

        Directory.Delete(Path.Combine(client.Root, "articles"), recursive: true);
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new { changes = new[] { new { uri = client.Uri("articles"), type = FileChangeType.Deleted } } });
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

        File.Delete(Path.Combine(client.Root, "articles/記事.md"));
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new { changes = new[] { new { uri, type = FileChangeType.Deleted } } });
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

    /// <summary>The code and range of each diagnostic the client last got for a document.</summary>
    private static List<string> Published(LspTestClient client, string path) =>
        [.. (client.LatestDiagnostics(path)?.Diagnostics ?? []).Select(d => $"{d.Code} {d.Range.Start.Line}:{d.Range.Start.Character}-{d.Range.End.Line}:{d.Range.End.Character}")];

    /// <summary>The code and range of each diagnostic a fixture marks in a document.</summary>
    private static List<string> Expected(Fixture fixture, string path) =>
        [.. fixture.Diagnostics.Where(d => d.Path == path).Select(d => $"{d.Id} {fixture.Range(new FixtureSpan(path, d.Span))}")];
}
