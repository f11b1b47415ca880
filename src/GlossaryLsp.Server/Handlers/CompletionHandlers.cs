using System.Text.Json;
using GlossaryLsp.Core.Features;
using GlossaryLsp.Server.Protocol;

namespace GlossaryLsp.Server.Handlers;

/// <summary><c>textDocument/completion</c>: <see cref="CompletionService"/> proposals as completion items with text edits.</summary>
[LspMethod("textDocument/completion")]
internal sealed class CompletionHandler : ILspRequestHandler<CompletionParams, CompletionList>
{
    public Task<CompletionList> HandleAsync(CompletionParams request, RequestContext context, CancellationToken cancellationToken)
    {
        if (context.GetDocumentAndOffset(request) is not var (doc, offset)) return Task.FromResult(new CompletionList(false, []));
        var result = CompletionService.Complete(doc.Index, doc.Document, offset);
        var items = result.Items.Select(p => new CompletionItem
        {
            Label = p.Label,
            Kind = p.Kind switch
            {
                CompletionKind.Document => CompletionItemKind.File,
                _ => CompletionItemKind.Reference,
            },
            Detail = p.Detail,
            FilterText = p.FilterText,
            SortText = p.SortText,
            InsertTextFormat = InsertTextFormat.PlainText,
            TextEdit = new TextEdit(context.Conversions.ToRange(doc.Document, p.Edit.Span), p.Edit.NewText),
            Data = p.TermPath is null ? null : new CompletionData(doc.Uri, p.TermPath, p.TermHeadword!),
        }).ToList();
        return Task.FromResult(new CompletionList(result.IsIncomplete, items));
    }
}

/// <summary>What a completion item carries to <c>completionItem/resolve</c>: the requesting document and the term.</summary>
internal sealed record CompletionData(string Uri, string Path, string Headword);

/// <summary><c>completionItem/resolve</c>: adds the term's full description as documentation.</summary>
[LspMethod("completionItem/resolve")]
internal sealed class CompletionResolveHandler : ILspRequestHandler<CompletionItem, CompletionItem>
{
    public Task<CompletionItem> HandleAsync(CompletionItem item, RequestContext context, CancellationToken cancellationToken)
    {
        if (LspJson.ReadData<CompletionData>(item.Data as JsonElement?) is not { } d || context.GetDocument(d.Uri) is not { } doc) return Task.FromResult(item);
        bool markdown = context.ClientCapabilities.CompletionDocumentationMarkdown;
        if (CompletionService.Describe(doc.Index, d.Path, d.Headword, markdown, doc.Folder.GetUri) is not { } text) return Task.FromResult(item);
        return Task.FromResult(item with { Documentation = new MarkupContent(markdown ? MarkupKind.Markdown : MarkupKind.PlainText, text) });
    }
}
