using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Rules;
using GlossaryLsp.Core.Text;
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

    [Fact]
    public void A_second_document_claiming_a_term_list_s_url_turns_the_fix_of_a_link_to_its_term_into_a_relative_one()
    {
        // The fix writes the term's published address only while that address leads back to its document;
        // once articles/記事.md (first in path order) claims the URL too, the address leads there instead.
        var anchor = AnchorCodec.Encode("ファインチューニング | Fine-tuning");
        var glossary = $$"""
            //- glossary/ml.md
            <!-- 記事URL:https://example.org/g/glossary/ml.md# -->

            ## ファインチューニング | Fine-tuning

            - 詳細は[Fine-tuning]({|GL0002:https://example.org/g/glossary/dl.md#{{anchor}}|})を参照。
            //- glossary/dl.md
            <!-- 記事URL:https://example.org/g/glossary/dl.md# -->
            """;
        var before = glossary + "\n//- articles/記事.md\n# 記事\n";
        var after = glossary + "\n//- articles/記事.md\n<!-- 記事URL:{|GL0012:https://example.org/g/glossary/ml.md#|} -->\n# 記事\n";

        var (first, updated) = ShouldUpdateTo(before, after);
        Fix(first).Should().Be("https://example.org/g/glossary/ml.md#" + anchor);
        Fix(updated).Should().Be("#" + anchor);

        static string Fix(WorkspaceDiagnostics diagnostics) =>
            diagnostics.All.Single(r => r.Document.Path == "glossary/ml.md").Diagnostics.Single().Fixes.Single().Edits.Single().Edits.Single().NewText;
    }

    /// <summary>Analyses <paramref name="before"/>, updates to the files of <paramref name="after"/> and checks the result against its markers and a full analysis.</summary>
    private static (WorkspaceDiagnostics Before, WorkspaceDiagnostics After) ShouldUpdateTo(string before, string after, GlossaryConfig? config = null)
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
        ModelComparison.Canonical(updated.All.SelectMany(r => r.Diagnostics))
            .Should().Equal(ModelComparison.Canonical(DocumentAnalyzer.AnalyzeAll(index).SelectMany(r => r.Diagnostics)));
        return (diagnostics, updated);
    }
}
