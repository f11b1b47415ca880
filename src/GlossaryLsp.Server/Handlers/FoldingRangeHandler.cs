using GlossaryLsp.Core.Features;
using GlossaryLsp.Server.Protocol;

namespace GlossaryLsp.Server.Handlers;

/// <summary><c>textDocument/foldingRange</c>: sections, front matter, code blocks and comments (<see cref="FoldingService"/>).</summary>
[LspMethod("textDocument/foldingRange")]
internal sealed class FoldingRangeHandler : ILspRequestHandler<FoldingRangeParams, IReadOnlyList<FoldingRange>>
{
    public Task<IReadOnlyList<FoldingRange>> HandleAsync(FoldingRangeParams request, RequestContext context, CancellationToken cancellationToken)
    {
        if (context.GetDocument(request.TextDocument) is not { } doc) return Task.FromResult<IReadOnlyList<FoldingRange>>([]);
        return Task.FromResult<IReadOnlyList<FoldingRange>>([.. FoldingService.GetFolds(doc.Document).Select(f => new FoldingRange
        {
            StartLine = f.StartLine,
            EndLine = f.EndLine,
            Kind = f.Kind switch
            {
                FoldKind.Comment => FoldingRangeKind.Comment,
                FoldKind.FrontMatter or FoldKind.Code => FoldingRangeKind.Region,
                _ => null,
            },
        })]);
    }
}
