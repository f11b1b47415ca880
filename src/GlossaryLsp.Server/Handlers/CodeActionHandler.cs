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
    /// <summary><c>CodeActionTriggerKind.Automatic</c> (LSP 3.17).</summary>
    private const int CodeActionTriggerKindAutomatic = 2;

    public Task<IReadOnlyList<CodeAction>> HandleAsync(CodeActionParams request, RequestContext context, CancellationToken cancellationToken)
    {
        if (context.GetDocument(request.TextDocument) is not { } doc || doc.Document.LoadProblem is not null)
            return Task.FromResult<IReadOnlyList<CodeAction>>([]);
        var range = context.Conversions.ToSpan(doc.Document, request.Range);
        var diagnostics = context.Diagnostics.Get(doc).Core;
        var only = request.Context.Only;
        // Automatic requests (the light bulb, on every cursor move) skip the whole-document scan unless source actions are asked for.
        bool includeSource = only is { Count: > 0 } ? only.Any(o => o == CodeActionKind.Source || CodeActionKind.Source.StartsWith(o, StringComparison.Ordinal))
                                                    : request.Context.TriggerKind != CodeActionTriggerKindAutomatic;
        var result = new List<CodeAction>();
        foreach (var a in CodeActionService.GetActions(doc.Index, doc.Document, range, diagnostics, includeSource))
        {
            var kind = a.Category == CodeActionCategory.Source ? CodeActionKind.Source : CodeActionKind.QuickFix;
            if (only is { Count: > 0 } && !only.Any(o => kind == o || kind.StartsWith(o + ".", StringComparison.Ordinal))) continue;
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
