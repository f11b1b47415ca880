using GlossaryLsp.Core.Linking;
using GlossaryLsp.Server.Protocol;
using StreamJsonRpc;

namespace GlossaryLsp.Server.Handlers;

/// <summary><c>textDocument/prepareRename</c>: the entry word under the cursor (<see cref="TermRenamer.Prepare"/>), else an error saying why not.</summary>
[LspMethod("textDocument/prepareRename")]
internal sealed class PrepareRenameHandler : ILspRequestHandler<PrepareRenameParams, PrepareRenameResult?>
{
    public const string NothingToRename = "Only terms can be renamed: put the cursor on a term heading, a link to a term, or a mention of a term.";

    public Task<PrepareRenameResult?> HandleAsync(PrepareRenameParams request, RequestContext context, CancellationToken cancellationToken)
    {
        if (context.GetDocumentAndOffset(request) is not var (doc, offset)) return Task.FromResult<PrepareRenameResult?>(null);
        if (TermRenamer.Prepare(doc.Index, doc.Path, offset) is not var (_, word, span))
            throw new LocalRpcException(NothingToRename) { ErrorCode = LspErrorCodes.RequestFailed };
        return Task.FromResult<PrepareRenameResult?>(new PrepareRenameResult(context.Conversions.ToRange(doc.Document, span), word));
    }
}

/// <summary><c>textDocument/rename</c>: rewrites the heading, its <c>&lt;a id&gt;</c> and every link to the term (<see cref="TermRenamer.Rename"/>).</summary>
[LspMethod("textDocument/rename")]
internal sealed class RenameHandler : ILspRequestHandler<RenameParams, WorkspaceEdit?>
{
    public Task<WorkspaceEdit?> HandleAsync(RenameParams request, RequestContext context, CancellationToken cancellationToken)
    {
        if (context.GetDocumentAndOffset(request) is not var (doc, offset)) return Task.FromResult<WorkspaceEdit?>(null);
        if (TermRenamer.Prepare(doc.Index, doc.Path, offset) is not var (term, word, _))
            throw new LocalRpcException(PrepareRenameHandler.NothingToRename) { ErrorCode = LspErrorCodes.RequestFailed };
        var result = TermRenamer.Rename(doc.Index, term, word, request.NewName);
        if (result.Error is { } error) throw new LocalRpcException(error) { ErrorCode = LspErrorCodes.RequestFailed };
        context.Log.Info($"rename '{word}' → '{request.NewName}': {result.FilesChanged} files, {result.LinksChanged} links");
        return Task.FromResult<WorkspaceEdit?>(context.Conversions.ToWorkspaceEdit(doc.Folder, result.Edits));
    }
}
