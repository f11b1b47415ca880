// LSP 3.17 protocol types, shaped exactly like the specification's JSON. Serialized with
// LspJson.Options: camelCase names, nulls omitted, numeric enums as numbers. Only this folder and the
// handlers know these types; the core never sees them.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GlossaryLsp.Server.Protocol;

public sealed record Position(int Line, int Character);

public sealed record Range(Position Start, Position End);

public sealed record Location(string Uri, Range Range);

public sealed record TextDocumentIdentifier(string Uri);

public sealed record VersionedTextDocumentIdentifier(string Uri, int Version);

/// <summary>A document identifier whose version is null for documents not open in the editor.</summary>
public sealed record OptionalVersionedTextDocumentIdentifier
{
    public required string Uri { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public int? Version { get; init; }
}

public sealed record TextDocumentItem(string Uri, string LanguageId, int Version, string Text);

public record TextDocumentPositionParams
{
    public required TextDocumentIdentifier TextDocument { get; init; }
    public required Position Position { get; init; }
    public JsonElement? WorkDoneToken { get; init; }
}

public sealed record TextEdit(Range Range, string NewText);

public sealed record TextDocumentEdit(OptionalVersionedTextDocumentIdentifier TextDocument, IReadOnlyList<TextEdit> Edits);

public sealed record WorkspaceEdit
{
    /// <summary>Edits by document URI (used when the client lacks documentChanges support).</summary>
    public Dictionary<string, IReadOnlyList<TextEdit>>? Changes { get; init; }
    public IReadOnlyList<TextDocumentEdit>? DocumentChanges { get; init; }
}

public static class MarkupKind
{
    public const string PlainText = "plaintext";
    public const string Markdown = "markdown";
}

public sealed record MarkupContent(string Kind, string Value);


public static class PositionEncodingKind
{
    public const string Utf8 = "utf-8";
    public const string Utf16 = "utf-16";
    public const string Utf32 = "utf-32";
}

/// <summary>JSON-RPC / LSP error codes.</summary>
public static class LspErrorCodes
{
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    public const int MethodNotFound = -32601;
    public const int InvalidParams = -32602;
    public const int InternalError = -32603;
    public const int ServerNotInitialized = -32002;
    public const int RequestFailed = -32803;
    public const int ServerCancelled = -32802;
    public const int ContentModified = -32801;
    public const int RequestCancelled = -32800;
}
