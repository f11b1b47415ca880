using System.Text.Json;
using System.Text.Json.Serialization;

namespace GlossaryLsp.Server.Protocol;

public enum CompletionTriggerKind { Invoked = 1, TriggerCharacter = 2, TriggerForIncompleteCompletions = 3 }

public enum CompletionItemKind
{
    Text = 1, Method = 2, Function = 3, Constructor = 4, Field = 5, Variable = 6, Class = 7, Interface = 8, Module = 9,
    Property = 10, Unit = 11, Value = 12, Enum = 13, Keyword = 14, Snippet = 15, Color = 16, File = 17, Reference = 18,
    Folder = 19, EnumMember = 20, Constant = 21, Struct = 22, Event = 23, Operator = 24, TypeParameter = 25,
}

public enum InsertTextFormat { PlainText = 1, Snippet = 2 }

public enum SymbolKind
{
    File = 1, Module = 2, Namespace = 3, Package = 4, Class = 5, Method = 6, Property = 7, Field = 8, Constructor = 9,
    Enum = 10, Interface = 11, Function = 12, Variable = 13, Constant = 14, String = 15, Number = 16, Boolean = 17,
    Array = 18, Object = 19, Key = 20, Null = 21, EnumMember = 22, Struct = 23, Event = 24, Operator = 25, TypeParameter = 26,
}

public static class CodeActionKind
{
    public const string Empty = "";
    public const string QuickFix = "quickfix";
    public const string Refactor = "refactor";
    public const string Source = "source";
    public const string SourceFixAll = "source.fixAll";
}

public static class FoldingRangeKind
{
    public const string Comment = "comment";
    public const string Imports = "imports";
    public const string Region = "region";
}

public sealed record HoverParams : TextDocumentPositionParams;

public sealed record Hover(MarkupContent Contents, Range? Range = null);

public sealed record CompletionContext(CompletionTriggerKind TriggerKind, string? TriggerCharacter = null);

public sealed record CompletionParams : TextDocumentPositionParams
{
    public CompletionContext? Context { get; init; }
    public JsonElement? PartialResultToken { get; init; }
}

public sealed record CompletionItem
{
    public required string Label { get; init; }
    public CompletionItemKind? Kind { get; init; }
    public string? Detail { get; init; }
    public MarkupContent? Documentation { get; init; }
    public string? SortText { get; init; }
    public string? FilterText { get; init; }
    public InsertTextFormat? InsertTextFormat { get; init; }
    public TextEdit? TextEdit { get; init; }
    public IReadOnlyList<TextEdit>? AdditionalTextEdits { get; init; }
    public IReadOnlyList<string>? CommitCharacters { get; init; }
    /// <summary>
    /// Kept by the client and sent back in <c>completionItem/resolve</c>: written from the server's own
    /// value (not a <see cref="JsonElement"/> made for each item of a long list), read back as a
    /// <see cref="JsonElement"/>.
    /// </summary>
    public object? Data { get; init; }
}

public sealed record CompletionList(bool IsIncomplete, IReadOnlyList<CompletionItem> Items);

public sealed record DefinitionParams : TextDocumentPositionParams
{
    public JsonElement? PartialResultToken { get; init; }
}

public sealed record ReferenceContext(bool IncludeDeclaration);

public sealed record ReferenceParams : TextDocumentPositionParams
{
    public required ReferenceContext Context { get; init; }
    public JsonElement? PartialResultToken { get; init; }
}

public sealed record PrepareRenameParams : TextDocumentPositionParams;

/// <summary>The <c>{ range, placeholder }</c> form of a prepareRename result.</summary>
public sealed record PrepareRenameResult(Range Range, string Placeholder);

public sealed record RenameParams : TextDocumentPositionParams
{
    public required string NewName { get; init; }
}

public sealed record CodeActionContext
{
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];
    public IReadOnlyList<string>? Only { get; init; }
    public int? TriggerKind { get; init; }
}

public sealed record CodeActionParams
{
    public required TextDocumentIdentifier TextDocument { get; init; }
    public required Range Range { get; init; }
    public required CodeActionContext Context { get; init; }
    public JsonElement? WorkDoneToken { get; init; }
    public JsonElement? PartialResultToken { get; init; }
}

public sealed record CodeAction
{
    public required string Title { get; init; }
    public string? Kind { get; init; }
    public IReadOnlyList<Diagnostic>? Diagnostics { get; init; }
    public bool? IsPreferred { get; init; }
    public WorkspaceEdit? Edit { get; init; }
    public JsonElement? Data { get; init; }
}

public sealed record DocumentSymbolParams
{
    public required TextDocumentIdentifier TextDocument { get; init; }
    public JsonElement? WorkDoneToken { get; init; }
    public JsonElement? PartialResultToken { get; init; }
}

public sealed record DocumentSymbol
{
    public required string Name { get; init; }
    public string? Detail { get; init; }
    public required SymbolKind Kind { get; init; }
    public required Range Range { get; init; }
    public required Range SelectionRange { get; init; }
    public IReadOnlyList<DocumentSymbol>? Children { get; init; }
}

public sealed record WorkspaceSymbolParams
{
    public required string Query { get; init; }
    public JsonElement? WorkDoneToken { get; init; }
    public JsonElement? PartialResultToken { get; init; }
}

/// <summary>A workspace symbol (SymbolInformation shape: name, kind, location, containerName).</summary>
public sealed record SymbolInformation
{
    public required string Name { get; init; }
    public required SymbolKind Kind { get; init; }
    public required Location Location { get; init; }
    public string? ContainerName { get; init; }
}

public sealed record DocumentLinkParams
{
    public required TextDocumentIdentifier TextDocument { get; init; }
    public JsonElement? WorkDoneToken { get; init; }
    public JsonElement? PartialResultToken { get; init; }
}

public sealed record DocumentLink
{
    public required Range Range { get; init; }
    public string? Target { get; init; }
    public string? Tooltip { get; init; }
    public JsonElement? Data { get; init; }
}

public sealed record FoldingRangeParams
{
    public required TextDocumentIdentifier TextDocument { get; init; }
    public JsonElement? WorkDoneToken { get; init; }
    public JsonElement? PartialResultToken { get; init; }
}

public sealed record FoldingRange
{
    public required int StartLine { get; init; }
    public required int EndLine { get; init; }
    public string? Kind { get; init; }
}
