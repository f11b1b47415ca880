using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Rules;
using GlossaryLsp.Core.Workspace;

namespace GlossaryLsp.Tests.Rules;

/// <summary>
/// Counterexamples the model-based tests (<see cref="IncrementalModelTests"/>) found and shrank: a
/// workspace before, the files after a change (a file missing from the second fixture was deleted), and
/// the diagnostics the incremental update must give, marked in the second fixture. Each also equals a
/// full analysis of the files after.
/// </summary>
public sealed class IncrementalRegressionTests
{
    [Fact]
    public void Adding_the_document_a_url_maps_to_through_the_inferred_base_url_re_checks_the_link_to_it()
    {
        // The link's URL maps to glossary/sub/b.md through the base URL a.md and c.md agree on; b.md
        // itself is published elsewhere, so only that mapping tells the linker that b.md came.
        const string before = """
            //- glossary/a.md
            <!-- 記事URL:https://example.org/g/glossary/a.md# -->

            - [学習率](https://example.org/g/glossary/sub/b.md#5a2m57+S546H)
            //- glossary/c.md
            <!-- 記事URL:https://example.org/g/glossary/c.md# -->
            """;
        const string after = """
            //- glossary/a.md
            <!-- 記事URL:https://example.org/g/glossary/a.md# -->

            - [学習率]({|GL0002:https://example.org/g/glossary/sub/b.md#5a2m57+S546H|})
            //- glossary/c.md
            <!-- 記事URL:https://example.org/g/glossary/c.md# -->
            //- glossary/sub/b.md
            <!-- 記事URL:{|GL0012:https://example.org/g/old/glossary/sub/b.md#|} -->
            """;
        ShouldUpdateTo(before, after);
    }

    /// <summary>Analyses <paramref name="before"/>, updates to the files of <paramref name="after"/> and checks the result against its markers and a full analysis.</summary>
    private static void ShouldUpdateTo(string before, string after, GlossaryConfig? config = null)
    {
        config ??= GlossaryConfig.Default;
        var from = Fixture.Parse(before);
        var to = Fixture.Parse(after);
        var index = GlossaryIndex.Create(config, from.Files.Select(f => WorkspaceLoader.ParseText(f.Path, f.Text, config)));
        var diagnostics = WorkspaceDiagnostics.Create(index);
        var changed = new List<string>();
        foreach (var file in from.Files.Where(f => to.Files.All(t => t.Path != f.Path)))
        {
            index = index.WithoutDocument(file.Path);
            changed.Add(file.Path);
        }
        foreach (var file in to.Files.Where(t => from.Files.All(f => f.Path != t.Path || f.Text != t.Text)))
        {
            index = index.WithDocument(WorkspaceLoader.ParseText(file.Path, file.Text, config));
            changed.Add(file.Path);
        }
        var updated = diagnostics.Update(index, changed);

        updated.All.SelectMany(r => r.Diagnostics).Select(d => new ExpectedDiagnostic(d.Id, d.Path, d.Span).ToString())
            .Should().BeEquivalentTo(to.Diagnostics.Select(d => d.ToString()));
        Canonical(updated.All.SelectMany(r => r.Diagnostics)).Should().Equal(Canonical(DocumentAnalyzer.AnalyzeAll(index).SelectMany(r => r.Diagnostics)));
    }

    /// <summary>Diagnostics as sorted lines of path, id, span, message and related places, for comparing two analyses.</summary>
    private static List<string> Canonical(IEnumerable<Diagnostic> diagnostics) =>
        [.. diagnostics.Select(d => $"{d.Path} {d.Id} {d.Span} {d.Message} [{string.Join("; ", d.Related.Select(r => $"{r.Path} {r.Span} {r.Message}"))}]")
            .Order(StringComparer.Ordinal)];
}
