using System.Text.Json;
using GlossaryLsp.Core.Features;
using GlossaryLsp.Core.Linking;
using GlossaryLsp.Core.Rules;
using GlossaryLsp.Server.Protocol;
using StreamJsonRpc;

namespace GlossaryLsp.Server.Handlers;

/// <summary>
/// <c>workspace/executeCommand</c> <c>glossary.linkAllTerms [uri]</c>: computes the linker's edits for the
/// document and asks the client to apply them (<c>workspace/applyEdit</c>). Returns whether they were applied.
/// A code lens's <c>glossary.showReferences</c> is the client's to show; sent here, it returns its locations.
/// </summary>
[LspMethod("workspace/executeCommand")]
internal sealed class ExecuteCommandHandler : ILspRequestHandler<ExecuteCommandParams, object?>
{
    public const string LinkAllTerms = "glossary.linkAllTerms";

    public async Task<object?> HandleAsync(ExecuteCommandParams request, RequestContext context, CancellationToken cancellationToken)
    {
        if (request.Command == CodeLensResolveHandler.ShowReferences)
            return request.Arguments is [_, _, { ValueKind: JsonValueKind.Array } locations, ..] ? locations : null;
        if (request.Command != LinkAllTerms)
            throw new LocalRpcException($"unknown command '{request.Command}'") { ErrorCode = LspErrorCodes.InvalidParams };
        if (request.Arguments is not [{ ValueKind: JsonValueKind.String } arg, ..] || arg.GetString() is not { } uri)
            throw new LocalRpcException($"{LinkAllTerms} takes one argument: the document URI") { ErrorCode = LspErrorCodes.InvalidParams };
        if (context.GetDocument(uri) is not { } doc)
            throw new LocalRpcException($"{uri} is not a document of the workspace") { ErrorCode = LspErrorCodes.InvalidParams };
        var edits = TermLinker.LinkAll(doc.Index, doc.Document, doc.Index.Config.LinkerMode);
        if (edits.IsEmpty) return new { applied = true, links = 0 };
        var workspaceEdit = context.Conversions.ToWorkspaceEdit(doc.Folder, [new Core.Text.DocumentEdit(doc.Path, edits)]);
        var applied = await context.Client.ApplyEditAsync(workspaceEdit, CodeActionService.LinkAllTitle, cancellationToken).ConfigureAwait(false);
        return new { applied = applied.Applied, links = edits.Length };
    }
}

/// <summary><c>glossary/terms</c>: every term of every workspace folder, for the editor's term picker.</summary>
[LspMethod("glossary/terms")]
internal sealed class GlossaryTermsHandler : ILspRequestHandler<GlossaryTermsParams?, GlossaryTermsResult>
{
    public Task<GlossaryTermsResult> HandleAsync(GlossaryTermsParams? request, RequestContext context, CancellationToken cancellationToken)
    {
        var terms = new List<GlossaryTerm>();
        foreach (var folder in context.Snapshot.Folders)
        {
            foreach (var t in TermCatalog.List(folder.Index))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (folder.Index.GetDocument(t.Path) is not { } doc) continue;
                terms.Add(new GlossaryTerm
                {
                    Headword = t.Headword,
                    Aliases = t.Aliases,
                    Reading = t.Reading,
                    Uri = folder.GetUri(t.Path),
                    Range = context.Conversions.ToRange(doc, t.NameSpan),
                    Definition = t.Definition,
                });
            }
        }
        return Task.FromResult(new GlossaryTermsResult(terms));
    }
}
