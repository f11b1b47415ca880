namespace GlossaryLsp.Cli;

/// <summary>
/// The files of a workspace folder that changed on disk, in batches: <see cref="NextAsync"/> waits for a
/// change, then for a quiet spell (an editor's save is often several events: a temporary file, a rename,
/// an attribute change), and returns every workspace path named since the last batch. When the system's
/// event buffer overflowed, the batch is <see cref="Everything"/>: the caller reads the folder again.
/// </summary>
internal sealed class WorkspaceWatcher : IDisposable
{
    /// <summary>The batch that stands for "anything may have changed".</summary>
    public static readonly IReadOnlySet<string> Everything = new HashSet<string>(StringComparer.Ordinal) { "" };

    private readonly FileSystemWatcher _watcher;
    private readonly string _root;
    private readonly object _gate = new();
    private readonly SemaphoreSlim _signal = new(0);
    private readonly TimeSpan _quiet;
    private HashSet<string> _pending = new(StringComparer.Ordinal);
    private bool _overflowed;
    private long _lastEvent;

    public WorkspaceWatcher(string root, TimeSpan? quiet = null)
    {
        _root = Path.GetFullPath(root);
        _quiet = quiet ?? TimeSpan.FromMilliseconds(150);
        _watcher = new FileSystemWatcher(_root)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            InternalBufferSize = 64 * 1024,
        };
        _watcher.Changed += (_, e) => Add(e.FullPath);
        _watcher.Created += (_, e) => Add(e.FullPath);
        _watcher.Deleted += (_, e) => Add(e.FullPath);
        _watcher.Renamed += (_, e) => { Add(e.OldFullPath); Add(e.FullPath); };
        _watcher.Error += (_, _) => { lock (_gate) _overflowed = true; Signal(); };
        _watcher.EnableRaisingEvents = true;
    }

    /// <summary>The workspace paths ('/' separated) changed since the last batch; waits for at least one.</summary>
    public async Task<IReadOnlySet<string>> NextAsync(CancellationToken cancellationToken)
    {
        await _signal.WaitAsync(cancellationToken);
        while (true)
        {
            var since = TimeSpan.FromTicks(Environment.TickCount64 * TimeSpan.TicksPerMillisecond - Interlocked.Read(ref _lastEvent));
            if (since >= _quiet) break;
            await Task.Delay(_quiet - since, cancellationToken);
        }
        return TakePending();
    }

    /// <summary>The paths changed since the last batch, without waiting (empty when none): for a reader that catches up before it answers.</summary>
    public IReadOnlySet<string> TakePending()
    {
        lock (_gate)
        {
            while (_signal.CurrentCount > 0) _signal.Wait(0);
            IReadOnlySet<string> batch = _overflowed ? Everything : _pending;
            _pending = new HashSet<string>(StringComparer.Ordinal);
            _overflowed = false;
            return batch;
        }
    }

    public void Dispose()
    {
        _watcher.Dispose();
        _signal.Dispose();
    }

    private void Add(string fullPath)
    {
        var relative = Path.GetRelativePath(_root, fullPath).Replace('\\', '/');
        if (relative == "." || relative.StartsWith("../", StringComparison.Ordinal)) return;
        lock (_gate) _pending.Add(relative);
        Signal();
    }

    private void Signal()
    {
        Interlocked.Exchange(ref _lastEvent, Environment.TickCount64 * TimeSpan.TicksPerMillisecond);
        _signal.Release();
    }
}
