// After each pass, tells the client what changed. Push: textDocument/publishDiagnostics for the documents
// whose results (or open version) differ from what the client last received. Pull: a
// workspace/diagnostic/refresh when a document the client pulled changed while the client has not edited
// it since, or glossary.yml's problem changed. Only the documents an analysis marked are compared, except after a full analysis or a
// folder change, when everything is.
using System.Text.Json;
using GlossaryLsp.Server.Protocol;
using GlossaryLsp.Server.Workspace;

namespace GlossaryLsp.Server.Diagnostics;

internal sealed class DiagnosticsPublisher(ConvertedDiagnostics converted, PullLedger pulled, ILspClient client, ServerLifecycle lifecycle, ServerLog log)
{
    /// <summary>Push: what the client last received, by URI (worker only).</summary>
    private readonly Dictionary<string, (string ResultId, int? Version)> _published = new(StringComparer.Ordinal);
    /// <summary>The snapshot of the last pass that published (worker only).</summary>
    private ServerSnapshot? _lastPublished;
    /// <summary>
    /// Documents whose results may differ from what the client last got (worker only): added by each
    /// analysis, removed as they are published, so a cancelled pass leaves the rest to the next one.
    /// </summary>
    private readonly HashSet<(string Root, string Path)> _unpublished = [];
    /// <summary>The next pass compares every document (after a full analysis or a folder change).</summary>
    private bool _publishAll = true;
    private long _notificationsSent;
    /// <summary>Push: the problem each folder's glossary.yml was last published with, by its URI (worker only).</summary>
    private readonly Dictionary<string, ConfigProblem?> _configPublished = new(StringComparer.Ordinal);
    /// <summary>Pull: the result id of glossary.yml the client was last asked to pull again for, by its URI (once per change).</summary>
    private readonly Dictionary<string, string> _configRefreshed = new(StringComparer.Ordinal);

    /// <summary><c>textDocument/publishDiagnostics</c> notifications sent so far.</summary>
    public long NotificationsSent => Interlocked.Read(ref _notificationsSent);

    /// <summary>Marks what an analysis update may have changed (worker only).</summary>
    public void Analysed(AnalysisChanges changes)
    {
        foreach (var key in changes.Affected) _unpublished.Add(key);
        if (changes.FoldersChanged) _publishAll = true;
    }

    /// <summary>Publishes the snapshot's changes since the last pass that finished publishing (a cancelled pass may have sent only part).</summary>
    public async Task PublishAsync(ServerSnapshot snapshot, CancellationToken cancellationToken)
    {
        bool indexChanged = _lastPublished is not { } last || last.Folders.Length != snapshot.Folders.Length
            || !last.Folders.Zip(snapshot.Folders).All(p => p.First.RootPath == p.Second.RootPath && ReferenceEquals(p.First.Index, p.Second.Index));
        await PublishAsync(snapshot, indexChanged, cancellationToken).ConfigureAwait(false);
        _lastPublished = snapshot;
    }

    private async Task SendAsync(PublishDiagnosticsParams diagnostics)
    {
        await client.NotifyAsync("textDocument/publishDiagnostics", diagnostics).ConfigureAwait(false);
        Interlocked.Increment(ref _notificationsSent);
    }

    /// <summary>
    /// The documents of <see cref="_unpublished"/> in the snapshot, plus (push) open documents whose
    /// version the client has not seen; <paramref name="sweep"/> is set when one of them is gone (the
    /// caller then compares everything published with the workspace).
    /// </summary>
    private List<DocumentSnapshot> Candidates(ServerSnapshot snapshot, bool push, out bool sweep)
    {
        sweep = false;
        var result = new List<DocumentSnapshot>();
        var seen = new HashSet<(string Root, string Path)>();
        foreach (var folder in snapshot.Folders)
        {
            foreach (var (root, path) in _unpublished)
            {
                if (root != folder.RootPath) continue;
                if (folder.Index.GetDocument(path) is { } doc) { if (seen.Add((root, path))) result.Add(new DocumentSnapshot(folder, folder.GetUri(path), doc)); }
                else sweep = true;
            }
            if (!push) continue;
            foreach (var open in folder.OpenDocuments.Values)
                if (_published.TryGetValue(open.Uri, out var last) && last.Version != open.Version
                    && folder.Index.GetDocument(open.Path) is { } doc && seen.Add((folder.RootPath, open.Path)))
                    result.Add(new DocumentSnapshot(folder, open.Uri, doc));
        }
        if (_unpublished.Any(k => snapshot.Folders.All(f => f.RootPath != k.Root))) sweep = true;
        return result;
    }

