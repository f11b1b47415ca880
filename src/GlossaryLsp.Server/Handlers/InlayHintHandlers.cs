using System.Text.Json;
using GlossaryLsp.Core.Features;
using GlossaryLsp.Server.Protocol;

namespace GlossaryLsp.Server.Handlers;

/// <summary>What an inlay hint carries to its resolve: the document asked about and the term.</summary>
internal sealed record InlayHintData(string Uri, string Path, string Headword);

/// <summary><c>textDocument/inlayHint</c>: readings of kanji terms in a range (<see cref="ReadingHintService"/>).</summary>
[LspMethod("textDocument/inlayHint")]
internal sealed class InlayHintHandler : ILspRequestHandler<InlayHintParams, IReadOnlyList<InlayHint>>
{
    public Task<IReadOnlyList<InlayHint>> HandleAsync(InlayHintParams request, RequestContext context, CancellationToken cancellationToken)
    {
        if (context.GetDocument(request.TextDocument) is not { } doc) return Task.FromResult<IReadOnlyList<InlayHint>>([]);
        var conversions = context.Conversions;
        var hints = ReadingHintService.GetHints(doc.Folder.Index, doc.Document, conversions.ToSpan(doc.Document, request.Range), doc.Folder.Index.Config.ReadingHints);
        return Task.FromResult<IReadOnlyList<InlayHint>>([.. hints.Select(h => new InlayHint
        {
            Position = conversions.ToPosition(doc.Document, h.Offset),
            Label = $"⟨{h.Reading}⟩",
            Data = JsonSerializer.SerializeToElement(new InlayHintData(doc.Uri, h.Term.DocumentPath, h.Term.Headword), LspJson.Options),
        })]);
    }
}

/// <summary><c>inlayHint/resolve</c>: the first sentence of the term's definition as the tooltip.</summary>
[LspMethod("inlayHint/resolve")]
internal sealed class InlayHintResolveHandler : ILspRequestHandler<InlayHint, InlayHint>
{
    public Task<InlayHint> HandleAsync(InlayHint hint, RequestContext context, CancellationToken cancellationToken)
    {
        if (LspJson.ReadData<InlayHintData>(hint.Data) is not { } d || context.GetDocument(d.Uri) is not { } doc) return Task.FromResult(hint);
        var index = doc.Folder.Index;
        if (index.GetDocument(d.Path)?.Terms.FirstOrDefault(t => t.Headword == d.Headword) is not { } term) return Task.FromResult(hint);
        var sentence = ReadingHintService.FirstSentence(index, term);
        return Task.FromResult(sentence.Length == 0 ? hint : hint with { Tooltip = new MarkupContent(MarkupKind.PlainText, sentence) });
    }
}
