using System.Text.Json;
using System.Text.Json.Serialization;

namespace GlossaryLsp.Server.Protocol;

public sealed record WorkspaceFolder(string Uri, string Name);

public sealed record InitializeParams
{
    public ClientInfo? ClientInfo { get; init; }
    public string? RootPath { get; init; }
    public string? RootUri { get; init; }
    public JsonElement? InitializationOptions { get; init; }
    public ClientCapabilities Capabilities { get; init; } = new();
    public IReadOnlyList<WorkspaceFolder>? WorkspaceFolders { get; init; }
}

public sealed record ClientInfo(string Name, string? Version = null);

/// <summary>The client capabilities the server looks at (<see cref="ClientFeatures"/>); every other member is ignored.</summary>
public sealed record ClientCapabilities
{
    public WorkspaceClientCapabilities? Workspace { get; init; }
    public TextDocumentClientCapabilities? TextDocument { get; init; }
    public WindowClientCapabilities? Window { get; init; }
    public GeneralClientCapabilities? General { get; init; }
}

public sealed record WorkspaceClientCapabilities
{
    public bool? ApplyEdit { get; init; }
    public WorkspaceEditClientCapabilities? WorkspaceEdit { get; init; }
    public DidChangeWatchedFilesClientCapabilities? DidChangeWatchedFiles { get; init; }
    public RefreshCapability? Diagnostics { get; init; }
    public RefreshCapability? SemanticTokens { get; init; }
    public RefreshCapability? InlayHint { get; init; }
    public RefreshCapability? CodeLens { get; init; }
}

public sealed record RefreshCapability(bool? RefreshSupport = null);

public sealed record WorkspaceEditClientCapabilities(bool? DocumentChanges = null);

public sealed record DidChangeWatchedFilesClientCapabilities(bool? DynamicRegistration = null);

public sealed record TextDocumentClientCapabilities
{
    public CompletionClientCapabilities? Completion { get; init; }
    public HoverClientCapabilities? Hover { get; init; }
    public DiagnosticClientCapabilities? Diagnostic { get; init; }
    public CodeLensClientCapabilities? CodeLens { get; init; }
}

public sealed record CompletionClientCapabilities(CompletionItemClientCapabilities? CompletionItem = null);

public sealed record CompletionItemClientCapabilities(IReadOnlyList<string>? DocumentationFormat = null);

public sealed record HoverClientCapabilities(IReadOnlyList<string>? ContentFormat = null);

public sealed record DiagnosticClientCapabilities(bool? DynamicRegistration = null);

public sealed record CodeLensClientCapabilities(bool? DynamicRegistration = null);

public sealed record WindowClientCapabilities(bool? WorkDoneProgress = null);

public sealed record GeneralClientCapabilities(IReadOnlyList<string>? PositionEncodings = null);

public sealed record InitializeResult(ServerCapabilities Capabilities, ServerInfo? ServerInfo = null);

public sealed record ServerInfo(string Name, string? Version = null);

public static class TextDocumentSyncKind
{
    public const int None = 0;
    public const int Full = 1;
    public const int Incremental = 2;
}

public sealed record SaveOptions(bool? IncludeText = null);

public sealed record TextDocumentSyncOptions
{
    public bool? OpenClose { get; init; }
    public int? Change { get; init; }
    public SaveOptions? Save { get; init; }
}

public sealed record CompletionOptions
{
    public IReadOnlyList<string>? TriggerCharacters { get; init; }
    public bool? ResolveProvider { get; init; }
}

public sealed record RenameOptions(bool? PrepareProvider = null);

public sealed record CodeActionOptions(IReadOnlyList<string>? CodeActionKinds = null, bool? ResolveProvider = null);

public sealed record ExecuteCommandOptions(IReadOnlyList<string> Commands);

public sealed record DiagnosticOptions
{
    public string? Identifier { get; init; }
    public bool InterFileDependencies { get; init; }
    public bool WorkspaceDiagnostics { get; init; }
}

public sealed record DocumentLinkOptions(bool? ResolveProvider = null);

public sealed record WorkspaceFoldersServerCapabilities(bool? Supported = null, bool? ChangeNotifications = null);

public sealed record WorkspaceServerCapabilities(WorkspaceFoldersServerCapabilities? WorkspaceFolders = null);

public sealed record ServerCapabilities
{
    public string? PositionEncoding { get; init; }
    public TextDocumentSyncOptions? TextDocumentSync { get; init; }
    public bool? HoverProvider { get; init; }
    public CompletionOptions? CompletionProvider { get; init; }
    public bool? DefinitionProvider { get; init; }
    public bool? ReferencesProvider { get; init; }
    public bool? DocumentSymbolProvider { get; init; }
    public bool? WorkspaceSymbolProvider { get; init; }
    public CodeActionOptions? CodeActionProvider { get; init; }
    public DocumentLinkOptions? DocumentLinkProvider { get; init; }
    public RenameOptions? RenameProvider { get; init; }
    public bool? FoldingRangeProvider { get; init; }
    public SemanticTokensOptions? SemanticTokensProvider { get; init; }
    public InlayHintOptions? InlayHintProvider { get; init; }
    public CodeLensOptions? CodeLensProvider { get; init; }
    public ExecuteCommandOptions? ExecuteCommandProvider { get; init; }
    public DiagnosticOptions? DiagnosticProvider { get; init; }
    public WorkspaceServerCapabilities? Workspace { get; init; }
}

[NoParams]
public sealed record InitializedParams;
