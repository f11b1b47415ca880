using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Workspace;

namespace GlossaryLsp.Cli;

/// <summary>Bad usage (a missing PATH, a PATH outside the workspace, …): the command exits 2 with this message.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>
/// The workspace a command works on (SPEC §4): the folder of the nearest glossary.yml at or above the
/// current directory, else the PATHs' one folder, else the current directory. The whole workspace is
/// loaded (definitions and links resolve against all of it); the PATHs only select which documents a
/// command reports or edits.
/// </summary>
internal sealed class CommandWorkspace
{
    public required string Root { get; init; }
    public required string CurrentDirectory { get; init; }
    public required GlossaryIndex Index { get; init; }
    /// <summary>The PATHs relative to the root ("" for the root itself); empty: no PATHs, everything.</summary>
    public required IReadOnlyList<string> Selection { get; init; }
    /// <summary>The documents the PATHs select (all documents when there are none), in path order.</summary>
    public required IReadOnlyList<ParsedDocument> Selected { get; init; }
    /// <summary>The workspace's other (non-Markdown) files the PATHs select, in path order.</summary>
    public required IReadOnlyList<string> SelectedOtherFiles { get; init; }

    /// <summary>Loads the workspace. Throws <see cref="UsageException"/> or <see cref="ConfigException"/> (both exit 2).</summary>
    /// <param name="explicitRoot">A root given with --workspace, instead of SPEC §4's rule.</param>
    public static CommandWorkspace Open(string currentDirectory, IReadOnlyList<string> paths, string? configFile, LoadOptions? load = null, string? explicitRoot = null)
    {
        var cwd = Path.GetFullPath(currentDirectory);
        var fullPaths = paths.Select(p => Path.GetFullPath(p, cwd)).ToList();
        foreach (var (p, full) in paths.Zip(fullPaths))
            if (!File.Exists(full) && !Directory.Exists(full)) throw new UsageException($"no such file or folder: {p}");
        if (explicitRoot is not null && !Directory.Exists(Path.GetFullPath(explicitRoot, cwd)))
            throw new UsageException($"workspace folder {explicitRoot} not found");

        var root = (explicitRoot is not null ? Path.GetFullPath(explicitRoot, cwd) : WorkspaceLocator.Find(cwd, fullPaths)).TrimEnd(Path.DirectorySeparatorChar);
        GlossaryConfig config;
        if (configFile is not null)
        {
            var configPath = Path.GetFullPath(configFile, cwd);
            if (!File.Exists(configPath)) throw new UsageException($"config file not found: {configFile}");
            config = GlossaryConfigLoader.Load(configPath);
        }
        else config = WorkspaceLoader.LoadConfig(root);

        var relatives = paths.Zip(fullPaths).Select(x => WorkspacePath(root, x.First, x.Second)).ToList();

        var index = WorkspaceLoader.Load(root, config, load);
        return new CommandWorkspace { Root = root, CurrentDirectory = cwd, Index = index, Selection = relatives, Selected = [], SelectedOtherFiles = [] }.WithIndex(index);
    }

    /// <summary>A PATH as a workspace path ('/' separated, "" for the root). Throws <see cref="UsageException"/> when it is outside the workspace.</summary>
    /// <param name="given">The PATH as the user wrote it (for the message).</param>
    /// <param name="full">The PATH made absolute.</param>
    public static string WorkspacePath(string root, string given, string full)
    {
        var rel = Path.GetRelativePath(root, full).Replace('\\', '/');
        if (rel == ".." || rel.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(rel))
            throw new UsageException($"{given} is outside the workspace {root}");
        return rel == "." ? "" : rel.TrimEnd('/');
    }

    /// <summary>
    /// <see cref="Open"/> for a command that exits 2 on bad usage or config: null when the workspace could
    /// not be opened, after writing why to <paramref name="stderr"/> as <c>glossary COMMAND: reason</c>.
    /// </summary>
    public static CommandWorkspace? TryOpen(string command, string currentDirectory, IReadOnlyList<string> paths, string? configFile, TextWriter stderr)
    {
        var progress = TerminalProgress.For(stderr);
        try
        {
            return Open(currentDirectory, paths, configFile, new LoadOptions { Progress = progress });
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"glossary {command}: {e.Message}");
        }
        catch (ConfigException e)
        {
            stderr.WriteLine($"glossary {command}: {Commands.LintCommand.ConfigMessage(currentDirectory, e)}");
        }
        finally
        {
            progress?.Clear();
        }
        return null;
    }

    /// <summary>Any file path relative to the current directory.</summary>
    public static string DisplayFile(string currentDirectory, string file) =>
        Path.GetRelativePath(Path.GetFullPath(currentDirectory), Path.GetFullPath(file, currentDirectory)).Replace('\\', '/');

    /// <summary>The same workspace and PATHs in another snapshot (after fixes; while watching): the selection is made again.</summary>
    public CommandWorkspace WithIndex(GlossaryIndex index) => new()
    {
        Root = Root,
        CurrentDirectory = CurrentDirectory,
        Index = index,
        Selection = Selection,
        Selected = [.. index.Documents.Values.Where(d => Selects(d.Path))],
        SelectedOtherFiles = [.. index.OtherFiles.Where(Selects).Order(StringComparer.Ordinal)],
    };

    /// <summary>The same workspace, its paths shown relative to another folder.</summary>
    public CommandWorkspace WithCurrentDirectory(string folder) =>
        new() { Root = Root, CurrentDirectory = folder, Index = Index, Selection = Selection, Selected = Selected, SelectedOtherFiles = SelectedOtherFiles };

    /// <summary>The same workspace with other PATHs (workspace paths, as <see cref="Selection"/>).</summary>
    public CommandWorkspace WithSelection(IReadOnlyList<string> selection) =>
        new CommandWorkspace { Root = Root, CurrentDirectory = CurrentDirectory, Index = Index, Selection = selection, Selected = [], SelectedOtherFiles = [] }.WithIndex(Index);

    /// <summary>Whether the PATHs select a workspace path (a file, or a file below a folder; every path when there are no PATHs).</summary>
    public bool Selects(string path) =>
        Selection.Count == 0 || Selection.Any(r => r.Length == 0 || path == r || path.StartsWith(r + "/", StringComparison.Ordinal));

    /// <summary>A workspace path as the user should see it: relative to the current directory, '/' separated.</summary>
    public string DisplayPath(string workspacePath) =>
        Path.GetRelativePath(CurrentDirectory, Path.Combine(Root, workspacePath)).Replace('\\', '/');
}
