using GlossaryLsp.Server.Diagnostics;
using GlossaryLsp.Server.Protocol;

namespace GlossaryLsp.Server.Handlers;

/// <summary><c>textDocument/diagnostic</c>: a full report with a result id, or "unchanged" when the client's id still matches.</summary>
[LspMethod("textDocument/diagnostic")]
internal sealed class DocumentDiagnosticHandler : ILspRequestHandler<DocumentDiagnosticParams, DocumentDiagnosticReport>
{
    public async Task<DocumentDiagnosticReport> HandleAsync(DocumentDiagnosticParams request, RequestContext context, CancellationToken cancellationToken)
    {
        if (context.Snapshot.ConfigFolder(request.TextDocument.Uri) is { } folder)
        {
            var config = context.Diagnostics.PullConfig(folder, request.TextDocument.Uri);
            return request.PreviousResultId == config.ResultId
                ? new DocumentDiagnosticReport { Kind = DocumentDiagnosticReportKind.Unchanged, ResultId = config.ResultId }
                : new DocumentDiagnosticReport { Kind = DocumentDiagnosticReportKind.Full, ResultId = config.ResultId, Items = config.Items };
        }
        if (context.GetDocument(request.TextDocument) is not { } doc)
        {
            // A document of a workspace folder that is not there (yet): should it come, the client is asked to pull again.
            if (context.Snapshot.Resolve(request.TextDocument.Uri) is not null) context.Diagnostics.PulledNothing(request.TextDocument.Uri);
            return new DocumentDiagnosticReport { Kind = DocumentDiagnosticReportKind.Full, Items = [] };
        }
        var result = await context.Diagnostics.PullAsync(doc, cancellationToken).ConfigureAwait(false);
        return request.PreviousResultId == result.ResultId
            ? new DocumentDiagnosticReport { Kind = DocumentDiagnosticReportKind.Unchanged, ResultId = result.ResultId }
            : new DocumentDiagnosticReport { Kind = DocumentDiagnosticReportKind.Full, ResultId = result.ResultId, Items = result.Items };
    }
}

/// <summary><c>workspace/diagnostic</c>: every workspace document, "unchanged" where the client's result id matches.</summary>
[LspMethod("workspace/diagnostic")]
internal sealed class WorkspaceDiagnosticHandler : ILspRequestHandler<WorkspaceDiagnosticParams, WorkspaceDiagnosticReport>
{
    public async Task<WorkspaceDiagnosticReport> HandleAsync(WorkspaceDiagnosticParams request, RequestContext context, CancellationToken cancellationToken)
    {
        var docs = context.Snapshot.AllDocuments().ToArray();
        // A pass under way analyses the folders one after another: wait until it has done each of them.
        foreach (var first in docs.DistinctBy(d => d.Folder.RootPath)) await context.Diagnostics.GetAsync(first, cancellationToken).ConfigureAwait(false);
        var previous = request.PreviousResultIds.GroupBy(p => p.Uri, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
        var reports = new WorkspaceDocumentDiagnosticReport[docs.Length];
        Parallel.For(0, docs.Length, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var doc = docs[i];
            var result = context.Diagnostics.Pull(doc);
            reports[i] = previous.TryGetValue(doc.Uri, out var id) && id == result.ResultId
                ? new WorkspaceDocumentDiagnosticReport { Kind = DocumentDiagnosticReportKind.Unchanged, ResultId = result.ResultId, Uri = doc.Uri, Version = doc.Version }
                : new WorkspaceDocumentDiagnosticReport
                {
                    Kind = DocumentDiagnosticReportKind.Full, ResultId = result.ResultId, Items = result.Items, Uri = doc.Uri, Version = doc.Version,
                };
        });
        // glossary.yml of each folder whose file has a problem, or whose report the client holds.
        var configs = context.Snapshot.Folders.Where(f => f.ConfigProblem is not null || previous.ContainsKey(f.ConfigUri)).Select(f =>
        {
            var config = ConvertedDiagnostics.ConfigDiagnostics(f);
            return previous.TryGetValue(f.ConfigUri, out var id) && id == config.ResultId
                ? new WorkspaceDocumentDiagnosticReport { Kind = DocumentDiagnosticReportKind.Unchanged, ResultId = config.ResultId, Uri = f.ConfigUri }
                : new WorkspaceDocumentDiagnosticReport { Kind = DocumentDiagnosticReportKind.Full, ResultId = config.ResultId, Items = config.Items, Uri = f.ConfigUri };
        });
        return new WorkspaceDiagnosticReport([.. reports, .. configs]);
    }
}
