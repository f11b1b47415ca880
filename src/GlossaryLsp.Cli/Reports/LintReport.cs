using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Rules;
using GlossaryLsp.Core.Text;
using Humanizer;

namespace GlossaryLsp.Cli.Reports;

/// <summary>The result of one <c>glossary lint</c> run, shared by the text, JSON and SARIF writers.</summary>
internal sealed class LintReport
{
    private readonly Dictionary<string, string> _displayPaths = new(StringComparer.Ordinal);

    public required CommandWorkspace Workspace { get; init; }
    public required IReadOnlyList<(ParsedDocument Document, IReadOnlyList<Diagnostic> Diagnostics)> Results { get; init; }

    public int FileCount => Results.Count;
    public int TermCount => Results.Sum(r => r.Document.Terms.Length);
    public int LinkCount => Results.Sum(r => r.Document.Links.Length);
    public IEnumerable<Diagnostic> Diagnostics => Results.SelectMany(r => r.Diagnostics);
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

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
            .Select(s => (Severity: s, Count: Diagnostics.Count(d => d.Severity == s)))
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
