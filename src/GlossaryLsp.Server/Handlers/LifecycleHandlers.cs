using GlossaryLsp.Server.Protocol;
using GlossaryLsp.Server.Workspace;
using FileSystemWatcher = GlossaryLsp.Server.Protocol.FileSystemWatcher;

namespace GlossaryLsp.Server.Handlers;

/// <summary>Params of methods that have none (<c>shutdown</c>, <c>exit</c>).</summary>
[NoParams]
public sealed record NoParams;

/// <summary><c>initialize</c>: negotiates the position encoding, records the client's capabilities and folders, advertises ours.</summary>
[LspMethod("initialize", Mutates = true)]
internal sealed class InitializeHandler : ILspRequestHandler<InitializeParams, InitializeResult>
{
    public Task<InitializeResult> HandleAsync(InitializeParams request, RequestContext context, CancellationToken cancellationToken)
    {
        if (context.Lifecycle.IsInitialized)
            throw new StreamJsonRpc.LocalRpcException("initialize was already called") { ErrorCode = LspErrorCodes.InvalidRequest };
        var session = ClientSession.Negotiate(request.Capabilities);
        foreach (var (name, path) in Folders(request)) context.State.AddFolder(name, path);
        if (request.InitializationOptions is { ValueKind: System.Text.Json.JsonValueKind.Object } options && options.TryGetProperty("settings", out var settings))
        {
            var parsed = EditorSettings.Parse(settings);
            foreach (var w in parsed.Warnings) context.Log.Warning(w);
            context.State.SetSettings(parsed);
        }
        context.Lifecycle.Initialize(session);
        context.Log.Info($"initialize: client {request.ClientInfo?.Name ?? "?"} {request.ClientInfo?.Version}, position encoding {session.Conversions.EncodingName}, " +
                         $"{(session.Features.PullDiagnostics ? "pull" : "push")} diagnostics, folders: {string.Join(", ", context.State.Folders.Select(f => f.RootPath))}");
        var serverInfo = new ServerInfo(LanguageServer.Name, typeof(LanguageServer).Assembly.GetName().Version?.ToString(3));
        return Task.FromResult(new InitializeResult(Capabilities(context, session), serverInfo));
    }

    private static IEnumerable<(string Name, string Path)> Folders(InitializeParams request)
    {
        if (request.WorkspaceFolders is { Count: > 0 } folders)
        {
            foreach (var f in folders)
                if (ProtocolConversions.ToFilePath(f.Uri) is { } p && Directory.Exists(p)) yield return (f.Name, p);
            yield break;
        }
        var root = ProtocolConversions.ToFilePath(request.RootUri) ?? (string.IsNullOrEmpty(request.RootPath) ? null : Path.GetFullPath(request.RootPath));
        if (root is not null && Directory.Exists(root)) yield return (Path.GetFileName(root), root);
    }

