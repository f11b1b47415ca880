// The server's mutable state. Touched ONLY by mutating handlers, which the request queue runs one at a
// time; readers never see it, they get the immutable ServerSnapshot built by Snapshot().
using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Workspace;
using GlossaryLsp.Server.Protocol;

namespace GlossaryLsp.Server.Workspace;

internal sealed class WorkspaceState(ServerLog log, SharedTexts sharedTexts)
{
    /// <summary>The nice value of the threads that parse a folder being loaded (see docs/PERFORMANCE.md, "The loader's parsers yield to the reader").</summary>
    private const int ParserNice = 10;

    private readonly WorkspaceFolders _folders = new();
    /// <summary>Open documents outside every workspace folder: tracked so their changes apply, never analysed.</summary>
    private readonly Dictionary<string, OpenDocument> _outside = new(StringComparer.Ordinal);
    private ServerSnapshot _snapshot = ServerSnapshot.Empty;
    private bool _changed = true;
    private long _version;

    public EditorSettings Settings { get; private set; } = EditorSettings.None;

    public IReadOnlyList<FolderState> Folders => _folders;

    public void AddFolder(string name, string rootPath) => _changed |= _folders.Add(name, rootPath);

    public void RemoveFolder(string rootPath) => _changed |= _folders.Remove(rootPath);

    /// <summary>Reads every folder that has not been read yet from disk (parallel parse), then lays the open documents over it.</summary>
    public void LoadFolders(IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken, Action<ConfigException>? onBadConfig = null)
    {
        sharedTexts.BeginLoad();
        try
        {
            foreach (var folder in _folders.Where(f => !f.IsLoaded))
            {
                if (ReadConfig(folder, onBadConfig) is { } fileConfig) folder.SetFileConfig(fileConfig);
                var config = Settings.ApplyTo(folder.FileConfig);
                // The parsers yield the CPU to the thread reading the client's messages (an editor opens its files meanwhile).
                using var parsers = LowPriority.Scheduler("glossary load", Environment.ProcessorCount, ParserNice);
                var options = new LoadOptions { Progress = progress, Scheduler = parsers, ShareText = sharedTexts.Share };
                var index = WorkspaceLoader.Load(folder.RootPath, config, options, cancellationToken);
                folder.Loaded(index);
                _changed = true;
                foreach (var path in folder.Open.Keys) folder.MarkDirty(path);
            }
        }
        finally
        {
            sharedTexts.EndLoad();
        }
    }

    // ---- text synchronization -------------------------------------------------------------

    public void Open(string uri, int version, string text)
    {
        if (Locate(uri) is not var (folder, path) || !WorkspaceLoader.IsMarkdown(path))
        {
            _outside[uri] = new OpenDocument(uri, uri, version, text);
            return;
        }
        // Opening a file whose text is what the index already has (the usual case) costs nothing: the
        // parse is kept (so nothing is re-analysed) and the text is shared, not held twice.
        if (!folder.Dirty.ContainsKey(path) && folder.Index.GetDocument(path) is { LoadProblem: null } existing && string.Equals(existing.Text, text, StringComparison.Ordinal))
        {
            folder.SetOpen(new OpenDocument(uri, path, version, existing.Text));
            _changed = true;
            return;
        }
        folder.SetOpen(new OpenDocument(uri, path, version, text));
        folder.MarkDirty(path);
        _changed = true;
    }

    /// <summary>Applies content changes; false when the document is not open.</summary>
    public bool Change(string uri, int version, IReadOnlyList<TextDocumentContentChangeEvent> changes, ProtocolConversions conversions)
    {
        if (Locate(uri) is var (folder, path) && folder.Open.TryGetValue(path, out var open))
        {
            folder.SetOpen(open with { Version = version, Text = conversions.ApplyChanges(open.Text, changes) });
            folder.MarkDirty(path);
            _changed = true;
            return true;
        }
        if (_outside.TryGetValue(uri, out var outside))
        {
            _outside[uri] = outside with { Version = version, Text = conversions.ApplyChanges(outside.Text, changes) };
            return true;
        }
        return false;
    }

    /// <summary>Closing reverts the document to its content on disk (or removes it when the file is gone).</summary>
    public void Close(string uri)
    {
        _outside.Remove(uri);
        if (Locate(uri) is not var (folder, path) || !folder.RemoveOpen(path)) return;
        ReloadFromDisk(folder, path);
        _changed = true;
    }

    /// <summary>
    /// Watched-file events: glossary.yml and the prh dictionaries it names reload the config; other files
    /// update the index unless open (the editor's text wins). An event for a folder (a client reports a
    /// folder deleted, moved or created as one event) updates every file below it.
    /// </summary>
    public void FilesChanged(IReadOnlyList<FileEvent> events, Action<ConfigException> onBadConfig)
    {
        foreach (var e in events)
        {
            if (Locate(e.Uri) is not var (folder, path) || WorkspaceLoader.IsInSkippedFolder(path)) continue;
            if (IsConfigFile(folder, path))
            {
                ReloadFromDisk(folder, path); // also a file links may name
                ReloadConfig(folder, onBadConfig);
                continue;
            }
            // A file deleted or changed while open keeps its open text. Otherwise the disk decides, not
            // the event's type: events of quick successive changes may arrive merged or out of order.
            ReloadFromDisk(folder, path, keep: folder.Open.ContainsKey);
        }
        _changed = true;
    }

