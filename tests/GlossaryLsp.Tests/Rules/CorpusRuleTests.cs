using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Rules;
using GlossaryLsp.Core.Text;
using GlossaryLsp.Core.Workspace;
using GlossaryLsp.Tests.TestSupport;

namespace GlossaryLsp.Tests.Rules;

/// <summary>
/// The rules on the real public glossary (../shared/corpora/tech_glossary): no errors, every term link
/// resolves, the known duplicates and the one real defect (ai/llm-inference.md's ".md.md" URL) are found.
/// </summary>
public class CorpusRuleTests
{
    private static readonly Lazy<(GlossaryIndex Index, List<Diagnostic> Diagnostics)> Output = new(() => Lint(RepoPaths.TechGlossaryOutput));
    private static readonly Lazy<(GlossaryIndex Index, List<Diagnostic> Diagnostics)> Input = new(() => Lint(RepoPaths.TechGlossaryInput));

    [Fact]
    public void Output_has_no_errors_and_all_866_term_links_resolve()
    {
        var (index, diagnostics) = Output.Value;
        diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Should().BeEmpty();
        diagnostics.Where(d => d.Id is "GL0001" or "GL0002" or "GL0006" or "GL0010").Should().BeEmpty();
        var termLinks = index.Documents.Values.SelectMany(doc => doc.Links.Select(l => index.ResolveLink(doc, l))).Count(r => r.Term is not null);
        termLinks.Should().Be(866);
    }

    private static (GlossaryIndex, List<Diagnostic>) Lint(string root)
    {
        var index = WorkspaceLoader.Load(root, GlossaryConfig.Default);
        return (index, [.. DocumentAnalyzer.AnalyzeAll(index).SelectMany(r => r.Diagnostics)]);
    }

    private static string TextOf(GlossaryIndex index, Diagnostic d) => index.GetDocument(d.Path)!.GetText(d.Span);

    [Fact]
    public void Output_reports_entry_words_defined_in_two_files()
    {
        var (index, diagnostics) = Output.Value;
        var duplicates = diagnostics.Where(d => d.Id == "GL0005").ToList();
        duplicates.Should().OnlyContain(d => d.Severity == DiagnosticSeverity.Warning && d.Related.Length > 0);
        var overfitting = duplicates.Where(d => TextOf(index, d) is "過学習" or "Overfitting").ToList();
        overfitting.Select(d => TextOf(index, d)).Distinct().Should().BeEquivalentTo("過学習", "Overfitting");
        foreach (var d in overfitting)
            d.Related.Should().OnlyContain(r => r.Path != d.Path && TextOf(index, d) == index.GetDocument(r.Path)!.GetText(r.Span));
    }

    [Fact]
    public void Output_finds_the_self_links_of_llm_inference_that_404_and_the_fix_repairs_the_comment_and_15_links()
    {
        var (index, diagnostics) = Output.Value;
        var d = diagnostics.Where(d => d.Id == "GL0012").Should().ContainSingle().Subject;
        d.Path.Should().Be("ai/llm-inference.md");
        TextOf(index, d).Should().Be("https://github.com/takata150802/tech_glossary/blob/main/output/ai/llm-inference.md.md#");
        var fix = d.Fixes.Should().ContainSingle().Subject;
        fix.Edits.SelectMany(e => e.Edits).Should().HaveCount(16, "the comment and the 15 links to itself");

        var texts = index.Documents.Values.ToDictionary(doc => doc.Path, doc => doc.Text);
        foreach (var change in fix.Edits) texts[change.Path] = TextEdit.Apply(texts[change.Path], change.Edits);
        texts.Values.Should().NotContain(t => t.Contains("llm-inference.md.md"));
        var fixedIndex = GlossaryIndex.Create(index.Config, texts.Select(kv => WorkspaceLoader.ParseText(kv.Key, kv.Value, index.Config)));
        var after = DocumentAnalyzer.AnalyzeAll(fixedIndex).SelectMany(r => r.Diagnostics).ToList();
        after.Where(x => x.Id is "GL0012" or "GL0001" or "GL0002" or "GL0006").Should().BeEmpty();
        fixedIndex.Documents.Values.SelectMany(doc => doc.Links.Select(l => fixedIndex.ResolveLink(doc, l))).Count(r => r.Term is not null).Should().Be(866);
    }

    [Fact]
    public void Prose_in_brackets_is_not_a_link()
    {
        var (index, diagnostics) = Output.Value;
        foreach (var (path, prose) in new[] { ("ml-overview.md", "[0, 1]"), ("ai/nlp.md", "[\"c\", \"a\", \"t\"]") })
        {
            var doc = index.GetDocument(path)!;
            int at = doc.Text.IndexOf(prose, StringComparison.Ordinal);
            at.Should().BeGreaterThan(0);
            doc.Links.Should().NotContain(l => l.Span.Overlaps(new TextSpan(at, prose.Length)));
            diagnostics.Should().NotContain(x => x.Path == path && doc.Lines.GetLine(x.Span.Start) == doc.Lines.GetLine(at));
        }
    }

    [Fact]
    public void Input_computes_the_anchors_the_output_carries_and_has_no_errors()
    {
        var (input, diagnostics) = Input.Value;
        var (output, _) = Output.Value;
        diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Should().BeEmpty();
        var computed = input.AllTerms.ToList();
        computed.Select(t => (t.DocumentPath, t.Headword)).Should().Equal(output.AllTerms.Select(t => (t.DocumentPath, t.Headword)), "the generated files define the same terms");
        computed.Should().OnlyContain(t => t.Heading != null && t.Heading.ExplicitId == null, "authored files carry no ids; anchors are computed");
        foreach (var term in computed)
        {
            var generated = output.GetDocument(term.DocumentPath)!.Terms.Where(t => t.Headword == term.Headword).Select(t => t.Heading!.ExplicitId).ToList();
            if (generated.Count > 0) generated.Should().Contain(term.Anchor, $"'{term.Headword}' in {term.DocumentPath}");
        }
    }
}
