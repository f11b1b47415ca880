using GlossaryLsp.Core.Text;
using GlossaryLsp.Server.Protocol;
using Range = GlossaryLsp.Server.Protocol.Range;

namespace GlossaryLsp.Tests.Server;

public sealed class CrossFileTests
{
    private static readonly string RenamedHeading = $"## 転移学習法 | Transfer Learning<a id=\"{AnchorCodec.Encode("転移学習法 | Transfer Learning")}\"></a>";
    private static readonly string OriginalHeading = Fixtures.Marked.Text(Fixtures.TermHeading.Path)[Fixtures.TermHeading.Span.Start..Fixtures.TermHeading.Span.End];

    /// <summary>Replaces the glossary's heading of 転移学習 with <see cref="RenamedHeading"/>.</summary>
    private static object RenameHeading => LspTestClient.Edit(Fixtures.Marked, Fixtures.TermHeading, RenamedHeading);

    [Fact]
    public async Task Editing_a_heading_updates_the_diagnostics_of_the_file_linking_to_it_then_reverting_restores_them()
    {
        await using var client = LspTestClient.Create(Fixtures.Workspace());
        await client.InitializeAsync();
        await client.OpenAsync("用語集.md", Fixtures.Glossary);
        (await client.WaitForDiagnosticsAsync("記事.md")).Select(d => d.Code).Should().Equal("GL0002");

        await client.ChangeAsync("用語集.md", 2, RenameHeading);
        var broken = await client.WaitForDiagnosticsAsync("記事.md", p => p.Diagnostics.Count == 2);
        broken[0].Code.Should().Be("GL0002");
        broken[0].Range.Should().Be(Fixtures.RangeOf(Fixtures.Marked, Fixtures.TermLinkTarget));
        broken[1].Range.Should().Be(Fixtures.RangeOf(Fixtures.Marked, Fixtures.BrokenTarget));

        int mark = client.Mark();
        var heading = Fixtures.RangeOf(Fixtures.Marked, Fixtures.TermHeading).Start;
        await client.ChangeAsync("用語集.md", 3, LspTestClient.Edit(heading.Line, 0, heading.Line, RenamedHeading.Length, OriginalHeading));
        (await client.WaitForDiagnosticsAsync("記事.md", p => p.Diagnostics.Count == 1, mark)).Single().Range
            .Should().Be(Fixtures.RangeOf(Fixtures.Marked, Fixtures.BrokenTarget));
    }

    [Fact]
    public async Task Text_inserted_above_a_term_another_file_also_defines_moves_that_files_related_location()
    {
        var second = "<!-- 記事URL:https://example.org/glossary/二つ目.md# -->\n\n## 転移学習 | Transfer Learning<a id=\"" + Fixtures.TransferAnchor + "\"></a>\n\n- 別の定義。\n";
        await using var client = LspTestClient.Create(new Dictionary<string, string>(Fixtures.Workspace()) { ["二つ目.md"] = second });
        await client.InitializeAsync();
        await client.OpenAsync("用語集.md", Fixtures.Glossary);
        await client.OpenAsync("二つ目.md", second);
        static int RelatedLine(Diagnostic[] diagnostics) =>
            diagnostics.Where(d => d.Code == "GL0005").SelectMany(d => d.RelatedInformation ?? []).Select(r => r.Location.Range.Start.Line).Distinct().Single();
        int termLine = Fixtures.RangeOf(Fixtures.Marked, Fixtures.TermName).Start.Line;
        RelatedLine(await client.WaitForDiagnosticsAsync("二つ目.md", p => p.Diagnostics.Any(d => d.Code == "GL0005"))).Should().Be(termLine);

        // Two lines above the glossary's term: the other file's diagnostics point two lines further down.
        int mark = client.Mark();
        await client.ChangeAsync("用語集.md", 2, LspTestClient.Insert(Fixtures.Marked, Fixtures.TermHeading, "前書き。\n\n"));
        var moved = await client.WaitForDiagnosticsAsync(
            "二つ目.md", p => p.Diagnostics.Any(d => d.RelatedInformation?.Any(r => r.Location.Range.Start.Line == termLine + 2) == true), mark);
        RelatedLine(moved).Should().Be(termLine + 2);
        (await client.WaitForDiagnosticsAsync("用語集.md", p => p.Version == 2, mark)).Should().Contain(d => d.Code == "GL0005");
    }

