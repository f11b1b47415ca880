using System.Text.Json;
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
        // "🌲[存在しない](用語集.md#44GC44GE44GG)": 🌲 is two UTF-16 units; the target starts after "🌲[存在しない](" (10 units).
        d.Range.Should().Be(new Range(new Position(4, 10), new Position(4, 29)));
    }
}
