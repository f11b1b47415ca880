// Diagnostics for the snapshot's documents, as handlers and the queue see them. The parts, one job each:
// FolderAnalyses (the Core analysis per folder), DiagnosticsWorker (the debounced background pass),
// ConvertedDiagnostics (protocol form and result ids, cached), DiagnosticsPublisher (push, or a refresh
// request in pull mode) and PullLedger (what the client pulled).
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Server.Workspace;

namespace GlossaryLsp.Server.Diagnostics;

public sealed class DiagnosticsService
{
    /// <summary>How long the queue must have been idle before a background pass starts.</summary>
    internal static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(25);

    private readonly FolderAnalyses _analyses = new();
    private readonly ConvertedDiagnostics _converted;
    private readonly PullLedger _pulled = new();
    private readonly DiagnosticsPublisher _publisher;
    private readonly DiagnosticsWorker _worker;

    /// <param name="waitForQuiet">The quiet spell a scheduled pass waits for (default: <see cref="Debounce"/>).</param>
    internal DiagnosticsService(ILspClient client, ServerLog log, ServerLifecycle lifecycle, Func<CancellationToken, Task>? waitForQuiet)
    {
        _converted = new ConvertedDiagnostics(_analyses, lifecycle, log);
        _publisher = new DiagnosticsPublisher(_converted, _pulled, client, lifecycle, log);
        _worker = new DiagnosticsWorker(_analyses, _publisher, _converted, lifecycle, log,
            waitForQuiet ?? (static cancellationToken => Task.Delay(Debounce, cancellationToken)));
    }

    /// <summary>Background passes finished.</summary>
    public long CompletedPasses => _worker.CompletedPasses;

    /// <summary>Completes when the next background pass finishes.</summary>
    public Task NextPass => _worker.NextPass;

    /// <summary>The snapshot version of the last finished background pass.</summary>
    public long LastPassVersion => _worker.LastPassVersion;

    /// <summary><c>textDocument/publishDiagnostics</c> notifications sent so far (tests wait until they have all arrived).</summary>
    public long NotificationsSent => _publisher.NotificationsSent;

    /// <summary>The diagnostics of one document of a snapshot.</summary>
    public DocumentDiagnostics Get(FolderSnapshot folder, ParsedDocument document) => _converted.Get(folder, document);

    public DocumentDiagnostics Get(DocumentSnapshot document) => _converted.Get(document.Folder, document.Document);

    /// <summary>Like <see cref="Get(DocumentSnapshot)"/>, but waits for a background pass over the same snapshot instead of analysing twice.</summary>
    public async Task<DocumentDiagnostics> GetAsync(DocumentSnapshot document, CancellationToken cancellationToken)
    {
        if (_worker.AnalysedAsync(document) is { IsCompleted: false } pass) await pass.WaitAsync(cancellationToken).ConfigureAwait(false);
        return Get(document);
    }

    /// <summary>
    /// A document's diagnostics for the client's pull (<see cref="GetAsync"/>), remembered as what the
    /// client has: a later pass that changes them while the client has not edited the document since asks
    /// the client to pull again (<c>workspace/diagnostic/refresh</c>).
    /// </summary>
    public async Task<DocumentDiagnostics> PullAsync(DocumentSnapshot document, CancellationToken cancellationToken)
    {
        var result = await GetAsync(document, cancellationToken).ConfigureAwait(false);
        _pulled.Pulled(document.Uri, result.ResultId, document.Version);
        return result;
    }

    /// <summary>The diagnostics of a folder's glossary.yml as the client pulls them (remembered as what it has).</summary>
    public DocumentDiagnostics PullConfig(FolderSnapshot folder, string uri)
    {
        var result = ConvertedDiagnostics.ConfigDiagnostics(folder);
        _pulled.Pulled(uri, result.ResultId);
        return result;
    }

    /// <summary>The client pulled a document the workspace does not have: it holds no diagnostics for that URI.</summary>
    public void PulledNothing(string uri) => _pulled.Pulled(uri, ConvertedDiagnostics.NoDiagnosticsResultId);

    /// <inheritdoc cref="PullAsync"/>
    public DocumentDiagnostics Pull(DocumentSnapshot document)
    {
        var result = Get(document);
        _pulled.Pulled(document.Uri, result.ResultId, document.Version);
        return result;
    }

    /// <summary>Whether the document's results for this snapshot are converted already (tests read it).</summary>
    internal bool IsConverted(FolderSnapshot folder, ParsedDocument document) => _converted.IsConverted(folder, document);

    /// <summary>Schedules a background pass over the snapshot; a newer snapshot supersedes one not yet started.</summary>
    internal void Schedule(ServerSnapshot snapshot) => _worker.Schedule(snapshot);

    internal void Stop() => _worker.Stop();

    /// <summary>Builds what the next incremental pass needs, so that the first edit does not (the warm-up after a load calls it).</summary>
    internal void PrepareUpdates() => _analyses.PrepareUpdates();
}
