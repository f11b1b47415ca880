using System.Collections.Immutable;
using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Rules;

/// <summary>Another place a diagnostic involves (the other definition, the link's target, …).</summary>
public sealed record RelatedLocation(string Path, TextSpan Span, string Message);

/// <summary>
/// An automatic fix: edits across one or more documents, ready for a code action or the CLI. When it
/// also moves links (<see cref="Retarget"/>), the links' edits are found when the fix is applied, in the
/// workspace as it is then (<see cref="EditsIn"/>), not by the analysis: finding them scans every link.
/// <see cref="IsSafe"/> marks the fixes <c>glossary lint --fix</c> applies without asking (SPEC §4).
/// </summary>
public sealed record CodeFix(string Title, ImmutableArray<DocumentEdit> Edits, bool IsPreferred = true, AnchorRetarget? Retarget = null, bool IsSafe = false)
{
    public static CodeFix Single(string title, string path, TextSpan span, string newText, bool isSafe = false) =>
        new(title, [new DocumentEdit(path, [new TextEdit(span, newText)])], IsSafe: isSafe);

    /// <summary>
    /// All the fix's edits in <paramref name="index"/>: <see cref="Edits"/> plus those of <see cref="Retarget"/>,
    /// one <see cref="DocumentEdit"/> per document, the fixed document first.
    /// </summary>
    public ImmutableArray<DocumentEdit> EditsIn(GlossaryIndex index)
    {
        if (Retarget is null) return Edits;
        var byPath = new Dictionary<string, List<TextEdit>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var edit in Edits.Concat(Retarget.LinkEdits(index)))
        {
            if (!byPath.TryGetValue(edit.Path, out var list)) { byPath[edit.Path] = list = []; order.Add(edit.Path); }
            list.AddRange(edit.Edits);
        }
        return [.. order.Select(p => new DocumentEdit(p, [.. byPath[p].OrderBy(e => e.Span.Start)]))];
    }
}

/// <summary>Every link of the workspace whose fragment is <paramref name="OldId"/> and that resolves to <paramref name="Path"/> gets <paramref name="NewId"/> instead.</summary>
public sealed record AnchorRetarget(string Path, string OldId, string NewId)
{
    public IEnumerable<DocumentEdit> LinkEdits(GlossaryIndex index)
    {
        var renames = new Dictionary<string, string>(StringComparer.Ordinal) { [OldId] = NewId };
        foreach (var other in index.Documents.Values)
        {
            List<TextEdit>? list = null;
            foreach (var link in other.Links)
                if (LinkTargets.RetargetFragment(link, renames) is { } edit && index.ResolveLink(other, link).TargetPath == Path)
                    (list ??= []).Add(edit);
            if (list is not null) yield return new DocumentEdit(other.Path, [.. list]);
        }
    }
}

/// <summary>One finding: a value, never a protocol type.</summary>
public sealed record Diagnostic(
    RuleDescriptor Rule,
    DiagnosticSeverity Severity,
    string Message,
    string Path,
    TextSpan Span,
    ImmutableArray<RelatedLocation> Related,
    ImmutableArray<CodeFix> Fixes)
{
    public string Id => Rule.Id;
}
