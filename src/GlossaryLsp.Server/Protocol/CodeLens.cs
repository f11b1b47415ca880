using System.Text.Json;

namespace GlossaryLsp.Server.Protocol;

public sealed record CodeLensOptions(bool? ResolveProvider = null);

public sealed record CodeLensParams
{
    public required TextDocumentIdentifier TextDocument { get; init; }
    public JsonElement? WorkDoneToken { get; init; }
    public JsonElement? PartialResultToken { get; init; }
}

/// <summary>A command as LSP carries it: a title to show, the command's id and its arguments.</summary>
public sealed record Command
{
    public required string Title { get; init; }
    [System.Text.Json.Serialization.JsonPropertyName("command")]
    public required string Name { get; init; }
    public IReadOnlyList<JsonElement>? Arguments { get; init; }
}

/// <summary>A code lens; the command comes with resolve.</summary>
public sealed record CodeLens
{
    public required Range Range { get; init; }
    public Command? Command { get; init; }
    public JsonElement? Data { get; init; }
}