    public void SetSettings(EditorSettings settings)
    {
        Settings = settings;
        foreach (var folder in _folders.Where(f => f.IsLoaded)) ApplyConfig(folder, settings.ApplyTo(folder.FileConfig));
        _changed = true;
    }

    /// <summary>A document was saved: glossary.yml is read again (the open texts are current already).</summary>
    public void Saved(string uri, Action<ConfigException> onBadConfig)
    {
        if (Locate(uri) is var (folder, path) && IsConfigFile(folder, path)) ReloadConfig(folder, onBadConfig);
    }

    /// <summary>Null when taking a snapshot would not wait for a parse; else a task that completes when the parses started so far have finished.</summary>
    public Task? PendingParses()
    {
        var pending = _folders.Where(f => !f.ParsesDone).Select(f => f.WhenParsed()).ToList();
        return pending.Count == 0 ? null : Task.WhenAll(pending);
    }

    /// <summary>Parses the open documents changed since the last call (or takes their parses started in the background) and returns the current immutable snapshot.</summary>
    public ServerSnapshot Snapshot()
    {
        foreach (var folder in _folders)
        {
            if (folder.Dirty.Count == 0) continue;
            var index = folder.Index;
            foreach (var (path, parse) in folder.Dirty)
            {
                if (!folder.Open.TryGetValue(path, out var open)) continue;
                var parsed = parse.Result(open.Text, index.Config);
                var current = index.GetDocument(path);
                if (ReferenceEquals(parsed, current)) continue; // an edit undone before anyone looked
                if (current is not null) folder.Replaced(current, index.Config);
                index = index.WithDocument(parsed);
            }
            folder.Dirty.Clear();
            SetIndex(folder, index);
        }
        if (!_changed) return _snapshot;
        _changed = false;
        _snapshot = new ServerSnapshot([.. _folders.Select(f => f.ToSnapshot())], ++_version);
        return _snapshot;
    }

    /// <summary>glossary.yml, or a prh dictionary (or one it imports) that it names.</summary>
    private static bool IsConfigFile(FolderState folder, string path) =>
        path == GlossaryConfigLoader.FileName || folder.FileConfig.Prh?.Files.Contains(path) == true;

    /// <summary>The folder that owns a URI (the innermost, when folders nest) and the workspace path in it, or null.</summary>
    private (FolderState Folder, string Path)? Locate(string uri) => _folders.Locate(uri);

    /// <summary>Re-reads glossary.yml; a bad file keeps the previous configuration.</summary>
    private void ReloadConfig(FolderState folder, Action<ConfigException> onBadConfig)
    {
        var config = ReadConfig(folder, onBadConfig);
        if (config is null) return;
        folder.SetFileConfig(config);
        ApplyConfig(folder, Settings.ApplyTo(config));
    }

    /// <summary>
    /// Reads glossary.yml (null when it is bad; the problem goes to <paramref name="onBadConfig"/> or the
    /// log, and stays on the folder, shown as a diagnostic on the file, until a read succeeds).
    /// </summary>
    private GlossaryConfig? ReadConfig(FolderState folder, Action<ConfigException>? onBadConfig = null)
    {
        try
        {
            var config = WorkspaceLoader.LoadConfig(folder.RootPath);
            _changed |= folder.SetConfigProblem(null);
            return config;
        }
        catch (ConfigException e)
        {
            if (onBadConfig is not null) onBadConfig(e); else log.Error($"bad configuration: {e.Message}");
            string? text = null;
            try { text = File.ReadAllText(e.File); } catch (Exception io) when (io is IOException or UnauthorizedAccessException) { }
            _changed |= folder.SetConfigProblem(ConfigProblem.From(e, text));
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.Error($"cannot read {GlossaryConfigLoader.FileName}: {e.Message}");
            _changed |= folder.SetConfigProblem(new ConfigProblem(0, 0, $"cannot read {GlossaryConfigLoader.FileName}: {e.Message}"));
            return null;
        }
    }

    private void ApplyConfig(FolderState folder, GlossaryConfig config)
    {
        var old = folder.Index.Config;
        if (old.IgnoreGlobs != config.IgnoreGlobs && !old.IgnoreGlobs.SequenceEqual(config.IgnoreGlobs))
        {
            // Which files belong to the workspace changed: read it again.
            folder.Unload();
            LoadFolders(null, CancellationToken.None);
            return;
        }
        SetIndex(folder, folder.Index.WithConfig(config), definitionsChanged: true);
    }

    /// <summary>Reads the file, or every file below the folder, at the path again; those <paramref name="keep"/> accepts stay as they are.</summary>
    private void ReloadFromDisk(FolderState folder, string path, Func<string, bool>? keep = null)
    {
        var next = DiskChanges.ReloadTree(folder.RootPath, folder.Index, path, keep);
        // A file added or removed beside the documents keeps the definitions but changes which links resolve.
        if (!ReferenceEquals(next, folder.Index)) SetIndex(folder, next, definitionsChanged: !ReferenceEquals(next.OtherFiles, folder.Index.OtherFiles));
    }

    private void SetIndex(FolderState folder, GlossaryIndex index, bool definitionsChanged = false)
    {
        folder.SetIndex(index, definitionsChanged);
        _changed = true;
    }
}
