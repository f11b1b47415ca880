using System.Collections.Immutable;
using GlossaryLsp.Core.Rules;

namespace GlossaryLsp.Fuzz;

/// <summary>
/// Everything the fuzzer checks on one input, and the replay tests check on every committed input:
/// parse and index the workspace (<see cref="FuzzWorkspace"/>), lint every document, ask the editor
/// features at a few positions (<see cref="FeatureChecks"/>) and run the linker (<see cref="LinkerChecks"/>).
/// Any exception, or an <see cref="InvariantViolation"/>, is a finding; a hang is one for the caller's clock.
/// </summary>
public static class FuzzInvariants
{
    /// <summary>Documents whose features are checked: the first few of an input, enough for cross-file cases.</summary>
    private const int MaxFeatureDocuments = 6;

    public static void Check(ReadOnlySpan<byte> input) => Check(FuzzWorkspace.Read(input));

    public static void Check(FuzzWorkspace workspace)
    {
        var index = workspace.Index;
        if (workspace.ConfigError is { Length: 0 }) throw new InvariantViolation("a bad glossary.yml gave an empty message");
        var lint = new Dictionary<string, ImmutableArray<Diagnostic>>(StringComparer.Ordinal);
        foreach (var doc in index.Documents.Values)
        {
            if (doc.LoadProblem is { } problem)
            {
                if (string.IsNullOrWhiteSpace(problem.Message)) throw new InvariantViolation($"{doc.Path}: a load problem without a message");
                continue;
            }
            SpanChecks.CheckStructure(doc);
            var diagnostics = DocumentAnalyzer.Analyze(index, doc);
            foreach (var d in diagnostics) CheckDiagnostic(index, doc.Path, d);
            lint[doc.Path] = diagnostics;
        }
        foreach (var doc in index.Documents.Values.Take(MaxFeatureDocuments)) FeatureChecks.Check(index, doc, lint.GetValueOrDefault(doc.Path, []));
        FeatureChecks.CheckSymbols(index);
        LinkerChecks.Check(index, lint);
    }

    private static void CheckDiagnostic(GlossaryLsp.Core.Index.GlossaryIndex index, string path, Diagnostic d)
    {
        var what = $"{d.Id} '{d.Message}'";
        if (d.Path != path) throw new InvariantViolation($"{what} of {path} says it is in {d.Path}");
        if (string.IsNullOrWhiteSpace(d.Message)) throw new InvariantViolation($"{d.Id} in {path} has no message");
        SpanChecks.Check(index, path, d.Span, what);
        foreach (var r in d.Related)
        {
            if (index.GetDocument(r.Path) is not null) SpanChecks.Check(index, r.Path, r.Span, $"{what}: related '{r.Message}'");
            else if (!index.OtherFiles.Contains(r.Path) || !r.Span.IsEmpty) throw new InvariantViolation($"{what}: related location {r.Path}{r.Span} is no place of the workspace");
        }
        foreach (var fix in d.Fixes)
            foreach (var edit in fix.EditsIn(index)) SpanChecks.Apply(index, edit, $"{what}: fix '{fix.Title}'");
    }
}
