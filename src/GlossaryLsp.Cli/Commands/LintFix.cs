using GlossaryLsp.Cli.Reports;
using GlossaryLsp.Core.Features;
using GlossaryLsp.Core.Rules;

namespace GlossaryLsp.Cli.Commands;

/// <summary>
/// <c>glossary lint --fix [PATH…]</c> (SPEC §4): applies every safe fix of the PATHs' documents to a
/// fixed point (<see cref="SafeFixes"/>), writes the changed files all or none (<see cref="FixedFiles"/>),
/// then reports what is left. Only the PATHs' files are edited: a fix that would also edit another file
/// (a regenerated id and the links to it elsewhere) is left for the author. What was fixed, and what
/// could not be, goes to stderr. Exit 1 when errors are left or a file could not be fixed.
/// </summary>
internal static class LintFix
{
    public static int Run(
        IReadOnlyList<string> paths, string format, string? configFile, string currentDirectory, TextWriter stdout, TextWriter stderr,
        int maxFindings = LintReport.DefaultMaxFindings)
    {
        if (LintCommand.Open(paths, configFile, currentDirectory, stderr) is not { } workspace) return 2;
        var selected = workspace.Selected.Select(d => d.Path).ToList();
        var refused = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var doc in workspace.Selected)
        {
            if (doc.LoadProblem is not null) refused[doc.Path] = "the file cannot be analysed";
            else if (FixedFiles.ReadOnlyProblem(workspace.Root, doc.Path) is { } problem) refused[doc.Path] = problem;
        }
        var selectedSet = selected.ToHashSet(StringComparer.Ordinal);
        var start = WorkspaceDiagnostics.Create(workspace.Index);
        var result = SafeFixes.Apply(start, selected, p => selectedSet.Contains(p) && !refused.ContainsKey(p));

        var changes = result.ChangedPaths
            .Select(p => new FixedFiles.Change(p, start.Index.GetDocument(p)!.Text, result.Final.Index.GetDocument(p)!.Text))
            .ToList();
        var writeProblems = FixedFiles.WriteAll(workspace.Root, changes);
        foreach (var (path, message) in writeProblems) stderr.WriteLine($"{workspace.DisplayPath(path)}: error: {message}");
        var final = result.Final;
        if (writeProblems.Count > 0)
        {
            stderr.WriteLine($"glossary lint: no file was written ({Count(changes.Count, "file")} would have changed); the report is of the files as they were");
            final = start;
        }
        else ReportFixes(workspace, result, changes.Count, stderr);

        bool refusedFixes = false;
        foreach (var blocked in result.Blocked)
        {
            var doc = final.Index.GetDocument(blocked.Diagnostic.Path)!;
            var at = doc.Lines.GetPosition(blocked.Diagnostic.Span.Start);
            var why = refused.TryGetValue(blocked.Path, out var reason)
                ? $"{workspace.DisplayPath(blocked.Path)}: {reason}"
                : $"it also edits {workspace.DisplayPath(blocked.Path)}, which is not among the PATHs";
            refusedFixes |= refused.ContainsKey(blocked.Path);
            stderr.WriteLine($"{workspace.DisplayPath(doc.Path)}:{at.Line + 1}:{at.Character + 1}: {blocked.Diagnostic.Id} not fixed: {why}");
        }
        if (!result.Converged) stderr.WriteLine($"glossary lint: fixes were still being found after {SafeFixes.MaxRounds} rounds; stopped");

        var report = new LintReport
        {
            Workspace = workspace.WithIndex(final.Index),
            Results = [.. selected.Select(p => (final.Index.GetDocument(p)!, (IReadOnlyList<Diagnostic>)final.Get(p)))],
            MaxFindings = maxFindings,
        };
        LintCommand.Write(report, format, stdout, stderr);
        return report.HasErrors || writeProblems.Count > 0 || refusedFixes ? 1 : 0;
    }

    /// <summary>"a.md:3:12: fixed GL0003 Regenerate the id from '…'" per fix (at its place in the text it fixed), then a count.</summary>
    private static void ReportFixes(CommandWorkspace workspace, SafeFixResult result, int files, TextWriter stderr)
    {
        foreach (var applied in result.Applied)
        {
            var at = applied.Document.Lines.GetPosition(applied.Diagnostic.Span.Start);
            stderr.WriteLine($"{workspace.DisplayPath(applied.Document.Path)}:{at.Line + 1}:{at.Character + 1}: fixed {applied.Diagnostic.Id} {applied.Fix.Title}");
        }
        stderr.WriteLine(result.Applied.IsEmpty ? "No safe fixes to apply" : $"Fixed {Count(result.Applied.Length, "finding")} in {Count(files, "file")}");
    }

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";
}
