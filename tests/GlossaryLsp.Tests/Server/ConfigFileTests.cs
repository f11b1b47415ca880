using GlossaryLsp.Server.Protocol;

namespace GlossaryLsp.Tests.Server;

/// <summary>glossary.yml in the editor: its problems as diagnostics on the file, and what a change of it does to pulled diagnostics.</summary>
public sealed class ConfigFileTests
{
    private static readonly Fixture Bad = Fixture.Parse("""
        //- glossary.yml
        rules:
          broken-anchor: off
        [|  no-such-rule: error|]
        """);

    [Fact]
    public async Task A_bad_glossary_yml_is_an_error_on_the_line_it_names_and_a_good_one_clears_it()
    {
        await using var client = LspTestClient.Create(Fixtures.Workspace());
        await client.InitializeAsync();
        await client.SettleAsync();
        client.LatestDiagnostics("glossary.yml").Should().BeNull("a workspace without glossary.yml has nothing to say about it");

        client.WriteFile("glossary.yml", Bad.Text("glossary.yml"));
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new { changes = new[] { new { uri = client.Uri("glossary.yml"), type = FileChangeType.Created } } });
        await client.SettleAsync();
        var problem = client.LatestDiagnostics("glossary.yml")!.Diagnostics.Should().ContainSingle().Subject;
        problem.Range.Should().Be(Fixtures.RangeOf(Bad, Bad.Span()));
        problem.Severity.Should().Be(DiagnosticSeverity.Error);
        problem.Message.Should().Be(
            "'rules.no-such-rule': unknown rule; expected an id GL0000–GL0015 or an alias such as broken-link (the previous configuration stays in effect)");

        client.WriteFile("glossary.yml", "rules:\n  broken-anchor: off\n");
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new { changes = new[] { new { uri = client.Uri("glossary.yml"), type = FileChangeType.Changed } } });
        await client.SettleAsync();
        client.LatestDiagnostics("glossary.yml")!.Diagnostics.Should().BeEmpty();
        client.LatestDiagnostics("記事.md")!.Diagnostics.Should().BeEmpty("the good file is in effect: broken anchors are off");
    }

    [Fact]
    public async Task In_pull_mode_glossary_yml_is_pulled_like_a_document_and_fixing_it_asks_the_client_to_pull_again()
    {
        var files = new Dictionary<string, string>(Fixtures.Workspace()) { ["glossary.yml"] = Bad.Text("glossary.yml") };
        await using var client = LspTestClient.Create(files);
        await client.InitializeAsync(LspTestClient.Capabilities(pull: true));
        var report = await client.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri = client.Uri("glossary.yml") } });
        report.GetProperty("items").EnumerateArray().Select(d => Fixtures.RangeText(d.GetProperty("range"))).Should().Equal(Bad.Range(Bad.Span()));
        await client.SettleAsync();

        client.WriteFile("glossary.yml", "rules:\n  broken-anchor: off\n");
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new { changes = new[] { new { uri = client.Uri("glossary.yml"), type = FileChangeType.Changed } } });
        await client.WaitForServerRequestAsync("workspace/diagnostic/refresh");
        (await client.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri = client.Uri("glossary.yml") } }))
            .GetProperty("items").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task In_pull_mode_new_ignore_globs_that_change_an_open_document_s_diagnostics_ask_the_client_to_pull_again()
    {
        // Shrunk from the server-level model-based tests: new ignore globs read the folder again, so the
        // open document is parsed again too; that is not the client's edit, and it would not pull by itself.
        await using var client = LspTestClient.Create(Fixtures.Workspace());
        await client.InitializeAsync(LspTestClient.Capabilities(pull: true));
        await client.OpenAsync("記事.md", Fixtures.Article);
        var before = await client.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri = client.Uri("記事.md") } });
        before.GetProperty("items").GetArrayLength().Should().Be(1);
        await client.SettleAsync();

        client.WriteFile("glossary.yml", "ignore:\n  - drafts/**\nrules:\n  broken-anchor: off\n");
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new { changes = new[] { new { uri = client.Uri("glossary.yml"), type = FileChangeType.Created } } });
        await client.WaitForServerRequestAsync("workspace/diagnostic/refresh");
        (await client.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri = client.Uri("記事.md") } }))
            .GetProperty("items").GetArrayLength().Should().Be(0);
    }
}
