using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Linking;

namespace GlossaryLsp.Core.Rules;

/// <summary>
/// GL0015's share of incremental analysis: a term becomes used or unused when another document changes,
/// so the documents whose terms changed status between two snapshots are re-analysed. With the same
/// definitions only the targets of the changed documents' old and new uses are compared; otherwise
/// (the usage is made afresh) every unchanged document with terms.
/// </summary>
internal static class UsageDependents
{
    /// <summary>The documents defining a term that is used in one snapshot and unused in the other; none while GL0015 is off.</summary>
    public static IEnumerable<string> Of(GlossaryIndex before, GlossaryIndex after, IReadOnlyCollection<string> changedPaths)
    {
        var rule = RuleCatalog.GL0015;
        if (after.Config.GetSeverity(rule.Id, rule.DefaultSeverity) is null || before.Config.GetSeverity(rule.Id, rule.DefaultSeverity) is null) return [];
        var old = UsageScanner.Usage(before);
        var now = UsageScanner.Usage(after);
        var candidates = new SortedSet<string>(StringComparer.Ordinal);
        if (before.HasSameDefinitions(after))
        {
            foreach (var path in changedPaths)
            {
                candidates.UnionWith(old.UsesOf(path).TargetPaths());
                candidates.UnionWith(now.UsesOf(path).TargetPaths());
            }
        }
        else
        {
            foreach (var (path, doc) in after.Documents)
                if (doc.Terms.Length > 0 && ReferenceEquals(before.GetDocument(path), doc)) candidates.Add(path);
        }
        return candidates.Where(path => !old.SameStatus(now, path));
    }
}
