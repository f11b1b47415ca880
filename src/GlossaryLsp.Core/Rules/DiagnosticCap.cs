using System.Collections.Immutable;
using System.Globalization;
using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Rules;

/// <summary>
/// SPEC §7: a diagnostic carries at most <see cref="OutputBounds.RelatedLocations"/> related locations, and
/// one document reports at most <see cref="OutputBounds.DiagnosticsPerDocument"/> diagnostics —
/// the most severe first, earlier positions breaking ties, so every error left out means a full list of
/// errors is shown — and then one GL0000 summary that counts the rest by rule and sits where the first
/// of them is (a place to start fixing). Linear in the diagnostics.
/// </summary>
internal static class DiagnosticCap
{
    /// <param name="sorted">The document's diagnostics in the order they are reported (by position).</param>
    public static ImmutableArray<Diagnostic> Apply(ParsedDocument document, GlossaryConfig config, IReadOnlyList<Diagnostic> sorted, int max = OutputBounds.DiagnosticsPerDocument)
    {
        if (sorted.Count <= max) return [.. sorted.Select(BoundRelated)];
        // The least severe level that is kept, and how many of that level fit after the more severe ones.
        var bySeverity = new int[4];
        foreach (var d in sorted) bySeverity[(int)d.Severity]++;
        int level = (int)DiagnosticSeverity.Error, room = max;
        while (level > 0 && bySeverity[level] < room) room -= bySeverity[level--];
        var kept = ImmutableArray.CreateBuilder<Diagnostic>(max + 1);
        var leftOut = new SortedDictionary<string, int>(StringComparer.Ordinal);
        Diagnostic? firstLeftOut = null;
        foreach (var d in sorted)
        {
            if ((int)d.Severity > level || (int)d.Severity == level && room-- > 0)
            {
                kept.Add(BoundRelated(d));
                continue;
            }
            firstLeftOut ??= d;
            leftOut[d.Id] = leftOut.GetValueOrDefault(d.Id) + 1;
        }
        var rule = RuleCatalog.GL0000;
        if (firstLeftOut is not null && config.GetSeverity(rule.Id, rule.DefaultSeverity) is { } severity)
        {
            int count = sorted.Count - kept.Count;
            var byRule = string.Join(", ", leftOut.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Value:N0} {kv.Key}")));
            var message = string.Create(CultureInfo.InvariantCulture,
                $"{count:N0} more diagnostic{(count == 1 ? " is" : "s are")} not reported in this document ({byRule}): at most {max:N0} are, the most severe first; the first left out is here");
            var summary = new Diagnostic(rule, severity, message, document.Path, firstLeftOut.Span, [], []);
            int at = kept.Count;
            while (at > 0 && kept[at - 1].Span.Start > summary.Span.Start) at--;
            kept.Insert(at, summary);
        }
        return kept.ToImmutable();
    }

    /// <summary>Every rule's diagnostic carries at most <see cref="OutputBounds.RelatedLocations"/> related locations, its first ones.</summary>
    private static Diagnostic BoundRelated(Diagnostic d) =>
        d.Related.Length <= OutputBounds.RelatedLocations ? d : d with { Related = d.Related[..OutputBounds.RelatedLocations] };
}
