using GlossaryLsp.Core.Features;

namespace GlossaryLsp.Cli.Reports;

/// <summary>The result of one <c>glossary terms</c> run, shared by its text, JSON, CSV and TSV writers.</summary>
internal sealed class TermsReport
{
    private readonly Dictionary<string, string> _displayPaths = new(StringComparer.Ordinal);

    public required CommandWorkspace Workspace { get; init; }
    /// <summary>The rows printed: every term of the selected documents, or only the unused ones.</summary>
    public required IReadOnlyList<TermRow> Rows { get; init; }
    public required int TermCount { get; init; }
    public required int UnusedCount { get; init; }
    public required int FileCount { get; init; }

    /// <summary>A document's path as printed (relative to the current directory).</summary>
    public string File(string workspacePath)
    {
        if (!_displayPaths.TryGetValue(workspacePath, out var display))
            _displayPaths[workspacePath] = display = Workspace.DisplayPath(workspacePath);
        return display;
    }

    /// <summary>"47 terms in 6 files, 3 unused".</summary>
    public string Summary() =>
        $"{TermCount} term{(TermCount == 1 ? "" : "s")} in {FileCount} file{(FileCount == 1 ? "" : "s")}, {UnusedCount} unused";
}
