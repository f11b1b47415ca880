// The request queue (Roslyn's CLaSP model): messages are taken in arrival order; a mutating handler
// runs alone and the next message waits for it; a reader gets the snapshot current when it arrives
// and runs concurrently with everything after it. When the queue drains, the idle callback runs once
// (diagnostics), so a burst of changes costs one analysis, not one per change; while an edited
// document is still being parsed in the background it waits for that parse (woken by an idle item)
// instead of parsing on the queue, so the next message is not held up by it.
using System.Threading.Channels;
using GlossaryLsp.Server.Workspace;

namespace GlossaryLsp.Server.Queue;

internal sealed class RequestQueue(LanguageServer server)
{
    private readonly Channel<WorkItem> _channel = Channel.CreateUnbounded<WorkItem>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });
    private bool _mutatedSinceIdle;
    /// <summary>An idle item will be queued when the background parses finish (queue thread only).</summary>
    private bool _idleWaiting;

    private long _lastMessageAt = server.Options.Clock.GetTimestamp();

    /// <summary>The last snapshot built (for mutating handlers, which work on the state itself).</summary>
    public ServerSnapshot LastSnapshot { get; private set; } = ServerSnapshot.Empty;

    /// <summary>How long no message has arrived (background work waits for a quiet spell).</summary>
    public TimeSpan Quiet => server.Options.Clock.GetElapsedTime(Volatile.Read(ref _lastMessageAt));

    public Task<object?> Enqueue(HandlerDescriptor handler, object? parameters, CancellationToken cancellationToken)
    {
        Volatile.Write(ref _lastMessageAt, server.Options.Clock.GetTimestamp());
        var item = new WorkItem(handler, parameters, cancellationToken, new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_channel.Writer.TryWrite(item)) item.Completion.TrySetCanceled();
        return item.Completion.Task;
    }

    public void Complete() => _channel.Writer.TryComplete();


    public async Task RunAsync()
    {
        await foreach (var item in _channel.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            if (item.Handler is null)
            {
                _idleWaiting = false;
            }
            else if (item.CancellationToken.IsCancellationRequested)
            {
                item.Completion.TrySetCanceled(item.CancellationToken);
            }
            else if (item.Handler.Mutates)
            {
                var context = new RequestContext(server, LastSnapshot, item.Handler.Method);
                try
                {
                    item.Completion.TrySetResult(await item.Handler.Invoke(item.Params, context, item.CancellationToken).ConfigureAwait(false));
                }
                catch (OperationCanceledException e)
                {
                    item.Completion.TrySetCanceled(e.CancellationToken);
                }
                catch (Exception e)
                {
                    server.Log.Error($"{item.Handler.Method} failed: {e}");
                    item.Completion.TrySetException(e);
                }
                _mutatedSinceIdle = true;
            }
            else
            {
                var snapshot = TakeSnapshot();
                var context = new RequestContext(server, snapshot, item.Handler.Method);
                _ = Task.Run(async () =>
                {
                    try
                    {
                        item.CancellationToken.ThrowIfCancellationRequested();
                        item.Completion.TrySetResult(await item.Handler.Invoke(item.Params, context, item.CancellationToken).ConfigureAwait(false));
                    }
                    catch (OperationCanceledException e)
                    {
                        item.Completion.TrySetCanceled(e.CancellationToken);
                    }
                    catch (Exception e)
                    {
                        if (e is not StreamJsonRpc.LocalRpcException) server.Log.Error($"{item.Handler.Method} failed: {e}");
                        item.Completion.TrySetException(e);
                    }
                });
            }
            if (_mutatedSinceIdle && !_idleWaiting && !_channel.Reader.TryPeek(out _))
            {
                if (PendingParses() is { } pending)
                {
                    _idleWaiting = true;
                    _ = pending.ContinueWith(
                        _ => _channel.Writer.TryWrite(new WorkItem(null, null, CancellationToken.None, new())),
                        CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                    continue;
                }
                _mutatedSinceIdle = false;
                OnIdle();
            }
        }
    }

    private Task? PendingParses()
    {
        try
        {
            return server.State.PendingParses();
        }
        catch (Exception e)
        {
            server.Log.Error($"checking the background parses failed: {e}");
            return null;
        }
    }

    private ServerSnapshot TakeSnapshot()
    {
        try
        {
            return LastSnapshot = server.State.Snapshot();
        }
        catch (Exception e)
        {
            server.Log.Error($"building the snapshot failed: {e}");
            return LastSnapshot;
        }
    }

    private void OnIdle()
    {
        var snapshot = TakeSnapshot();
        try
        {
            server.OnSnapshotChanged(snapshot);
        }
        catch (Exception e)
        {
            server.Log.Error($"scheduling diagnostics failed: {e}");
        }
    }

    /// <summary>A message to handle, or (Handler null) a wake-up to check for idleness.</summary>
    private sealed record WorkItem(HandlerDescriptor? Handler, object? Params, CancellationToken CancellationToken, TaskCompletionSource<object?> Completion);
}