    [Fact]
    public async Task A_burst_of_changes_is_answered_on_the_last_text()
    {
        await using var client = LspTestClient.Create(Fixtures.Workspace());
        await client.InitializeAsync();
        await client.OpenAsync("記事.md", Fixtures.Article);
        for (int v = 2; v <= 6; v++) _ = client.ChangeAsync("記事.md", v, LspTestClient.Edit(0, 0, 0, 0, "x"));
        await client.ChangeAsync("記事.md", 7, LspTestClient.Edit(0, 0, 0, 0, "# 見出し\n\n"));
        var symbols = await client.RequestAsync("textDocument/documentSymbol", new { textDocument = new { uri = client.Uri("記事.md") } });
        // "xxxxx# 記事" is no heading; the two lines inserted above move the broken link two lines down.
        symbols.EnumerateArray().Select(s => s.GetProperty("name").GetString()).Should().Equal("見出し");
        var target = Fixtures.RangeOf(Fixtures.Marked, Fixtures.BrokenTarget).Start;
        (await client.WaitForDiagnosticsAsync("記事.md", p => p.Version == 7)).Select(d => d.Range.Start)
            .Should().Equal(target with { Line = target.Line + 2 });
    }

    [Fact]
    public async Task In_pull_mode_a_cross_file_change_asks_the_client_to_refresh()
    {
        await using var client = LspTestClient.Create(Fixtures.Workspace());
        await client.InitializeAsync(LspTestClient.Capabilities(pull: true));
        await client.OpenAsync("用語集.md", Fixtures.Glossary);
        await client.OpenAsync("記事.md", Fixtures.Article);
        var before = await client.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri = client.Uri("記事.md") } });
        before.GetProperty("items").GetArrayLength().Should().Be(1);
        await client.SettleAsync();

        await client.ChangeAsync("用語集.md", 2, RenameHeading);
        await client.WaitForServerRequestAsync("workspace/diagnostic/refresh");
        var after = await client.RequestAsync(
            "textDocument/diagnostic", new { textDocument = new { uri = client.Uri("記事.md") }, previousResultId = before.GetProperty("resultId").GetString() });
        after.GetProperty("kind").GetString().Should().Be("full");
        after.GetProperty("items").GetArrayLength().Should().Be(2);
    }

    [Fact]
    public async Task In_pull_mode_a_change_to_diagnostics_the_client_never_pulled_asks_for_no_refresh()
    {
        await using var client = LspTestClient.Create(Fixtures.Workspace());
        await client.InitializeAsync(LspTestClient.Capabilities(pull: true));
        await client.OpenAsync("用語集.md", Fixtures.Glossary);
        await client.OpenAsync("記事.md", Fixtures.Article);
        await client.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri = client.Uri("用語集.md") } });
        await client.SettleAsync();

        // The rename breaks the article's link: its diagnostics change, but the client has not asked for them yet.
        await client.ChangeAsync("用語集.md", 2, RenameHeading);
        await client.SettleAsync();
        client.ServerRequests("workspace/diagnostic/refresh").Should().BeEmpty();
        var article = await client.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri = client.Uri("記事.md") } });
        article.GetProperty("items").GetArrayLength().Should().Be(2);
    }
}

