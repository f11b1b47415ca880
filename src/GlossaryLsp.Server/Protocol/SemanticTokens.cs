using System.Text.Json;

namespace GlossaryLsp.Server.Protocol;

/// <summary>The names the token type and modifier indices of <see cref="SemanticTokens.Data"/> stand for.</summary>
public sealed record SemanticTokensLegend(IReadOnlyList<string> TokenTypes, IReadOnlyList<string> TokenModifiers);

public sealed record SemanticTokensOptions(SemanticTokensLegend Legend, bool? Range = null, bool? Full = null);

public sealed record SemanticTokensParams
{
    public required TextDocumentIdentifier TextDocument { get; init; }
    public JsonElement? WorkDoneToken { get; init; }
    public JsonElement? PartialResultToken { get; init; }
}

public sealed record SemanticTokensRangeParams
{
    public required TextDocumentIdentifier TextDocument { get; init; }
    public required Range Range { get; init; }
    public JsonElement? WorkDoneToken { get; init; }
    public JsonElement? PartialResultToken { get; init; }
}

/// <summary>Five integers per token: line delta, start delta, length, type index, modifier bits (LSP 3.17 §semanticTokens).</summary>
public sealed record SemanticTokens(IReadOnlyList<int> Data, string? ResultId = null);
