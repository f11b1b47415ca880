using GlossaryLsp.Core.Features;
using GlossaryLsp.Server.Protocol;

namespace GlossaryLsp.Server.Handlers;

/// <summary>
/// <c>textDocument/codeAction</c>: the fixes of the (cached) diagnostics in the range, "link this
/// mention" and "link all terms in this document" (<see cref="CodeActionService"/>), filtered by
/// <c>context.only</c>.
/// </summary>
[LspMethod("textDocument/codeAction")]
internal sealed class CodeActionHandler : ILspRequestHandler<CodeActionParams, IReadOnlyList<CodeAction>>
{
    public Task<IReadOnlyList<CodeAction>> HandleAsync(CodeActionParams request, RequestContext context, CancellationToken cancellationToken)
    {
        if (context.GetDocument(request.TextDocument) is not { } doc || doc.Document.LoadProblem is not null)
            return Task.FromResult<IReadOnlyList<CodeAction>>([]);
        var range = context.Conversions.ToSpan(doc.Document, request.Range);
        var diagnostics = context.Diagnostics.Get(doc).Core;
        var result = new List<CodeAction>();
        foreach (var a in CodeActionService.GetActions(doc.Index, doc.Document, range, diagnostics))
        {
            var kind = a.Category == CodeActionCategory.Source ? CodeActionKind.Source : CodeActionKind.QuickFix;
            if (request.Context.Only is { Count: > 0 } only && !only.Any(o => kind == o || kind.StartsWith(o + ".", StringComparison.Ordinal))) continue;
            result.Add(new CodeAction
            {
                Title = a.Title,
                Kind = kind,
                IsPreferred = a.IsPreferred ? true : null,
                Diagnostics = a.Diagnostic is { } d ? [context.Conversions.ToDiagnostic(doc.Folder, doc.Document, d)] : null,
                Edit = context.Conversions.ToWorkspaceEdit(doc.Folder, a.Edits),
            });
        }
        return Task.FromResult<IReadOnlyList<CodeAction>>(result);
    }
}
