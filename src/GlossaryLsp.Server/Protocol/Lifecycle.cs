using System.Text.Json;
using System.Text.Json.Serialization;

namespace GlossaryLsp.Server.Protocol;

public sealed record WorkspaceFolder(string Uri, string Name);

public sealed record InitializeParams
{
    public int? ProcessId { get; init; }
    public ClientInfo? ClientInfo { get; init; }
    public string? Locale { get; init; }
    public string? RootPath { get; init; }
    public string? RootUri { get; init; }
    public JsonElement? InitializationOptions { get; init; }
    public ClientCapabilities Capabilities { get; init; } = new();
    public string? Trace { get; init; }
    public IReadOnlyList<WorkspaceFolder>? WorkspaceFolders { get; init; }
    public JsonElement? WorkDoneToken { get; init; }
}

public sealed record ClientInfo(string Name, string? Version = null);

/// <summary>The client capabilities the server looks at; every other member is ignored.</summary>
public sealed record ClientCapabilities
{
    public WorkspaceClientCapabilities? Workspace { get; init; }
    public TextDocumentClientCapabilities? TextDocument { get; init; }
    public WindowClientCapabilities? Window { get; init; }
    public GeneralClientCapabilities? General { get; init; }
}

public sealed record DynamicRegistrationCapability(bool? DynamicRegistration = null);

public sealed record WorkspaceClientCapabilities
{
    public bool? ApplyEdit { get; init; }
    public WorkspaceEditClientCapabilities? WorkspaceEdit { get; init; }
    public DynamicRegistrationCapability? DidChangeConfiguration { get; init; }
    public DidChangeWatchedFilesClientCapabilities? DidChangeWatchedFiles { get; init; }
    public DynamicRegistrationCapability? Symbol { get; init; }
    public DynamicRegistrationCapability? ExecuteCommand { get; init; }
    public bool? WorkspaceFolders { get; init; }
    public bool? Configuration { get; init; }
    public RefreshCapability? Diagnostics { get; init; }
}

public sealed record RefreshCapability(bool? RefreshSupport = null);

public sealed record WorkspaceEditClientCapabilities(bool? DocumentChanges = null);

public sealed record DidChangeWatchedFilesClientCapabilities(bool? DynamicRegistration = null, bool? RelativePatternSupport = null);

public sealed record TextDocumentClientCapabilities
{
    public TextDocumentSyncClientCapabilities? Synchronization { get; init; }
    public CompletionClientCapabilities? Completion { get; init; }
    public HoverClientCapabilities? Hover { get; init; }
    public DynamicRegistrationCapability? Definition { get; init; }
    public DynamicRegistrationCapability? References { get; init; }
    public DocumentSymbolClientCapabilities? DocumentSymbol { get; init; }
    public CodeActionClientCapabilities? CodeAction { get; init; }
    public RenameClientCapabilities? Rename { get; init; }
    public DynamicRegistrationCapability? DocumentLink { get; init; }
    public DynamicRegistrationCapability? FoldingRange { get; init; }
    public PublishDiagnosticsClientCapabilities? PublishDiagnostics { get; init; }
    public DiagnosticClientCapabilities? Diagnostic { get; init; }
}

public sealed record TextDocumentSyncClientCapabilities(bool? DynamicRegistration = null, bool? WillSave = null, bool? DidSave = null);

public sealed record CompletionClientCapabilities
{
    public bool? DynamicRegistration { get; init; }
    public CompletionItemClientCapabilities? CompletionItem { get; init; }
    public bool? ContextSupport { get; init; }
}

public sealed record CompletionItemClientCapabilities
{
    public bool? SnippetSupport { get; init; }
    public IReadOnlyList<string>? DocumentationFormat { get; init; }
    public bool? InsertReplaceSupport { get; init; }
    public CompletionResolveSupport? ResolveSupport { get; init; }
    public bool? LabelDetailsSupport { get; init; }
}

public sealed record CompletionResolveSupport(IReadOnlyList<string> Properties);

public sealed record HoverClientCapabilities(bool? DynamicRegistration = null, IReadOnlyList<string>? ContentFormat = null);

public sealed record DocumentSymbolClientCapabilities(bool? DynamicRegistration = null, bool? HierarchicalDocumentSymbolSupport = null);

public sealed record CodeActionClientCapabilities
{
    public bool? DynamicRegistration { get; init; }
    public JsonElement? CodeActionLiteralSupport { get; init; }
    public bool? IsPreferredSupport { get; init; }
    public bool? DataSupport { get; init; }
    public CompletionResolveSupport? ResolveSupport { get; init; }
}

public sealed record RenameClientCapabilities(bool? DynamicRegistration = null, bool? PrepareSupport = null);

public sealed record PublishDiagnosticsClientCapabilities(bool? RelatedInformation = null, bool? VersionSupport = null, bool? CodeDescriptionSupport = null, bool? DataSupport = null);

public sealed record DiagnosticClientCapabilities(bool? DynamicRegistration = null, bool? RelatedDocumentSupport = null);

public sealed record WindowClientCapabilities(bool? WorkDoneProgress = null, JsonElement? ShowMessage = null);

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
    public ExecuteCommandOptions? ExecuteCommandProvider { get; init; }
    public DiagnosticOptions? DiagnosticProvider { get; init; }
    public WorkspaceServerCapabilities? Workspace { get; init; }
}

[NoParams]
public sealed record InitializedParams;
