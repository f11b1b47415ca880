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
/// <see cref="IsSafe"/> marks the one obvious correction, which <c>glossary lint --fix</c> applies
/// unreviewed (SPEC §4): the rule that makes the fix decides, nothing else keeps a list of safe rules.
/// </summary>
public sealed record CodeFix(string Title, ImmutableArray<DocumentEdit> Edits, bool IsPreferred = true, AnchorRetarget? Retarget = null, bool IsSafe = false)
{
    public static CodeFix Single(string title, string path, TextSpan span, string newText, bool isSafe = false) =>
        new(title, [new DocumentEdit(path, [new TextEdit(span, newText)])], IsSafe: isSafe);

    /// <summary>
    /// All the fix's edits in <paramref name="index"/>: <see cref="Edits"/> plus those of <see cref="Retarget"/>,
    /// one <see cref="DocumentEdit"/> per document, the fixed document first.
    /// </summary>
    /// <param name="index">The workspace the fix is applied to.</param>
    /// <param name="linkEdits">The retargets' link edits when the caller found them for many fixes at once
    /// (<see cref="AnchorRetarget.LinkEditsOfAll"/>); else this fix's are found here.</param>
    public ImmutableArray<DocumentEdit> EditsIn(GlossaryIndex index, IReadOnlyDictionary<AnchorRetarget, List<DocumentEdit>>? linkEdits = null)
    {
        if (Retarget is null) return Edits;
        var byPath = new Dictionary<string, List<TextEdit>>(StringComparer.Ordinal);
        var order = new List<string>();
        var links = linkEdits is null ? Retarget.LinkEdits(index) : linkEdits.GetValueOrDefault(Retarget) ?? [];
        foreach (var edit in Edits.Concat(links))
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
    /// <summary>
    /// The link edits of many retargets in one pass over the workspace's links (a report with a fix per
    /// stale id does not scan every link once per fix); for each, equal to its <see cref="LinkEdits"/>.
    /// </summary>
    public static Dictionary<AnchorRetarget, List<DocumentEdit>> LinkEditsOfAll(IEnumerable<AnchorRetarget> retargets, GlossaryIndex index)
    {
        var result = new Dictionary<AnchorRetarget, List<DocumentEdit>>();
        var byOldId = retargets.Distinct().GroupBy(r => r.OldId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        if (byOldId.Count == 0) return result;
        foreach (var other in index.Documents.Values)
        {
            Dictionary<AnchorRetarget, List<TextEdit>>? found = null;
            foreach (var link in other.Links)
            {
                if (LinkTargets.NamedFragment(link, byOldId) is not { } oldId) continue;
                var target = index.ResolveLink(other, link).TargetPath;
                foreach (var r in byOldId[oldId])
                {
                    if (r.Path != target || LinkTargets.RetargetFragment(link, new(StringComparer.Ordinal) { [r.OldId] = r.NewId }) is not { } edit) continue;
                    found ??= [];
                    if (!found.TryGetValue(r, out var edits)) found[r] = edits = [];
                    edits.Add(edit);
                }
            }
            if (found is null) continue;
            foreach (var (r, edits) in found)
            {
                if (!result.TryGetValue(r, out var list)) result[r] = list = [];
                list.Add(new DocumentEdit(other.Path, [.. edits]));
            }
        }
        return result;
    }

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
