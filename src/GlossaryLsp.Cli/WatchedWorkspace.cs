using GlossaryLsp.Cli.Commands;
using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Rules;
using GlossaryLsp.Core.Workspace;

namespace GlossaryLsp.Cli;

/// <summary>
/// A loaded workspace that follows the disk (<c>lint --watch</c>, <c>mcp</c>): the changed files are read
/// again one by one (<see cref="DiskChanges"/>, <see cref="GlossaryIndex.WithDocument"/>) and the
/// diagnostics follow with the server's incremental engine (<see cref="WorkspaceDiagnostics.Update(GlossaryIndex)"/>).
/// A change of the configuration file applies it (a bad one is reported and the previous one stays); a
/// change of which files are ignored, or a watcher overflow, reads the folder again. One reader at a time.
/// </summary>
internal sealed class WatchedWorkspace : IDisposable
{
    private readonly WorkspaceWatcher _watcher;
    private readonly string _configPath;
    private readonly TextWriter _stderr;

    public WatchedWorkspace(CommandWorkspace workspace, string? configFile, TextWriter stderr)
    {
        Workspace = workspace;
        Diagnostics = WorkspaceDiagnostics.Create(workspace.Index);
        _watcher = new WorkspaceWatcher(workspace.Root);
        _configPath = configFile is null ? Path.Combine(workspace.Root, GlossaryConfigLoader.FileName) : Path.GetFullPath(configFile, workspace.CurrentDirectory);
        _stderr = stderr;
    }

    public CommandWorkspace Workspace { get; private set; }

    /// <summary>The diagnostics of every document of <see cref="Workspace"/>'s index.</summary>
    public WorkspaceDiagnostics Diagnostics { get; private set; }

    /// <summary>Waits for changes on disk and applies them; returns the changed paths once the index changed.</summary>
    public async Task<IReadOnlySet<string>> NextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var changed = await _watcher.NextAsync(cancellationToken);
            if (Apply(changed)) return changed;
        }
    }

    /// <summary>Applies the changes seen so far without waiting.</summary>
    public void CatchUp()
    {
        var changed = _watcher.TakePending();
        if (changed.Count > 0) Apply(changed);
    }

    public void Dispose() => _watcher.Dispose();

    private bool Apply(IReadOnlySet<string> changed)
    {
        var before = Workspace.Index;
        var index = Follow(before, changed);
        if (ReferenceEquals(index, before)) return false;
        Diagnostics = Diagnostics.Update(index);
        Workspace = Workspace.WithIndex(index);
        return true;
    }

    private GlossaryIndex Follow(GlossaryIndex index, IReadOnlySet<string> changed)
    {
        var root = Workspace.Root;
        if (changed.Any(p => Path.GetFullPath(p, root) == _configPath))
        {
            try
            {
                var config = File.Exists(_configPath) ? GlossaryConfigLoader.Load(_configPath) : GlossaryConfig.Default;
                if (!config.IgnoreGlobs.SequenceEqual(index.Config.IgnoreGlobs)) return WorkspaceLoader.Load(root, config);
                index = index.WithConfig(config);
            }
            catch (ConfigException e)
            {
                _stderr.WriteLine($"glossary: {LintCommand.ConfigMessage(Workspace.CurrentDirectory, e)}; the previous configuration stays in use");
            }
            catch (IOException e)
            {
                _stderr.WriteLine($"glossary: cannot read {_configPath}: {e.Message}");
            }
        }
        if (ReferenceEquals(changed, WorkspaceWatcher.Everything)) return WorkspaceLoader.Load(root, index.Config);
        foreach (var path in changed.Order(StringComparer.Ordinal)) index = DiskChanges.ReloadTree(root, index, path);
        return index;
    }
}
