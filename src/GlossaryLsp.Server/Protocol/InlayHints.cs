using System.Text.Json;

namespace GlossaryLsp.Server.Protocol;

public sealed record InlayHintOptions(bool? ResolveProvider = null);

public sealed record InlayHintParams
{
    public required TextDocumentIdentifier TextDocument { get; init; }
    public required Range Range { get; init; }
    public JsonElement? WorkDoneToken { get; init; }
}

/// <summary>An inlay hint; the label is a plain string, the tooltip comes with resolve.</summary>
public sealed record InlayHint
{
    public required Position Position { get; init; }
    public required string Label { get; init; }
    public MarkupContent? Tooltip { get; init; }
    public bool? PaddingLeft { get; init; }
    public bool? PaddingRight { get; init; }
    public JsonElement? Data { get; init; }
}
