using GlossaryLsp.Core.Features;
using GlossaryLsp.Server.Protocol;

namespace GlossaryLsp.Server.Handlers;

/// <summary>The one token type and its modifiers, as the legend announces them.</summary>
internal static class TermTokens
{
    public static SemanticTokensLegend Legend { get; } = new(["term"], ["declaration", "unlinked", "deprecated"]);

    public static SemanticTokens? Of(RequestContext context, TextDocumentIdentifier document, Protocol.Range? range)
    {
        if (context.GetDocument(document) is not { } doc) return null;
        var conversions = context.Conversions;
        var span = range is null ? (Core.Text.TextSpan?)null : conversions.ToSpan(doc.Document, range);
        var highlights = TermHighlightService.GetHighlights(doc.Folder.Index, doc.Document, span);
        return new SemanticTokens(conversions.ToSemanticTokens(doc.Document, highlights.Select(h => (h.Span, 0, Modifiers(h.Kind)))));
    }

    private static int Modifiers(TermHighlightKind kind) =>
        (kind.HasFlag(TermHighlightKind.Declaration) ? 1 : 0) | (kind.HasFlag(TermHighlightKind.Unlinked) ? 2 : 0) | (kind.HasFlag(TermHighlightKind.Deprecated) ? 4 : 0);
}

/// <summary><c>textDocument/semanticTokens/full</c>: the terms of a document (<see cref="TermHighlightService"/>).</summary>
[LspMethod("textDocument/semanticTokens/full")]
internal sealed class SemanticTokensFullHandler : ILspRequestHandler<SemanticTokensParams, SemanticTokens?>
{
    public Task<SemanticTokens?> HandleAsync(SemanticTokensParams request, RequestContext context, CancellationToken cancellationToken) =>
        Task.FromResult(TermTokens.Of(context, request.TextDocument, null));
}

/// <summary><c>textDocument/semanticTokens/range</c>: the terms on the lines of a range.</summary>
[LspMethod("textDocument/semanticTokens/range")]
internal sealed class SemanticTokensRangeHandler : ILspRequestHandler<SemanticTokensRangeParams, SemanticTokens?>
{
    public Task<SemanticTokens?> HandleAsync(SemanticTokensRangeParams request, RequestContext context, CancellationToken cancellationToken) =>
        Task.FromResult(TermTokens.Of(context, request.TextDocument, request.Range));
}
