using System.Text.Json;
using GlossaryLsp.Core.Features;
using GlossaryLsp.Server.Protocol;

namespace GlossaryLsp.Server.Handlers;

/// <summary>What a code lens carries to its resolve: the document and where the term's name starts (UTF-16 offset).</summary>
internal sealed record CodeLensData(string Uri, int Offset, string Headword);

/// <summary><c>textDocument/codeLens</c>: one lens on every term's name (<see cref="TermUsageService.GetLenses"/>); counts come with resolve.</summary>
[LspMethod("textDocument/codeLens")]
internal sealed class CodeLensHandler : ILspRequestHandler<CodeLensParams, IReadOnlyList<CodeLens>>
{
    public Task<IReadOnlyList<CodeLens>> HandleAsync(CodeLensParams request, RequestContext context, CancellationToken cancellationToken)
    {
        context.Views.LensesShown();
        if (context.GetDocument(request.TextDocument) is not { } doc) return Task.FromResult<IReadOnlyList<CodeLens>>([]);
        return Task.FromResult<IReadOnlyList<CodeLens>>([.. TermUsageService.GetLenses(doc.Document).Select(l => new CodeLens
        {
            Range = context.Conversions.ToRange(doc.Document, l.Span),
            Data = JsonSerializer.SerializeToElement(new CodeLensData(doc.Uri, l.Span.Start, l.Term.Headword), LspJson.Options),
        })]);
    }
}

/// <summary>
/// <c>codeLens/resolve</c>: the title <c>N links · M mentions</c> and the command
/// <c>glossary.showReferences [uri, position, locations]</c> (the editor shows the places; VS Code's extension
/// opens its references peek).
/// </summary>
[LspMethod("codeLens/resolve")]
internal sealed class CodeLensResolveHandler : ILspRequestHandler<CodeLens, CodeLens>
{
    public const string ShowReferences = "glossary.showReferences";

    public Task<CodeLens> HandleAsync(CodeLens lens, RequestContext context, CancellationToken cancellationToken)
    {
        if (LspJson.ReadData<CodeLensData>(lens.Data) is not { } d || context.GetDocument(d.Uri) is not { } doc) return Task.FromResult(lens);
        // The document may have changed since the lens was made: the term at the offset, else the one of that headword.
        var term = TermUsageService.TermAt(doc.Document, d.Offset) is { } at && at.Headword == d.Headword ? at
            : doc.Document.Terms.FirstOrDefault(t => t.Headword == d.Headword);
        if (term is null) return Task.FromResult(lens);
        var index = doc.Index;
        var conversions = context.Conversions;
        var places = TermUsageService.Places(index, term).Select(p => conversions.ToLocation(doc.Folder, p.Path, p.Span)).OfType<Location>();
        object[] arguments = [doc.Uri, conversions.ToPosition(doc.Document, term.NameSpan.Start), places.ToArray()];
        return Task.FromResult(lens with
        {
            Command = new Command
            {
                Title = TermUsageService.CountsText(index, term),
                Name = ShowReferences,
                Arguments = [.. arguments.Select(a => JsonSerializer.SerializeToElement(a, a.GetType(), LspJson.Options))],
            },
        });
    }
}
