using GlossaryLsp.Core.Features;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Server.Protocol;

namespace GlossaryLsp.Server.Handlers;

/// <summary><c>textDocument/documentSymbol</c>: the outline of <see cref="DocumentSymbolService"/> (terms by headword, headings nested).</summary>
[LspMethod("textDocument/documentSymbol")]
internal sealed class DocumentSymbolHandler : ILspRequestHandler<DocumentSymbolParams, IReadOnlyList<DocumentSymbol>>
{
    public Task<IReadOnlyList<DocumentSymbol>> HandleAsync(DocumentSymbolParams request, RequestContext context, CancellationToken cancellationToken)
    {
        if (context.GetDocument(request.TextDocument) is not { } doc) return Task.FromResult<IReadOnlyList<DocumentSymbol>>([]);
        return Task.FromResult(Convert(context, doc.Document, DocumentSymbolService.GetOutline(doc.Document)));
    }

    private static IReadOnlyList<DocumentSymbol> Convert(RequestContext context, ParsedDocument document, IEnumerable<OutlineNode> nodes) =>
        [.. nodes.Select(n => new DocumentSymbol
        {
            Name = n.Name,
            Detail = n.Detail,
            Kind = n.Kind == OutlineKind.Term ? SymbolKind.Key : SymbolKind.String,
            Range = context.Conversions.ToRange(document, n.Range),
            SelectionRange = context.Conversions.ToRange(document, n.NameSpan),
            Children = n.Children.IsEmpty ? null : Convert(context, document, n.Children),
        })];
}

/// <summary><c>workspace/symbol</c>: fuzzy search over entry words and readings of every workspace folder.</summary>
[LspMethod("workspace/symbol")]
internal sealed class WorkspaceSymbolHandler : ILspRequestHandler<WorkspaceSymbolParams, IReadOnlyList<SymbolInformation>>
{
    public Task<IReadOnlyList<SymbolInformation>> HandleAsync(WorkspaceSymbolParams request, RequestContext context, CancellationToken cancellationToken)
    {
        var result = new List<SymbolInformation>();
        foreach (var folder in context.Snapshot.Folders)
        {
            foreach (var s in WorkspaceSymbolService.Search(folder.Index, request.Query))
            {
                if (result.Count >= WorkspaceSymbolService.MaxResults) break;
                if (context.Conversions.ToLocation(folder, s.Path, s.NameSpan) is not { } location) continue;
                result.Add(new SymbolInformation
                {
                    Name = s.Name,
                    Kind = SymbolKind.Key,
                    Location = location,
                    ContainerName = s.Detail is null ? s.Path : $"{s.Detail} — {s.Path}",
                });
            }
        }
        return Task.FromResult<IReadOnlyList<SymbolInformation>>(result);
    }
}
