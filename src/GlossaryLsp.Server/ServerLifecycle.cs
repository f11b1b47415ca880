namespace GlossaryLsp.Server;

/// <summary>
/// Where the server is in the LSP lifecycle: not initialized, initialized (with the negotiated
/// session), shut down, exited. Changed only by the lifecycle handlers; read from any thread.
/// </summary>
internal sealed class ServerLifecycle
{
    private ClientSession? _session;
    private volatile bool _shutdownRequested;
    private readonly TaskCompletionSource<int> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The negotiated session, or <see cref="ClientSession.Default"/> before <c>initialize</c>.</summary>
    public ClientSession Session => Volatile.Read(ref _session) ?? ClientSession.Default;

    public bool IsInitialized => Volatile.Read(ref _session) is not null;

    public bool IsShutdownRequested => _shutdownRequested;

    /// <summary>0 after <c>shutdown</c>, else 1.</summary>
    public int ExitCode => _shutdownRequested ? 0 : 1;

    /// <summary>Completes with the exit code on <c>exit</c>.</summary>
    public Task<int> Exited => _exit.Task;

    /// <summary>Records the session <c>initialize</c> negotiated (once).</summary>
    public void Initialize(ClientSession session)
    {
        if (Interlocked.CompareExchange(ref _session, session, null) is not null) throw new InvalidOperationException("initialize was already called");
    }

    public void Shutdown() => _shutdownRequested = true;

    public void Exit() => _exit.TrySetResult(ExitCode);
}