public sealed class WatchedFilesTests
{
    [Fact]
    public async Task Files_created_changed_and_deleted_on_disk_update_the_index()
    {
        await using var client = LspTestClient.Create(Fixtures.Workspace());
        await client.InitializeAsync();

        var note = Fixture.Parse("//- メモ/新規.md\n# メモ\n\n[転移学習]({|GL0002:../用語集.md#ない|})\n");
        client.WriteFile("メモ/新規.md", note.Text("メモ/新規.md"));
        await client.NotifyAsync("workspace/didChangeWatchedFiles", Event(client, "メモ/新規.md", FileChangeType.Created));
        var created = await client.WaitForDiagnosticsAsync("メモ/新規.md");
        created.Should().ContainSingle().Which.Range.Should().Be(Fixtures.RangeOf(note, new FixtureSpan("メモ/新規.md", note.Diagnostics.Single().Span)));

        // The glossary changes on disk (not open): the article's good link breaks.
        client.WriteFile("用語集.md", Fixtures.Glossary.Replace("## 転移学習 |", "## 転移 |").Replace(Fixtures.TransferAnchor, AnchorCodec.Encode("転移 | Transfer Learning")));
        await client.NotifyAsync("workspace/didChangeWatchedFiles", Event(client, "用語集.md", FileChangeType.Changed));
        await client.WaitForDiagnosticsAsync("記事.md", p => p.Diagnostics.Count == 2);

        // A rename on disk is a delete and a create.
        File.Move(Path.Combine(client.Root, "メモ/新規.md"), Path.Combine(client.Root, "メモ/改名.md"));
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new
        {
            changes = new[] { new { uri = client.Uri("メモ/新規.md"), type = FileChangeType.Deleted }, new { uri = client.Uri("メモ/改名.md"), type = FileChangeType.Created } },
        });
        await client.WaitForDiagnosticsAsync("メモ/新規.md", p => p.Diagnostics.Count == 0);
        (await client.WaitForDiagnosticsAsync("メモ/改名.md")).Should().ContainSingle();
    }

    private static object Event(LspTestClient c, string path, int type) => new { changes = new[] { new { uri = c.Uri(path), type } } };

    [Fact]
    public async Task Glossary_yml_is_reloaded_and_a_bad_one_is_reported_while_the_previous_config_stays()
    {
        await using var client = LspTestClient.Create(Fixtures.Workspace());
        await client.InitializeAsync();
        await client.OpenAsync("記事.md", Fixtures.Article);
        (await client.WaitForDiagnosticsAsync("記事.md", p => p.Version == 1)).Should().ContainSingle();

        client.WriteFile("glossary.yml", "rules:\n  broken-anchor: off\n");
        await client.NotifyAsync("workspace/didChangeWatchedFiles", Event(client, "glossary.yml", FileChangeType.Created));
        await client.WaitForDiagnosticsAsync("記事.md", p => p.Diagnostics.Count == 0);

        client.WriteFile("glossary.yml", "rules:\n  broken-anchor: off\n  no-such-rule: error\n");
        await client.NotifyAsync("workspace/didChangeWatchedFiles", Event(client, "glossary.yml", FileChangeType.Changed));
        var shown = await client.WaitForNotificationAsync("window/showMessage");
        shown.GetProperty("type").GetInt32().Should().Be((int)MessageType.Error);
        shown.GetProperty("message").GetString().Should().Contain("glossary.yml:3").And.Contain("rules.no-such-rule");
        await client.SettleAsync();
        client.LatestDiagnostics("記事.md")!.Diagnostics.Should().BeEmpty(); // the previous config stays

        int mark = client.Mark();
        await client.DeleteAsync("glossary.yml");
        await client.WaitForDiagnosticsAsync("記事.md", p => p.Diagnostics.Count == 1, mark);
    }

    [Fact]
    public async Task Editor_settings_layer_over_glossary_yml()
    {
        var files = Fixtures.Workspace();
        files["glossary.yml"] = "rules:\n  GL0002: hint\n";
        await using var client = LspTestClient.Create(files);
        await client.InitializeAsync(initializationOptions: new
        {
            settings = new { rules = new { GL0002 = "warning" }, unlinkedMentions = false, linkerMode = "first", glossaryGlobs = Array.Empty<string>() },
        });
        await client.OpenAsync("記事.md", Fixtures.Article);
        (await client.WaitForDiagnosticsAsync("記事.md", p => p.Version == 1)).Single().Severity.Should().Be(DiagnosticSeverity.Warning);

        await client.NotifyAsync(
            "workspace/didChangeConfiguration", new { settings = new { glossary = new { rules = new Dictionary<string, string> { ["broken-anchor"] = "off" } } } });
        await client.WaitForDiagnosticsAsync("記事.md", p => p.Diagnostics.Count == 0);

        int mark = client.Mark();
        await client.NotifyAsync("workspace/didChangeConfiguration", new { settings = new { glossary = new { } } });
        (await client.WaitForDiagnosticsAsync("記事.md", p => p.Diagnostics.Count == 1, mark)).Single().Severity.Should().Be(DiagnosticSeverity.Hint);
    }
}
