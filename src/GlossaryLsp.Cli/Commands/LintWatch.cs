using System.Runtime.InteropServices;
using GlossaryLsp.Cli.Reports;
using GlossaryLsp.Core.Rules;

namespace GlossaryLsp.Cli.Commands;

/// <summary>
/// <c>glossary lint --watch [PATH…]</c>: reports, then reports again after every change on disk
/// (<see cref="WatchedWorkspace"/>: one edited file re-analyses what it affects, as in the server).
/// On a terminal the screen is redrawn; into a pipe or file each report follows the last, after a line
/// naming the changed files (text) or as the next JSON document. Ctrl-C (SIGINT) or SIGTERM exits 0.
/// </summary>
internal static class LintWatch
{
    public static async Task<int> RunAsync(
        IReadOnlyList<string> paths, string format, string? configFile, string currentDirectory, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken,
        int maxFindings = LintReport.DefaultMaxFindings)
    {
        if (LintCommand.Open(paths, configFile, currentDirectory, stderr) is not { } workspace) return 2;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true; // not the default termination: leave the loop and exit 0
            stop.Cancel();
        }
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var watched = new WatchedWorkspace(workspace, configFile, stderr);
        bool terminal = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected;
        Draw(watched.Workspace, watched.Diagnostics, format, maxFindings, terminal, null, stdout, stderr);
        while (true)
        {
            IReadOnlySet<string> changed;
            try { changed = await watched.NextAsync(stop.Token); }
            catch (OperationCanceledException) { break; }
            Draw(watched.Workspace, watched.Diagnostics, format, maxFindings, terminal, changed, stdout, stderr);
        }
        return 0;
    }

    private static void Draw(
        CommandWorkspace workspace, WorkspaceDiagnostics diagnostics, string format, int maxFindings, bool terminal, IReadOnlySet<string>? changed,
        TextWriter stdout, TextWriter stderr)
    {
        var report = new LintReport
        {
            Workspace = workspace,
            Results = [.. workspace.Selected.Select(d => (d, (IReadOnlyList<Diagnostic>)diagnostics.Get(d.Path)))],
            MaxFindings = maxFindings,
        };
        if (terminal) stdout.Write("\u001b[H\u001b[2J\u001b[3J"); // home, clear the screen and its scroll-back
        else if (changed is not null && format == "text") stdout.WriteLine($"--- {DateTime.Now:HH:mm:ss} changed: {Changed(workspace, changed)}");
        LintCommand.Write(report, format, stdout, stderr);
        if (terminal) stdout.WriteLine($"Watching {workspace.DisplayPath("")} for changes (Ctrl-C to stop)");
        stdout.Flush();
    }

    private static string Changed(CommandWorkspace workspace, IReadOnlySet<string> changed)
    {
        if (ReferenceEquals(changed, WorkspaceWatcher.Everything)) return "the whole folder";
        var names = changed.Order(StringComparer.Ordinal).Select(workspace.DisplayPath).ToList();
        return names.Count <= 5 ? string.Join(", ", names) : $"{string.Join(", ", names.Take(5))} and {names.Count - 5} more";
    }
}
