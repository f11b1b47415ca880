using System.Runtime.InteropServices;
using GlossaryLsp.Cli.Reports;
using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Rules;
using GlossaryLsp.Core.Workspace;

namespace GlossaryLsp.Cli.Commands;

/// <summary>
/// <c>glossary lint --watch [PATH…]</c>: reports, then reports again after every change on disk. The
/// index follows the disk file by file (<see cref="DiskChanges"/>, <see cref="GlossaryIndex.WithDocument"/>)
/// and the diagnostics follow the index with the server's incremental engine
/// (<see cref="WorkspaceDiagnostics.Update(GlossaryIndex)"/>): one edited file re-analyses what it affects.
/// On a terminal the screen is redrawn; into a pipe or file each report follows the last, after a line
/// naming the changed files (text) or as the next JSON document. Ctrl-C (SIGINT) or SIGTERM exits 0.
/// </summary>
internal static class LintWatch
{
    public static async Task<int> RunAsync(
        IReadOnlyList<string> paths, string format, string? configFile, string currentDirectory, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
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
        using var watcher = new WorkspaceWatcher(workspace.Root);
        var configPath = configFile is null ? Path.Combine(workspace.Root, GlossaryConfigLoader.FileName) : Path.GetFullPath(configFile, currentDirectory);
        bool terminal = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected;

        var diagnostics = WorkspaceDiagnostics.Create(workspace.Index);
        Draw(workspace, diagnostics, format, terminal, null, stdout, stderr);
        while (true)
        {
            IReadOnlySet<string> changed;
            try { changed = await watcher.NextAsync(stop.Token); }
            catch (OperationCanceledException) { break; }
            var index = Follow(workspace.Root, diagnostics.Index, changed, configPath, currentDirectory, stderr);
            if (ReferenceEquals(index, diagnostics.Index)) continue;
            diagnostics = diagnostics.Update(index);
            workspace = workspace.WithIndex(index);
            Draw(workspace, diagnostics, format, terminal, changed, stdout, stderr);
        }
        return 0;
    }

    /// <summary>The index after the changed paths were read again; the whole folder after an overflow or a change of ignored files; the same index when nothing it holds changed.</summary>
    private static GlossaryIndex Follow(string root, GlossaryIndex index, IReadOnlySet<string> changed, string configPath, string currentDirectory, TextWriter stderr)
    {
        if (changed.Any(p => Path.GetFullPath(p, root) == configPath))
        {
            try
            {
                var config = File.Exists(configPath) ? GlossaryConfigLoader.Load(configPath) : GlossaryConfig.Default;
                if (!config.IgnoreGlobs.SequenceEqual(index.Config.IgnoreGlobs)) return WorkspaceLoader.Load(root, config);
                index = index.WithConfig(config);
            }
            catch (ConfigException e)
            {
                stderr.WriteLine($"glossary lint: {LintCommand.ConfigMessage(currentDirectory, e)}; the previous configuration stays in use");
            }
            catch (IOException e)
            {
                stderr.WriteLine($"glossary lint: cannot read {configPath}: {e.Message}");
            }
        }
        if (ReferenceEquals(changed, WorkspaceWatcher.Everything)) return WorkspaceLoader.Load(root, index.Config);
        foreach (var path in changed.Order(StringComparer.Ordinal)) index = DiskChanges.ReloadTree(root, index, path);
        return index;
    }

    private static void Draw(
        CommandWorkspace workspace, WorkspaceDiagnostics diagnostics, string format, bool terminal, IReadOnlySet<string>? changed, TextWriter stdout, TextWriter stderr)
    {
        var report = new LintReport
        {
            Workspace = workspace,
            Results = [.. workspace.Selected.Select(d => (d, (IReadOnlyList<Diagnostic>)diagnostics.Get(d.Path)))],
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
