using GlossaryLsp.Core.Features;
using GlossaryLsp.Server.Protocol;

namespace GlossaryLsp.Server.Handlers;

/// <summary><c>textDocument/hover</c>: <see cref="HoverService"/> in Markdown or plain text, as the client prefers.</summary>
[LspMethod("textDocument/hover")]
internal sealed class HoverHandler : ILspRequestHandler<HoverParams, Hover?>
{
    public Task<Hover?> HandleAsync(HoverParams request, RequestContext context, CancellationToken cancellationToken)
    {
        if (context.GetDocumentAndOffset(request) is not var (doc, offset)) return Task.FromResult<Hover?>(null);
        bool markdown = context.ClientCapabilities.HoverMarkdown;
        if (HoverService.GetHover(doc.Index, doc.Document, offset, markdown, doc.Folder.GetUri) is not { } hover) return Task.FromResult<Hover?>(null);
        return Task.FromResult<Hover?>(new Hover(new MarkupContent(markdown ? MarkupKind.Markdown : MarkupKind.PlainText, hover.Contents),
            context.Conversions.ToRange(doc.Document, hover.Span)));
    }
}
