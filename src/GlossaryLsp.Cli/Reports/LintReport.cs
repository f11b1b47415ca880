using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Rules;
using GlossaryLsp.Core.Text;
using Humanizer;

namespace GlossaryLsp.Cli.Reports;

/// <summary>
/// The result of one <c>glossary lint</c> run, shared by the text, JSON and SARIF writers. It owns the
/// workspace-wide cap: the writers list <see cref="Listed"/> and say what <see cref="Omitted"/> holds;
/// the summary, the exit status and the statistics count every finding (<see cref="Counts"/>).
/// </summary>
internal sealed class LintReport
{
    /// <summary>The findings <c>glossary lint</c> lists unless <c>--max-findings</c> says otherwise.</summary>
    public const int DefaultMaxFindings = 10_000;

    private readonly Dictionary<string, string> _displayPaths = new(StringComparer.Ordinal);
    private FindingCounts? _counts;

    public required CommandWorkspace Workspace { get; init; }
    public required IReadOnlyList<(ParsedDocument Document, IReadOnlyList<Diagnostic> Diagnostics)> Results { get; init; }

    /// <summary>
    /// At most this many findings are listed, the first in report order (documents in path order, each
    /// document's diagnostics in order); 0, the default of a report built in code, lists all.
    /// </summary>
    public int MaxFindings { get; init; }

    public int FileCount => Results.Count;
    public int TermCount => Results.Sum(r => r.Document.Terms.Length);
    public int LinkCount => Results.Sum(r => r.Document.Links.Length);

    /// <summary>Every finding counted, once per report.</summary>
    public FindingCounts Counts => _counts ??= FindingCounts.Of(Results, MaxFindings);

    /// <summary>The findings the report lists, with their documents, in report order.</summary>
    public IEnumerable<(ParsedDocument Document, Diagnostic Diagnostic)> Listed
    {
        get
        {
            int left = MaxFindings > 0 ? MaxFindings : int.MaxValue;
            foreach (var (document, diagnostics) in Results)
            {
                foreach (var d in diagnostics)
                {
                    if (left-- == 0) yield break;
                    yield return (document, d);
                }
            }
        }
    }

    /// <summary>What the report counts but does not list; null when it lists every finding.</summary>
    public OmittedFindings? Omitted => Counts.Omitted;

    /// <summary>Any error, listed or not: the exit status.</summary>
    public bool HasErrors => Counts.Count(DiagnosticSeverity.Error) > 0;

    public static string SeverityName(DiagnosticSeverity s) => s switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Information => "information",
        _ => "hint",
    };

    /// <summary>A document's path as printed (relative to the current directory); computed once per document.</summary>
    public string File(string workspacePath)
    {
        if (!_displayPaths.TryGetValue(workspacePath, out var display))
            _displayPaths[workspacePath] = display = Workspace.DisplayPath(workspacePath);
        return display;
    }

    /// <summary>The 0-based range of a span in a workspace document (LSP convention).</summary>
    public LineRange Range(string workspacePath, TextSpan span) =>
        Workspace.Index.GetDocument(workspacePath)?.Lines.GetRange(span) ?? default;

    /// <summary>"2 errors and 125 warnings in 20 files", or "No problems in 7 files".</summary>
    public string Summary()
    {
        var counts = new[] { DiagnosticSeverity.Error, DiagnosticSeverity.Warning, DiagnosticSeverity.Information, DiagnosticSeverity.Hint }
            .Select(s => (Severity: s, Count: Counts.Count(s)))
            .Where(c => c.Count > 0)
            .Select(c => Quantity(c.Count, c.Severity switch
            {
                DiagnosticSeverity.Error => ("error", "errors"),
                DiagnosticSeverity.Warning => ("warning", "warnings"),
                DiagnosticSeverity.Information => ("information message", "information messages"),
                _ => ("hint", "hints"),
            }))
            .ToList();
        var files = Quantity(FileCount, ("file", "files"));
        return counts.Count == 0 ? $"No problems in {files}" : $"{counts.Humanize("and")} in {files}";
    }

    /// <summary>
    /// "1 file", "2 files". Spelled here rather than with Humanizer's <c>ToQuantity</c>, which builds its
    /// whole inflection vocabulary on first use (a cold lint pays it; SPEC §6).
    /// </summary>
    private static string Quantity(int count, (string One, string Many) noun) => $"{count} {(count == 1 ? noun.One : noun.Many)}";
}
