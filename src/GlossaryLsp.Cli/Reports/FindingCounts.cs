using System.Globalization;
using System.Runtime.InteropServices;
using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Rules;

namespace GlossaryLsp.Cli.Reports;

/// <summary>
/// Every finding of a <see cref="LintReport"/> counted in one pass: by severity and by rule, and those
/// beyond the report's cap by rule. The summary, the exit status and <c>--stats</c> read these, so they
/// cover all findings whether listed or not.
/// </summary>
internal sealed class FindingCounts
{
    private readonly int[] _bySeverity;

    private FindingCounts(int total, int[] bySeverity, IReadOnlyDictionary<string, int> byRule, OmittedFindings? omitted) =>
        (Total, _bySeverity, ByRule, Omitted) = (total, bySeverity, byRule, omitted);

    public int Total { get; }

    /// <summary>Findings per rule id, all of them.</summary>
    public IReadOnlyDictionary<string, int> ByRule { get; }

    /// <summary>What the report does not list; null when it lists every finding.</summary>
    public OmittedFindings? Omitted { get; }

    /// <summary>Counts the findings of <paramref name="results"/>; the first <paramref name="maxListed"/> are listed (0: all).</summary>
    public static FindingCounts Of(IEnumerable<(Core.Parsing.ParsedDocument Document, IReadOnlyList<Diagnostic> Diagnostics)> results, int maxListed)
    {
        var bySeverity = new int[Enum.GetValues<DiagnosticSeverity>().Length];
        var byRule = new Dictionary<string, int>(StringComparer.Ordinal);
        // The listed ones are counted by rule too (at most the cap of them); the omitted are the difference.
        var listedByRule = new Dictionary<string, int>(StringComparer.Ordinal);
        int total = 0;
        foreach (var (_, diagnostics) in results)
        {
            foreach (var d in diagnostics)
            {
                bySeverity[(int)d.Severity]++;
                CollectionsMarshal.GetValueRefOrAddDefault(byRule, d.Id, out _)++;
                if (maxListed > 0 && total < maxListed) CollectionsMarshal.GetValueRefOrAddDefault(listedByRule, d.Id, out _)++;
                total++;
            }
        }
        OmittedFindings? omitted = null;
        if (maxListed > 0 && total > maxListed)
        {
            var left = byRule.Select(r => (Rule: r.Key, Count: r.Value - listedByRule.GetValueOrDefault(r.Key)))
                .Where(r => r.Count > 0)
                .OrderByDescending(r => r.Count).ThenBy(r => r.Rule, StringComparer.Ordinal)
                .ToList();
            omitted = new OmittedFindings(total - maxListed, left);
        }
        return new FindingCounts(total, bySeverity, byRule, omitted);
    }

    public int Count(DiagnosticSeverity severity) => _bySeverity[(int)severity];
}

/// <summary>The findings a capped report counts but does not list: how many, and how many of each rule (the most first).</summary>
internal sealed record OmittedFindings(int Count, IReadOnlyList<(string Rule, int Count)> ByRule)
{
    /// <summary>"990,000 more findings not listed (GL0002 990,000); --max-findings 0 lists all": the text line and the SARIF notification.</summary>
    public string Message =>
        $"{Number(Count)} more finding{(Count == 1 ? "" : "s")} not listed ({string.Join(", ", ByRule.Select(r => $"{r.Rule} {Number(r.Count)}"))}); " +
        "--max-findings 0 lists all";

    private static string Number(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
