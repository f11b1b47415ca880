using System.Collections.Immutable;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Rules;
using GlossaryLsp.Core.Text;
using GlossaryLsp.Core.Workspace;

namespace GlossaryLsp.Core.Features;

/// <summary>A safe fix that was applied: the diagnostic it fixed in <paramref name="Document"/> (the text of its round) and its edits.</summary>
public sealed record AppliedFix(ParsedDocument Document, Diagnostic Diagnostic, CodeFix Fix, ImmutableArray<DocumentEdit> Edits);

/// <summary>A safe fix that was left alone because it would edit <paramref name="Path"/>, which may not be edited.</summary>
public sealed record BlockedFix(Diagnostic Diagnostic, CodeFix Fix, string Path);

/// <summary>What <see cref="SafeFixes.Apply"/> did: the analysis of the fixed workspace, the fixes, the documents whose text changed.</summary>
public sealed record SafeFixResult(
    WorkspaceDiagnostics Final, ImmutableArray<AppliedFix> Applied, ImmutableArray<BlockedFix> Blocked, ImmutableArray<string> ChangedPaths, bool Converged);

/// <summary>
/// Applies every safe fix (<see cref="CodeFix.IsSafe"/>) of the chosen documents' diagnostics, round
/// after round, until a round finds none (a fixed point). A fix changes what other documents report (a
/// regenerated id moves the links to it; a corrected article URL rewrites links elsewhere), so each
/// round re-analyses what the previous one changed with the incremental engine
/// (<see cref="WorkspaceDiagnostics.Update(GlossaryIndex, IEnumerable{string})"/>). Within a round the
/// fixes whose edits neither overlap nor touch are applied together; the others wait for the next
/// round, analysed afresh. In memory only: the caller writes the changed documents.
/// </summary>
public static class SafeFixes
{
    /// <summary>A fix that keeps producing new fixes (two rules undoing each other) stops here.</summary>
    public const int MaxRounds = 20;

    /// <param name="start">The analysis of the workspace as it is on disk.</param>
    /// <param name="fixOf">The documents whose diagnostics are fixed (the PATHs), in path order.</param>
    /// <param name="mayEdit">Whether a document may be edited: a fix with an edit anywhere else is not applied, not even in part.</param>
    public static SafeFixResult Apply(WorkspaceDiagnostics start, IReadOnlyList<string> fixOf, Func<string, bool> mayEdit)
    {
        var current = start;
        var applied = ImmutableArray.CreateBuilder<AppliedFix>();
        bool converged = false;
        for (int round = 0; round < MaxRounds && !converged; round++)
        {
            var taken = new Dictionary<string, List<TextEdit>>(StringComparer.Ordinal);
            foreach (var (diagnostic, fix) in SafeFixesOf(current, fixOf))
            {
                var edits = fix.EditsIn(current.Index);
                if (edits.Any(e => !mayEdit(e.Path) || current.Index.GetDocument(e.Path) is not { LoadProblem: null })) continue;
                if (edits.All(e => ChangesNothing(current.Index.GetDocument(e.Path)!, e.Edits)) || edits.Any(e => Conflicts(taken, e))) continue;
                foreach (var e in edits)
                {
                    if (!taken.TryGetValue(e.Path, out var list)) taken[e.Path] = list = [];
                    list.AddRange(e.Edits);
                }
                applied.Add(new AppliedFix(current.Index.GetDocument(diagnostic.Path)!, diagnostic, fix, edits));
            }
            if (taken.Count == 0) converged = true;
            else current = current.Update(ApplyEdits(current.Index, taken), taken.Keys);
        }

        var changed = current.Index.Documents.Values
            .Where(d => !ReferenceEquals(d, start.Index.GetDocument(d.Path)) && d.Text != start.Index.GetDocument(d.Path)?.Text)
            .Select(d => d.Path);
        var blocked = SafeFixesOf(current, fixOf)
            .Select(x => (x.Diagnostic, x.Fix, Path: x.Fix.EditsIn(current.Index).Select(e => e.Path).FirstOrDefault(p => !mayEdit(p))))
            .Where(x => x.Path is not null)
            .Select(x => new BlockedFix(x.Diagnostic, x.Fix, x.Path!));
        return new SafeFixResult(current, applied.ToImmutable(), [.. blocked], [.. changed], converged);
    }

    /// <summary>The first safe fix of each diagnostic of the documents, in document and position order.</summary>
    private static IEnumerable<(Diagnostic Diagnostic, CodeFix Fix)> SafeFixesOf(WorkspaceDiagnostics analysis, IReadOnlyList<string> paths)
    {
        foreach (var path in paths)
            foreach (var d in analysis.Get(path))
                if (d.Fixes.FirstOrDefault(f => f.IsSafe) is { } fix) yield return (d, fix);
    }

    private static bool ChangesNothing(ParsedDocument document, ImmutableArray<TextEdit> edits) =>
        edits.All(e => e.Span.End <= document.Text.Length && document.Text.AsSpan(e.Span.Start, e.Span.Length).SequenceEqual(e.NewText));

    /// <summary>Whether an edit overlaps or touches one already taken this round (two insertions at one offset, or an edit next to another, would be ordered arbitrarily).</summary>
    private static bool Conflicts(Dictionary<string, List<TextEdit>> taken, DocumentEdit edit) =>
        taken.TryGetValue(edit.Path, out var list)
        && edit.Edits.Any(e => list.Any(t => e.Span.Start <= t.Span.End && t.Span.Start <= e.Span.End));

    private static GlossaryIndex ApplyEdits(GlossaryIndex index, Dictionary<string, List<TextEdit>> edits)
    {
        foreach (var (path, list) in edits)
        {
            var doc = index.GetDocument(path)!;
            var lineEnd = doc.Text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : null;
            var text = TextEdit.Apply(doc.Text, lineEnd is null ? list : list.Select(e => e with { NewText = WithLineEnds(e.NewText, lineEnd) }));
            index = index.WithDocument(WorkspaceLoader.ParseText(path, text, index.Config));
        }
        return index;
    }

    /// <summary>A fix's new text with the document's CRLF line ends (the rules write '\n').</summary>
    private static string WithLineEnds(string text, string lineEnd) =>
        text.Contains('\n') ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", lineEnd, StringComparison.Ordinal) : text;
}
