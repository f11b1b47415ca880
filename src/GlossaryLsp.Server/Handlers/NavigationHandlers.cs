using GlossaryLsp.Core.Features;
using GlossaryLsp.Server.Protocol;
using GlossaryLsp.Server.Workspace;

namespace GlossaryLsp.Server.Handlers;

internal static class NavigationLocations
{
    public static IReadOnlyList<Location> ToLocations(RequestContext context, FolderSnapshot folder, IEnumerable<SourceLocation> locations) =>
        [.. locations.Select(l => context.Conversions.ToLocation(folder, l.Path, l.Span)).OfType<Location>()];
}

/// <summary><c>textDocument/definition</c>: <see cref="NavigationService.GetDefinition"/>.</summary>
[LspMethod("textDocument/definition")]
internal sealed class DefinitionHandler : ILspRequestHandler<DefinitionParams, IReadOnlyList<Location>>
{
    public Task<IReadOnlyList<Location>> HandleAsync(DefinitionParams request, RequestContext context, CancellationToken cancellationToken)
    {
        if (context.GetDocumentAndOffset(request) is not var (doc, offset)) return Task.FromResult<IReadOnlyList<Location>>([]);
        return Task.FromResult(NavigationLocations.ToLocations(context, doc.Folder, NavigationService.GetDefinition(doc.Index, doc.Document, offset)));
    }
}

/// <summary><c>textDocument/references</c>: every link to the term or heading (<see cref="NavigationService.GetReferences"/>).</summary>
[LspMethod("textDocument/references")]
internal sealed class ReferencesHandler : ILspRequestHandler<ReferenceParams, IReadOnlyList<Location>>
{
    public Task<IReadOnlyList<Location>> HandleAsync(ReferenceParams request, RequestContext context, CancellationToken cancellationToken)
    {
        if (context.GetDocumentAndOffset(request) is not var (doc, offset)) return Task.FromResult<IReadOnlyList<Location>>([]);
        var found = NavigationService.GetReferences(doc.Index, doc.Document, offset, request.Context.IncludeDeclaration);
        return Task.FromResult(NavigationLocations.ToLocations(context, doc.Folder, found));
    }
}
