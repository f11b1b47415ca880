// The language server: a StreamJsonRpc connection whose every method is a handler class found by
// reflection (Handlers/), dispatched through the RequestQueue. Creates and owns the server's parts
// (lifecycle, workspace state, diagnostics, …); each keeps its own state behind methods.
using System.IO.Pipelines;
using System.Reflection;
using System.Text.Json;
using GlossaryLsp.Server.Diagnostics;
using GlossaryLsp.Server.Protocol;
using GlossaryLsp.Server.Queue;
using GlossaryLsp.Server.Transport;
using GlossaryLsp.Server.Workspace;
using Microsoft.VisualStudio.Threading;
using StreamJsonRpc;

namespace GlossaryLsp.Server;

public sealed class LanguageServer : IDisposable
{
    public const string Name = "glossary";

    private readonly JsonRpc _rpc;
    private readonly Pipe _inbound = new(new PipeOptions(pauseWriterThreshold: 1024 * 1024, resumeWriterThreshold: 512 * 1024, minimumSegmentSize: 64 * 1024));
    private readonly InboundMessageFilter _filter;
    private readonly OutboundStream _output;
    private readonly CancellationTokenSource _stopping = new();
    private volatile bool _connected;

    public LanguageServer(Stream input, Stream output, TextWriter stderr) : this(input, output, stderr, [])
    {
    }

    /// <summary>With extra handler classes besides those of this assembly (tests add probes), and timings of background work.</summary>
    internal LanguageServer(Stream input, Stream output, TextWriter stderr, IEnumerable<Type> extraHandlers, ServerOptions? options = null)
    {
        Options = options ?? ServerOptions.Default;
        Log = new ServerLog(stderr, p => IsConnected ? _rpc!.NotifyWithParameterObjectAsync("window/logMessage", p) : Task.CompletedTask);
        var sharedTexts = new SharedTexts();
        State = new WorkspaceState(Log, sharedTexts);
        Queue = new RequestQueue(this);
        Handlers = HandlerDescriptor.Discover(typeof(LanguageServer).Assembly.GetTypes().Concat(extraHandlers));
        _filter = new InboundMessageFilter(input, _inbound.Writer, Log);

        var formatter = new SystemTextJsonFormatter { JsonSerializerOptions = LspJson.Create() };
        formatter.JsonSerializerOptions.Converters.Add(new DidOpenParamsConverter(sharedTexts));
        _output = new OutboundStream(output);
        var messageHandler = new HeaderDelimitedMessageHandler(PipeWriter.Create(_output, new StreamPipeWriterOptions(leaveOpen: true)), _inbound.Reader, formatter);
        _rpc = new JsonRpc(messageHandler)
        {
            // Our methods only enqueue; this keeps them enqueuing in the order the messages arrived.
            SynchronizationContext = new NonConcurrentSynchronizationContext(sticky: false),
            CancelLocallyInvokedMethodsWhenConnectionIsClosed = true,
        };
        foreach (var handler in Handlers)
        {
            var entryType = typeof(RpcEntry<>).MakeGenericType(handler.ParamsType);
            var entry = Activator.CreateInstance(entryType, this, handler)!;
            var method = entryType.GetMethod(nameof(RpcEntry<object>.InvokeAsync))!;
            _rpc.AddLocalRpcMethod(method, entry, new JsonRpcMethodAttribute(handler.Method) { UseSingleObjectParameterDeserialization = true });
        }
        WireOptions = formatter.JsonSerializerOptions;
        Client = new RpcClient(this, _rpc);
        Diagnostics = new DiagnosticsService(Client, Log, Lifecycle, Options.DiagnosticsQuiet);
        Status = new StatusNotifier(Client);
        Views = new ViewRefresher(Client, Lifecycle, Log);
        Loading = new WorkspaceLoading(this);
        WarmUp = new RequestWarmUp(this);
    }
    public DiagnosticsService Diagnostics { get; }

    internal ServerOptions Options { get; }
    internal ServerLog Log { get; }
    internal ServerLifecycle Lifecycle { get; } = new();
    /// <summary>The serializer options StreamJsonRpc writes our results with (the warm-up uses them).</summary>
    internal JsonSerializerOptions WireOptions { get; }
    internal WorkspaceState State { get; }
    internal RequestQueue Queue { get; }
    internal IReadOnlyList<HandlerDescriptor> Handlers { get; }
    internal ILspClient Client { get; }
    internal StatusNotifier Status { get; }
    internal ViewRefresher Views { get; }
    internal WorkspaceLoading Loading { get; }
    internal RequestWarmUp WarmUp { get; }
    internal bool IsConnected => _connected;
    /// <summary>Messages the input filter dropped as malformed.</summary>
    internal int DroppedMessages => _filter.Dropped;

    /// <summary>Cancelled when the server stops.</summary>
    internal CancellationToken Stopping => _stopping.Token;

