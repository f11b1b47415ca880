// The debounce worker: after the request queue drains, one background pass brings the analyses to the
// snapshot (only the changed documents and their dependents are re-analysed) and publishes what changed.
// A pass waits for a short quiet spell first, and a newer snapshot supersedes one not yet started.
using GlossaryLsp.Server.Workspace;

namespace GlossaryLsp.Server.Diagnostics;

internal sealed class DiagnosticsWorker(FolderAnalyses analyses, DiagnosticsPublisher publisher, ConvertedDiagnostics converted,
    ServerLifecycle lifecycle, ServerLog log, Func<CancellationToken, Task> waitForQuiet)
{
    private readonly object _gate = new();
    private (ServerSnapshot Snapshot, CancellationToken Token)? _pending;
    private Task _worker = Task.CompletedTask;
    private CancellationTokenSource _stop = new();
    private (ServerSnapshot Snapshot, TaskCompletionSource Done)? _running;
    private long _passes;
    private TaskCompletionSource _nextPass = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Background passes finished.</summary>
    public long CompletedPasses => Interlocked.Read(ref _passes);

    /// <summary>Completes when the next background pass finishes.</summary>
    public Task NextPass => Volatile.Read(ref _nextPass).Task;

    /// <summary>The snapshot version of the last finished background pass.</summary>
    public long LastPassVersion { get; private set; }

    /// <summary>Completes when the pass under way has analysed the document's folder, if one is analysing that very index; else at once.</summary>
    public Task AnalysedAsync(DocumentSnapshot document)
    {
        var running = _running;
        return running is { } r && analyses.Of(document.Folder) is null && r.Snapshot.Folders.Any(f => ReferenceEquals(f.Index, document.Index))
            ? r.Done.Task
            : Task.CompletedTask;
    }

    /// <summary>Schedules a background pass over the snapshot; a newer snapshot supersedes one not yet started.</summary>
    public void Schedule(ServerSnapshot snapshot)
    {
        lock (_gate)
        {
            _stop.Cancel(); // an older snapshot's results need not be published
            _stop = new CancellationTokenSource();
            _pending = (snapshot, _stop.Token);
            _worker = _worker.IsCompleted ? Task.Run(WorkAsync) : _worker.ContinueWith(_ => WorkAsync(), TaskScheduler.Default).Unwrap();
        }
    }

    public void Stop()
    {
        lock (_gate)
        {
            _pending = null;
            _stop.Cancel();
        }
    }

    private async Task WorkAsync()
    {
        ServerSnapshot snapshot;
        CancellationToken cancellationToken;
        lock (_gate)
        {
            if (_pending is not { } pending) return;
            (snapshot, cancellationToken) = pending;
        }
        // While the client types and asks (didChange, then completion at once) a pass would take the CPU
        // the answers need. Pull requests meanwhile analyse their own document.
        try
        {
            await waitForQuiet(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        lock (_gate)
        {
            // Scheduled again since (a newer snapshot, or the same one after a mutation that changed
            // nothing, e.g. didSave): the worker chained by that call runs it with its own token. Going on
            // here with the cancelled token would drop the pass, and the chained worker would find nothing pending.
            if (cancellationToken.IsCancellationRequested || _pending is not { } pending || !ReferenceEquals(pending.Snapshot, snapshot)) return;
            _pending = null;
        }
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _running = (snapshot, done);
        bool completed = false;
        try
        {
            var changes = analyses.Update(snapshot);
            publisher.Analysed(changes);
            done.TrySetResult();
            await publisher.PublishAsync(snapshot, cancellationToken).ConfigureAwait(false);
            completed = true;
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            log.Error($"diagnostics pass failed: {e}");
        }
        finally
        {
            done.TrySetResult();
            _running = null;
            if (completed)
            {
                Interlocked.Increment(ref _passes);
                Interlocked.Exchange(ref _nextPass, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
                lock (_gate) LastPassVersion = Math.Max(LastPassVersion, snapshot.Version);
            }
        }
        // Pull mode: the open documents' results are converted here, ahead of the client's pulls, while
        // the request threads answer them. A newer pass stops it.
        if (completed && lifecycle.Session.Features.PullDiagnostics) converted.ConvertOpenDocuments(snapshot, cancellationToken);
    }
}