    private async Task PublishAsync(ServerSnapshot snapshot, bool anyIndexChanged, CancellationToken cancellationToken)
    {
        bool push = !lifecycle.Session.Features.PullDiagnostics;
        bool configChanged = await PublishConfigAsync(snapshot, push).ConfigureAwait(false);
        if (!anyIndexChanged)
        {
            // Only open documents' versions (e.g. a document opened as it is on disk) or glossary.yml's problem can have changed.
            if (!push)
            {
                if (configChanged) await RefreshAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            foreach (var doc in snapshot.Folders.SelectMany(f => f.OpenDocuments.Values.Select(o => (f, o))))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!_published.TryGetValue(doc.o.Uri, out var last) || last.Version == doc.o.Version || doc.f.Index.GetDocument(doc.o.Path) is not { } parsed) continue;
                var result = converted.Get(doc.f, parsed);
                _published[doc.o.Uri] = (result.ResultId, doc.o.Version);
                await SendAsync(new PublishDiagnosticsParams { Uri = doc.o.Uri, Version = doc.o.Version, Diagnostics = result.Items }).ConfigureAwait(false);
            }
            return;
        }
        // Only the documents whose results may have changed since the last pass that published (all
        // of them after a full analysis or a folder change); open documents first: the one being
        // edited gets its diagnostics before the others are sent.
        bool all = _publishAll || snapshot.Folders.Length != _lastPublished?.Folders.Length;
        var candidates = all ? snapshot.AllDocuments().ToList() : Candidates(snapshot, push, out all);
        var ordered = candidates.Where(d => d.Version is not null).Concat(candidates.Where(d => d.Version is null));
        bool refresh = false;
        foreach (var doc in ordered)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var version = doc.Version;
            _unpublished.Remove((doc.Folder.RootPath, doc.Path));
            if (!push)
            {
                // Only a document the client has pulled can be stale there, and one it edited since it
                // pulls again by itself (the ledger holds the version it pulled); nothing is converted for the others (after a load: all of them,
                // while the client's pulls want the CPU).
                if (!refresh && pulled.TryGet(doc.Uri, out var pulledId, out var pulledVersion) && (version is null || version == pulledVersion)
                    && converted.Get(doc.Folder, doc.Document).ResultId != pulledId)
                    refresh = true;
                continue;
            }
            var result = converted.Get(doc.Folder, doc.Document);
            // An open document's new version is published even when its diagnostics did not change (editors drop stale versions).
            if (_published.TryGetValue(doc.Uri, out var last) && last.ResultId == result.ResultId && last.Version == version) continue;
            _published[doc.Uri] = (result.ResultId, version);
            await SendAsync(new PublishDiagnosticsParams { Uri = doc.Uri, Version = version, Diagnostics = result.Items }).ConfigureAwait(false);
        }
        if (all)
        {
            // Documents gone from the workspace: clear what the client shows for them.
            var every = snapshot.AllDocuments().ToList();
            var live = every.Select(d => d.Uri).ToHashSet(StringComparer.Ordinal);
            foreach (var gone in _published.Keys.Where(u => !live.Contains(u)).ToList())
            {
                _published.Remove(gone);
                await SendAsync(new PublishDiagnosticsParams { Uri = gone, Diagnostics = [] }).ConfigureAwait(false);
            }
            converted.Retain(every.Select(d => (d.Folder.RootPath, d.Path)).ToHashSet());
            _unpublished.Clear();
            _publishAll = false;
        }
        // A pulled document may have come and gone between two passes (pulled from a snapshot no pass
        // analysed): the ledger, not the changed paths, says what the client holds.
        if (!push) refresh |= pulled.Gone(uri => snapshot.GetDocument(uri) is not null || snapshot.ConfigFolder(uri) is not null);
        if (!push && (refresh || configChanged)) await RefreshAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// glossary.yml's problem, when it changed: published (push), or (pull) true when the client pulled
    /// something else for the file than it has now. A folder removed clears what its file showed.
    /// </summary>
    private async Task<bool> PublishConfigAsync(ServerSnapshot snapshot, bool push)
    {
        bool changed = false;
        foreach (var folder in snapshot.Folders)
        {
            var uri = folder.ConfigUri;
            if (!push)
            {
                var now = ConvertedDiagnostics.ConfigDiagnostics(folder).ResultId;
                if (!pulled.TryGet(uri, out var id, out _) || id == now || _configRefreshed.GetValueOrDefault(uri) == now) continue;
                _configRefreshed[uri] = now;
                changed = true;
                continue;
            }
            if (_configPublished.TryGetValue(uri, out var last) ? Equals(last, folder.ConfigProblem) : folder.ConfigProblem is null) continue;
            _configPublished[uri] = folder.ConfigProblem;
            await SendAsync(new PublishDiagnosticsParams { Uri = uri, Diagnostics = ConvertedDiagnostics.ConfigDiagnostics(folder).Items }).ConfigureAwait(false);
        }
        foreach (var gone in _configPublished.Keys.Where(u => snapshot.Folders.All(f => f.ConfigUri != u)).ToList())
        {
            _configPublished.Remove(gone);
            await SendAsync(new PublishDiagnosticsParams { Uri = gone, Diagnostics = [] }).ConfigureAwait(false);
        }
        return changed;
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (!lifecycle.Session.Features.DiagnosticRefresh) return;
        try
        {
            await client.RequestAsync<JsonElement?>("workspace/diagnostic/refresh", null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.Warning($"workspace/diagnostic/refresh: {e.Message}");
        }
    }
}
