namespace GlossaryLsp.Tests.Server;

/// <summary>GL0015 in the server: a term becomes unused, then used again, as another document is edited.</summary>
public sealed class UnusedTermTests
{
    [Fact]
    public async Task Editing_the_only_link_to_a_term_reports_and_then_clears_it_in_the_glossary()
    {
        var files = Fixtures.Workspace();
        files["glossary.yml"] = "rules:\n  unused-term: warning\n";
        await using var client = LspTestClient.Create(files);
        await client.InitializeAsync();
        await client.OpenAsync("記事.md", Fixtures.Article);
        await client.SettleAsync();
        client.LatestDiagnostics("用語集.md")?.Diagnostics.Should().BeEmpty("the article links to 転移学習");

        int before = client.Mark();
        await client.ChangeAsync("記事.md", 2, LspTestClient.Edit(Fixtures.Marked, Fixtures.TermLink, "学習"));
        var unused = await client.WaitForDiagnosticsAsync("用語集.md", d => d.Diagnostics.Count > 0, before);
        var d = unused.Should().ContainSingle().Subject;
        d.Code.Should().Be("GL0015");
        d.Message.Should().Be("Term '転移学習' is not linked to or mentioned by any other document");
        d.Range.Should().Be(Fixtures.RangeOf(Fixtures.Marked, Fixtures.TermName));

        int published = client.Mark();
        await client.ChangeAsync("記事.md", 3, LspTestClient.Edit(4, 0, 4, 0, "Transfer Learning を使う。"));
        (await client.WaitForDiagnosticsAsync("用語集.md", p => p.Diagnostics.Count == 0, published)).Should().BeEmpty("a mention by alias uses the term again");
    }
}