    /// <summary>Runs until <c>exit</c> (0 after <c>shutdown</c>, else 1), the end of the input or a failed write to the client (same codes).</summary>
    public async Task<int> RunAsync()
    {
        var filter = Task.Run(() => _filter.RunAsync(_stopping.Token));
        var queue = Task.Run(Queue.RunAsync);
        _rpc.StartListening();
        _connected = true;
        var disconnected = _rpc.Completion.ContinueWith(_ => Lifecycle.ExitCode, TaskScheduler.Default);
        var unreachable = _output.Broken.ContinueWith(_ => Lifecycle.ExitCode, TaskScheduler.Default);
        int code = await await Task.WhenAny(Lifecycle.Exited, disconnected, unreachable).ConfigureAwait(false);
        if (unreachable.IsCompleted) Log.Error("the client's end of stdout is closed: stopping");
        _connected = false;
        Queue.Complete();
        Diagnostics.Stop();
        _stopping.Cancel();
        _rpc.Dispose();
        try { await queue.WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false); } catch (Exception) { }
        return code;
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _rpc.Dispose();
    }

    internal bool HasHandler(string method) => Handlers.Any(h => h.Method == method);

    /// <summary>Runs on the queue when it drains: diagnostics, and the status when the counts changed.</summary>
    internal void OnSnapshotChanged(ServerSnapshot snapshot)
    {
        if (!Lifecycle.IsInitialized || Lifecycle.IsShutdownRequested) return;
        Diagnostics.Schedule(snapshot);
        Status.Changed(snapshot);
        Views.Changed(snapshot);
        WarmUp.SnapshotChanged(snapshot);
    }

    /// <summary>
    /// The one JSON-RPC method per handler: lifecycle checks, then the queue. Its params arrive as the
    /// handler's type, read straight from the message (<see cref="IncomingParams{T}"/>).
    /// </summary>
    private sealed class RpcEntry<TParams>(LanguageServer server, HandlerDescriptor handler)
    {
        public Task<object?> InvokeAsync(IncomingParams<TParams>? incoming = null, CancellationToken cancellationToken = default)
        {
            if (handler.Method != "exit")
            {
                if (server.Lifecycle.IsShutdownRequested)
                    return handler.IsNotification ? Task.FromResult<object?>(null)
                        : Task.FromException<object?>(new LocalRpcException($"the server is shut down; {handler.Method} is not accepted")
                        {
                            ErrorCode = LspErrorCodes.InvalidRequest,
                        });
                if (!server.Lifecycle.IsInitialized && handler.Method != "initialize")
                    return handler.IsNotification ? Task.FromResult<object?>(null)
                        : Task.FromException<object?>(new LocalRpcException("the server is not initialized") { ErrorCode = LspErrorCodes.ServerNotInitialized });
            }
            object? @params = incoming is null ? handler.DeserializeParams(null) : incoming.Value;
            if (incoming?.Error is { } e)
            {
                server.Log.Warning($"{handler.Method}: invalid params: {e.Message}");
                return handler.IsNotification ? Task.FromResult<object?>(null)
                    : Task.FromException<object?>(new LocalRpcException($"invalid params for {handler.Method}: {e.Message}") { ErrorCode = LspErrorCodes.InvalidParams });
            }
            if (@params is null && handler.ParamsType.GetCustomAttribute<NoParamsAttribute>() is null)
            {
                server.Log.Warning($"{handler.Method}: params missing");
                return handler.IsNotification ? Task.FromResult<object?>(null)
                    : Task.FromException<object?>(new LocalRpcException($"{handler.Method} needs params") { ErrorCode = LspErrorCodes.InvalidParams });
            }
            var done = server.Queue.Enqueue(handler, @params, cancellationToken);
            // A notification has no answer: StreamJsonRpc need not wait until it is handled (an editor's
            // didOpens wait behind the folder being loaded), holding the request and its arguments.
            return handler.IsNotification ? Task.FromResult<object?>(null) : done;
        }
    }

    private sealed class RpcClient(LanguageServer server, JsonRpc rpc) : ILspClient
    {
        public Task NotifyAsync(string method, object? parameters) =>
            server.IsConnected ? rpc.NotifyWithParameterObjectAsync(method, parameters) : Task.CompletedTask;

        public async Task<TResult?> RequestAsync<TResult>(string method, object? parameters, CancellationToken cancellationToken)
        {
            if (!server.IsConnected) return default;
            return await rpc.InvokeWithParameterObjectAsync<TResult>(method, parameters, cancellationToken).ConfigureAwait(false);
        }

        public async Task<ApplyWorkspaceEditResult> ApplyEditAsync(WorkspaceEdit edit, string? label, CancellationToken cancellationToken)
        {
            if (!server.Lifecycle.Session.Features.ApplyEdit) return new ApplyWorkspaceEditResult(false, "the client does not support workspace/applyEdit");
            try
            {
                return await RequestAsync<ApplyWorkspaceEditResult>("workspace/applyEdit", new ApplyWorkspaceEditParams(edit, label), cancellationToken).ConfigureAwait(false)
                    ?? new ApplyWorkspaceEditResult(false, "no answer");
            }
            catch (RemoteInvocationException e)
            {
                return new ApplyWorkspaceEditResult(false, e.Message);
            }
        }

        public Task ShowMessageAsync(MessageType type, string message) => NotifyAsync("window/showMessage", new ShowMessageParams(type, message));
    }
}

/// <summary>Marks a params type that may be absent (e.g. <c>shutdown</c>, <c>exit</c>).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NoParamsAttribute : Attribute;
