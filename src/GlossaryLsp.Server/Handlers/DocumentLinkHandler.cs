using GlossaryLsp.Core.Features;
using GlossaryLsp.Server.Protocol;

namespace GlossaryLsp.Server.Handlers;

/// <summary>
/// <c>textDocument/documentLink</c>: each resolved link targets its file's URI with a <c>#L</c> line
/// fragment for the term or heading (the form VS Code opens at that line).
/// </summary>
[LspMethod("textDocument/documentLink")]
internal sealed class DocumentLinkHandler : ILspRequestHandler<DocumentLinkParams, IReadOnlyList<DocumentLink>>
{
    public Task<IReadOnlyList<DocumentLink>> HandleAsync(DocumentLinkParams request, RequestContext context, CancellationToken cancellationToken)
    {
        if (context.GetDocument(request.TextDocument) is not { } doc) return Task.FromResult<IReadOnlyList<DocumentLink>>([]);
        var result = new List<DocumentLink>();
        foreach (var link in DocumentLinkService.GetLinks(doc.Index, doc.Document))
        {
            var target = doc.Folder.GetUri(link.TargetPath);
            if (link.TargetSpan is { } span && doc.Index.GetDocument(link.TargetPath) is { } targetDoc)
                target += $"#L{context.Conversions.ToPosition(targetDoc, span.Start).Line + 1}";
            result.Add(new DocumentLink { Range = context.Conversions.ToRange(doc.Document, link.Span), Target = target, Tooltip = link.Tooltip });
        }
        return Task.FromResult<IReadOnlyList<DocumentLink>>(result);
    }
}