    /// <summary>Every capability whose handler exists (so features appear as their handlers land).</summary>
    private static ServerCapabilities Capabilities(RequestContext context, ClientSession session)
    {
        bool Has(string method) => context.HasHandler(method);
        return new ServerCapabilities
        {
            PositionEncoding = session.Conversions.EncodingName,
            TextDocumentSync = new TextDocumentSyncOptions { OpenClose = true, Change = TextDocumentSyncKind.Incremental, Save = new SaveOptions(IncludeText: false) },
            HoverProvider = Has("textDocument/hover") ? true : null,
            CompletionProvider = Has("textDocument/completion")
                ? new CompletionOptions { TriggerCharacters = ["#", "(", "[", "\""], ResolveProvider = Has("completionItem/resolve") }
                : null,
            DefinitionProvider = Has("textDocument/definition") ? true : null,
            ReferencesProvider = Has("textDocument/references") ? true : null,
            RenameProvider = Has("textDocument/rename") ? new RenameOptions(PrepareProvider: Has("textDocument/prepareRename")) : null,
            CodeActionProvider = Has("textDocument/codeAction") ? new CodeActionOptions([CodeActionKind.QuickFix, CodeActionKind.Source]) : null,
            DocumentSymbolProvider = Has("textDocument/documentSymbol") ? true : null,
            WorkspaceSymbolProvider = Has("workspace/symbol") ? true : null,
            DocumentLinkProvider = Has("textDocument/documentLink") ? new DocumentLinkOptions(ResolveProvider: Has("documentLink/resolve")) : null,
            FoldingRangeProvider = Has("textDocument/foldingRange") ? true : null,
            SemanticTokensProvider = Has("textDocument/semanticTokens/full") ? new SemanticTokensOptions(TermTokens.Legend, Range: true, Full: true) : null,
            InlayHintProvider = Has("textDocument/inlayHint") ? new InlayHintOptions(ResolveProvider: Has("inlayHint/resolve")) : null,
            CodeLensProvider = Has("textDocument/codeLens") ? new CodeLensOptions(ResolveProvider: Has("codeLens/resolve")) : null,
            ExecuteCommandProvider = Has("workspace/executeCommand") ? new ExecuteCommandOptions(Commands: ["glossary.linkAllTerms"]) : null,
            DiagnosticProvider = new DiagnosticOptions { Identifier = "glossary", InterFileDependencies = true, WorkspaceDiagnostics = true },
            Workspace = new WorkspaceServerCapabilities(new WorkspaceFoldersServerCapabilities(Supported: true, ChangeNotifications: true)),
        };
    }
}

/// <summary><c>initialized</c>: reads the workspace (with progress), then watches files.</summary>
[LspMethod("initialized", Mutates = true)]
internal sealed class InitializedHandler : ILspNotificationHandler<InitializedParams>
{
    public async Task HandleAsync(InitializedParams notification, RequestContext context, CancellationToken cancellationToken)
    {
        await context.Loading.LoadAsync("Indexing glossary").ConfigureAwait(false);
        if (context.ClientCapabilities.WatchedFilesDynamicRegistration)
        {
            var registration = new Registration("glossary-watched-files", "workspace/didChangeWatchedFiles",
                new DidChangeWatchedFilesRegistrationOptions([new FileSystemWatcher("**/*.md"), new FileSystemWatcher("**/*.markdown"), new FileSystemWatcher("**/*.{yml,yaml}")]));
            // Not awaited: a client that never answers must not stall the queue.
            _ = context.Client.RequestAsync<object>("client/registerCapability", new RegistrationParams([registration]), CancellationToken.None)
                .ContinueWith(t => context.Log.Warning($"client/registerCapability failed: {t.Exception?.GetBaseException().Message}"), TaskContinuationOptions.OnlyOnFaulted);
        }
    }
}

/// <summary><c>shutdown</c>: after it, only <c>exit</c> is accepted.</summary>
[LspMethod("shutdown", Mutates = true)]
internal sealed class ShutdownHandler : ILspRequestHandler<NoParams?, object?>
{
    public Task<object?> HandleAsync(NoParams? request, RequestContext context, CancellationToken cancellationToken)
    {
        context.Lifecycle.Shutdown();
        context.Diagnostics.Stop();
        return Task.FromResult<object?>(null);
    }
}

/// <summary><c>exit</c>: ends the process, with 0 after <c>shutdown</c> and 1 otherwise.</summary>
[LspMethod("exit", Mutates = true)]
internal sealed class ExitHandler : ILspNotificationHandler<NoParams?>
{
    public Task HandleAsync(NoParams? notification, RequestContext context, CancellationToken cancellationToken)
    {
        context.Lifecycle.Exit();
        return Task.CompletedTask;
    }
}

/// <summary><c>$/setTrace</c>: accepted (the log level follows it) so clients that send it see no error.</summary>
[LspMethod("$/setTrace", Mutates = true)]
internal sealed class SetTraceHandler : ILspNotificationHandler<SetTraceParams>
{
    public Task HandleAsync(SetTraceParams notification, RequestContext context, CancellationToken cancellationToken)
    {
        context.Log.SetLevel(notification.Value == "verbose" ? MessageType.Log : MessageType.Info);
        return Task.CompletedTask;
    }
}

public sealed record SetTraceParams(string Value);
