// In-process harness: the real LanguageServer on one end of a duplex stream pair, a real StreamJsonRpc
// client on the other, a temporary workspace folder on disk. Waits are bounded only to fail a hung
// test; no test asserts on time.
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using GlossaryLsp.Server;
using GlossaryLsp.Server.Protocol;
using Nerdbank.Streams;
using StreamJsonRpc;
using Range = GlossaryLsp.Server.Protocol.Range;

namespace GlossaryLsp.Tests.Server;

internal sealed class LspTestClient : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly Stream _clientStream;
    private readonly Stream _serverStream;
    private readonly StringWriter _stderr = new();
    private readonly object _gate = new();
    private readonly List<(string Method, JsonElement Params)> _notifications = [];
    private readonly List<(string Method, JsonElement Params)> _serverRequests = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly bool _ownsRoot;

    private LspTestClient(string root, ServerOptions? options, bool ownsRoot = true)
    {
        Root = root;
        _ownsRoot = ownsRoot;
        (_clientStream, _serverStream) = FullDuplexStream.CreatePair();
        Server = new LanguageServer(_serverStream, _serverStream, TextWriter.Synchronized(_stderr), [typeof(ProbeHandler), typeof(HoldHandler)], options);
        ServerRun = Task.Run(Server.RunAsync);
        var formatter = new SystemTextJsonFormatter { JsonSerializerOptions = LspJson.Create() };
        Rpc = new JsonRpc(new HeaderDelimitedMessageHandler(_clientStream, _clientStream, formatter));
        Rpc.AddLocalRpcTarget(new ClientTarget(this));
        Rpc.StartListening();
    }

    public LanguageServer Server { get; }
    public JsonRpc Rpc { get; }
    public Task<int> ServerRun { get; }
    public string Root { get; }
    /// <summary>What the client answers to <c>workspace/applyEdit</c>.</summary>
    public Func<JsonElement, object> ApplyEdit { get; set; } = _ => new { applied = true };

    public string Stderr => _stderr.ToString();

    public static void WriteFile(string root, string path, string text)
    {
        var full = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text, new UTF8Encoding(false));
    }

    /// <summary>Client capabilities as JSON (what a real client sends), by default a push-diagnostics client with every other feature.</summary>
    public static object Capabilities(bool pull = false, string[]? encodings = null, bool refresh = true) => new
    {
        general = new { positionEncodings = encodings ?? ["utf-16"] },
        window = new { workDoneProgress = true },
        workspace = new
        {
            applyEdit = true,
            workspaceEdit = new { documentChanges = true },
            didChangeWatchedFiles = new { dynamicRegistration = true },
            configuration = true,
            diagnostics = new { refreshSupport = refresh },
            semanticTokens = new { refreshSupport = refresh },
            inlayHint = new { refreshSupport = refresh },
            codeLens = new { refreshSupport = refresh },
        },
        textDocument = pull
            ? (object)new
            {
                hover = new { contentFormat = new[] { "markdown", "plaintext" } },
                publishDiagnostics = new { relatedInformation = true, versionSupport = true },
                diagnostic = new { dynamicRegistration = false, relatedDocumentSupport = false },
            }
            : new { hover = new { contentFormat = new[] { "markdown", "plaintext" } }, publishDiagnostics = new { relatedInformation = true, versionSupport = true } },
    };

    public static object Edit(int line, int character, int endLine, int endCharacter, string text) =>
        new { range = new Range(new Position(line, character), new Position(endLine, endCharacter)), text };

    /// <summary>A change replacing a span of a fixture's file with text, in UTF-16 positions.</summary>
    public static object Edit(Fixture fixture, FixtureSpan span, string text) => new { range = Fixtures.RangeOf(fixture, span), text };

    /// <summary>A change inserting text where a span of a fixture's file starts, in UTF-16 positions.</summary>
    public static object Insert(Fixture fixture, FixtureSpan at, string text) =>
        Edit(fixture, at with { Span = new GlossaryLsp.Core.Text.TextSpan(at.Span.Start, 0) }, text);

    public static object FullText(string text) => new { text };

    public void WriteFile(string path, string text) => WriteFile(Root, path, text);

    public string Uri(string path) => ProtocolConversions.ToFileUri(Path.Combine(Root, path));

    public async Task<JsonElement> InitializeAsync(object? capabilities = null, object? initializationOptions = null, bool initialized = true)
    {
        var result = await RequestAsync("initialize", new
        {
            processId = Environment.ProcessId,
            rootUri = ProtocolConversions.ToFileUri(Root),
            capabilities = capabilities ?? Capabilities(),
            initializationOptions,
            workspaceFolders = new[] { new { uri = ProtocolConversions.ToFileUri(Root), name = "root" } },
        });
        if (initialized)
        {
            await NotifyAsync("initialized", new { });
            await WaitForNotificationAsync("glossary/status", p => p.GetProperty("state").GetString() == "ready");
        }
        return result;
    }

    public async Task<JsonElement> RequestAsync(string method, object? parameters, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Patience);
        return await Rpc.InvokeWithParameterObjectAsync<JsonElement>(method, parameters, timeout.Token);
    }

    public Task NotifyAsync(string method, object? parameters) => Rpc.NotifyWithParameterObjectAsync(method, parameters);

    public Task OpenAsync(string path, string text, int version = 1) =>
        NotifyAsync("textDocument/didOpen", new { textDocument = new { uri = Uri(path), languageId = "markdown", version, text } });

    public Task ChangeAsync(string path, int version, params object[] changes) =>
        NotifyAsync("textDocument/didChange", new { textDocument = new { uri = Uri(path), version }, contentChanges = changes });

    /// <summary>Deletes a file or folder of the workspace and tells the server, as the editor's file watcher would.</summary>
    public Task DeleteAsync(string path)
    {
        var full = System.IO.Path.Combine(Root, path);
        if (Directory.Exists(full)) Directory.Delete(full, recursive: true);
        else File.Delete(full);
        return NotifyAsync("workspace/didChangeWatchedFiles", new { changes = new[] { new { uri = Uri(path), type = FileChangeType.Deleted } } });
    }

    /// <summary>How many notifications of the method arrived so far (pass as <c>after</c> to wait for newer ones).</summary>
    public int Mark(string method = "textDocument/publishDiagnostics") => Notifications(method).Count;

    public IReadOnlyList<JsonElement> Notifications(string method)
    {
        lock (_gate) return [.. _notifications.Where(n => n.Method == method).Select(n => n.Params)];
    }

    public IReadOnlyList<JsonElement> ServerRequests(string method)
    {
        lock (_gate) return [.. _serverRequests.Where(n => n.Method == method).Select(n => n.Params)];
    }

    /// <summary>Waits for a notification (counting from <paramref name="after"/>) that satisfies the predicate.</summary>
    public async Task<JsonElement> WaitForNotificationAsync(string method, Func<JsonElement, bool>? predicate = null, int after = 0)
    {
        using var cts = new CancellationTokenSource(Patience);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                var matches = _notifications.Where(n => n.Method == method).Skip(after).Select(n => n.Params).Where(p => predicate?.Invoke(p) ?? true).ToList();
                if (matches.Count > 0) return matches[^1];
                changed = _changed.Task;
            }
            try { await changed.WaitAsync(cts.Token); }
            catch (OperationCanceledException) { throw new TimeoutException($"no {method} notification matched; stderr:\n{Stderr}"); }
        }
    }

    public async Task WaitForServerRequestAsync(string method, int count = 1)
    {
        using var cts = new CancellationTokenSource(Patience);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_serverRequests.Count(r => r.Method == method) >= count) return;
                changed = _changed.Task;
            }
            try { await changed.WaitAsync(cts.Token); }
            catch (OperationCanceledException) { throw new TimeoutException($"no {method} request; stderr:\n{Stderr}"); }
        }
    }

    /// <summary>The last published diagnostics of a document that satisfy the predicate (e.g. for a version).</summary>
    public async Task<Diagnostic[]> WaitForDiagnosticsAsync(string path, Func<PublishDiagnosticsParams, bool>? predicate = null, int after = 0)
    {
        var uri = Uri(path);
        var p = await WaitForNotificationAsync("textDocument/publishDiagnostics", e =>
        {
            var d = e.Deserialize<PublishDiagnosticsParams>(LspJson.Options)!;
            return d.Uri == uri && (predicate?.Invoke(d) ?? true);
        }, after);
        return [.. p.Deserialize<PublishDiagnosticsParams>(LspJson.Options)!.Diagnostics];
    }

    /// <summary>The latest diagnostics published for a document (after the server went quiet), or null when none were.</summary>
    public PublishDiagnosticsParams? LatestDiagnostics(string path)
    {
        var uri = Uri(path);
        return Notifications("textDocument/publishDiagnostics").Select(e => e.Deserialize<PublishDiagnosticsParams>(LspJson.Options)!).LastOrDefault(d => d.Uri == uri);
    }

    /// <summary>Waits until the server has answered everything sent so far and finished a diagnostics pass after it.</summary>
    public async Task SettleAsync()
    {
        // A request is answered only after every earlier mutation ran (the queue is ordered).
        await RequestAsync("textDocument/diagnostic", new { textDocument = new { uri = Uri("__settle__.md") } });
        long passes = Server.Diagnostics.CompletedPasses;
        var snapshotVersion = Server.Queue.LastSnapshot.Version;
        using var cts = new CancellationTokenSource(Patience);
        while (Server.Diagnostics.LastPassVersion < snapshotVersion)
            await Task.Delay(10, cts.Token);
        // The pass has sent its notifications; wait until this client has handled them all.
        while (Notifications("textDocument/publishDiagnostics").Count < Server.Diagnostics.NotificationsSent)
            await Task.Delay(5, cts.Token);
    }

    public async Task<int> ShutdownAsync()
    {
        await RequestAsync("shutdown", null);
        await NotifyAsync("exit", null);
        return await ServerRun.WaitAsync(Patience);
    }

    public async ValueTask DisposeAsync()
    {
        Rpc.Dispose();
        _clientStream.Dispose();
        try { await ServerRun.WaitAsync(TimeSpan.FromSeconds(10)); } catch (Exception) { }
        Server.Dispose();
        if (!_ownsRoot) return;
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>A temporary workspace with the given files (path → text), a server (with these timings of background work) and a client.</summary>
    internal static LspTestClient Create(IReadOnlyDictionary<string, string> files, ServerOptions? options = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "glossary-lsp-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        foreach (var (path, text) in files) WriteFile(root, path, text);
        return new LspTestClient(root, options);
    }

    /// <summary>A server and a client on a workspace folder the caller owns (it is not deleted).</summary>
    internal static LspTestClient ForFolder(string root, ServerOptions? options = null) => new(root, options, ownsRoot: false);

    private void Record(List<(string, JsonElement)> list, string method, JsonElement p)
    {
        lock (_gate)
        {
            list.Add((method, p.ValueKind == JsonValueKind.Undefined ? default : p.Clone()));
            var old = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            old.TrySetResult();
        }
    }

    /// <summary>What the client answers and records; params arrive as one object (LSP style).</summary>
    private sealed class ClientTarget(LspTestClient client)
    {
        [JsonRpcMethod("textDocument/publishDiagnostics", UseSingleObjectParameterDeserialization = true)]
        public void PublishDiagnostics(JsonElement p) => client.Record(client._notifications, "textDocument/publishDiagnostics", p);

        [JsonRpcMethod("window/logMessage", UseSingleObjectParameterDeserialization = true)]
        public void LogMessage(JsonElement p) => client.Record(client._notifications, "window/logMessage", p);

        [JsonRpcMethod("window/showMessage", UseSingleObjectParameterDeserialization = true)]
        public void ShowMessage(JsonElement p) => client.Record(client._notifications, "window/showMessage", p);

        [JsonRpcMethod("glossary/status", UseSingleObjectParameterDeserialization = true)]
        public void Status(JsonElement p) => client.Record(client._notifications, "glossary/status", p);

        [JsonRpcMethod("$/progress", UseSingleObjectParameterDeserialization = true)]
        public void Progress(JsonElement p) => client.Record(client._notifications, "$/progress", p);

        [JsonRpcMethod("window/workDoneProgress/create", UseSingleObjectParameterDeserialization = true)]
        public object? CreateProgress(JsonElement p) { client.Record(client._serverRequests, "window/workDoneProgress/create", p); return null; }

        [JsonRpcMethod("client/registerCapability", UseSingleObjectParameterDeserialization = true)]
        public object? RegisterCapability(JsonElement p) { client.Record(client._serverRequests, "client/registerCapability", p); return null; }

        [JsonRpcMethod("workspace/diagnostic/refresh")]
        public object? Refresh() { client.Record(client._serverRequests, "workspace/diagnostic/refresh", default); return null; }

        [JsonRpcMethod("workspace/semanticTokens/refresh")]
        public object? RefreshSemanticTokens() { client.Record(client._serverRequests, "workspace/semanticTokens/refresh", default); return null; }

        [JsonRpcMethod("workspace/inlayHint/refresh")]
        public object? RefreshInlayHints() { client.Record(client._serverRequests, "workspace/inlayHint/refresh", default); return null; }

        [JsonRpcMethod("workspace/codeLens/refresh")]
        public object? RefreshCodeLenses() { client.Record(client._serverRequests, "workspace/codeLens/refresh", default); return null; }

        [JsonRpcMethod("workspace/applyEdit", UseSingleObjectParameterDeserialization = true)]
        public object ApplyEdit(JsonElement p) { client.Record(client._serverRequests, "workspace/applyEdit", p); return client.ApplyEdit(p); }
    }
}
