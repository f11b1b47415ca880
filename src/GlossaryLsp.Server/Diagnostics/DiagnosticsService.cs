// Diagnostics for the snapshot's documents. A background worker keeps one Core WorkspaceDiagnostics
// per folder up to date after the request queue drains (it re-analyses only the changed documents and
// their dependents) and pushes what changed; pull requests read the worker's result for their snapshot
// (waiting for a pass under way rather than analysing twice), or analyse the one document.
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text.Json;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Rules;
using GlossaryLsp.Server.Protocol;
using GlossaryLsp.Server.Workspace;
using LspDiagnostic = GlossaryLsp.Server.Protocol.Diagnostic;

namespace GlossaryLsp.Server.Diagnostics;

/// <summary>A document's diagnostics: the core values (for code actions), the protocol form and a result id naming its content.</summary>
public sealed record DocumentDiagnostics(ImmutableArray<Core.Rules.Diagnostic> Core, IReadOnlyList<LspDiagnostic> Items, string ResultId);

public sealed class DiagnosticsService
{
    private readonly ILspClient _client;
    private readonly ServerLog _log;
    private readonly ServerLifecycle _lifecycle;
    /// <summary>The quiet spell a scheduled pass waits for.</summary>
    private readonly Func<CancellationToken, Task> _waitForQuiet;
    /// <summary>Converted results by (folder, path), valid for the document parse and core result they were made from.</summary>
    private readonly ConcurrentDictionary<(string Root, string Path), Entry> _converted = new();
    /// <summary>The worker's latest analysis per folder root.</summary>
    private readonly ConcurrentDictionary<string, WorkspaceDiagnostics> _analysed = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private (ServerSnapshot Snapshot, CancellationToken Token)? _pending;
    private Task _worker = Task.CompletedTask;
    private CancellationTokenSource _stop = new();
    private (ServerSnapshot Snapshot, TaskCompletionSource Done)? _running;
    /// <summary>Push: what the client last received, by URI (worker only).</summary>
    private readonly Dictionary<string, (string ResultId, int? Version)> _published = new(StringComparer.Ordinal);
    /// <summary>Pull: the result id of each document as the client last pulled it, by URI.</summary>
    private readonly ConcurrentDictionary<string, string> _pulled = new(StringComparer.Ordinal);
    private long _passes;
    /// <summary>The snapshot of the last pass that published (worker only).</summary>
    private ServerSnapshot? _lastPublished;
    /// <summary>Documents whose results may differ from what the client last got (worker only): added by each analysis, removed as they are published, so a cancelled pass leaves the rest to the next one.</summary>
    private readonly HashSet<(string Root, string Path)> _unpublished = [];
    /// <summary>The next pass compares every document (after a full analysis or a folder change).</summary>
    private bool _publishAll = true;

    private sealed record Entry(ParsedDocument Document, GlossaryIndex Index, ImmutableArray<Core.Rules.Diagnostic> Core, DocumentDiagnostics Result);

    internal DiagnosticsService(ILspClient client, ServerLog log, ServerLifecycle lifecycle, Func<CancellationToken, Task>? waitForQuiet)
    {
        _client = client;
        _log = log;
        _lifecycle = lifecycle;
        _waitForQuiet = waitForQuiet ?? (static cancellationToken => Task.Delay(Debounce, cancellationToken));
    }

    /// <summary>How long the queue must have been idle before a background pass starts.</summary>
    internal static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(25);

    /// <summary>Background passes finished.</summary>
    public long CompletedPasses => Interlocked.Read(ref _passes);

    private TaskCompletionSource _nextPass = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the next background pass finishes.</summary>
    public Task NextPass => Volatile.Read(ref _nextPass).Task;

    private long _notificationsSent;

    /// <summary><c>textDocument/publishDiagnostics</c> notifications sent so far (tests wait until they have all arrived).</summary>
    public long NotificationsSent => Interlocked.Read(ref _notificationsSent);

    private async Task SendAsync(PublishDiagnosticsParams diagnostics)
    {
        await _client.NotifyAsync("textDocument/publishDiagnostics", diagnostics).ConfigureAwait(false);
        Interlocked.Increment(ref _notificationsSent);
    }

    /// <summary>
    /// Builds what the next incremental pass needs (after a full analysis, 0.05–0.1 s on 100k terms), so
    /// that the first edit does not; the background work after a load does it (WorkspaceLoading).
    /// </summary>
    internal void PrepareUpdates()
    {
        foreach (var analysed in _analysed.Values) analysed.PrepareUpdate();
    }

    /// <summary>The snapshot version of the last finished background pass.</summary>
    public long LastPassVersion { get; private set; }

    /// <summary>The diagnostics of one document of a snapshot.</summary>
    public DocumentDiagnostics Get(FolderSnapshot folder, ParsedDocument document)
    {
        var key = (folder.RootPath, document.Path);
        if (_converted.TryGetValue(key, out var e) && ReferenceEquals(e.Document, document) && ReferenceEquals(e.Index, folder.Index)) return e.Result;
        ImmutableArray<Core.Rules.Diagnostic> core = _analysed.TryGetValue(folder.RootPath, out var analysed) && ReferenceEquals(analysed.Index, folder.Index)
            ? analysed.Get(document.Path)
            : Analyze(folder.Index, document);
        if (e is not null && ReferenceEquals(e.Document, document) && e.Core == core)
        {
            _converted[key] = e with { Index = folder.Index };
            return e.Result;
        }
        var result = Convert(folder, document, core);
        _converted[key] = new Entry(document, folder.Index, core, result);
        return result;
    }

    public DocumentDiagnostics Get(DocumentSnapshot document) => Get(document.Folder, document.Document);

    /// <summary>Whether the document's results for this snapshot are converted already (tests read it).</summary>
    internal bool IsConverted(FolderSnapshot folder, ParsedDocument document) =>
        _converted.TryGetValue((folder.RootPath, document.Path), out var e) && ReferenceEquals(e.Document, document) && ReferenceEquals(e.Index, folder.Index);

    /// <summary>
    /// A document's diagnostics for the client's pull (<see cref="GetAsync"/>), remembered as what the
    /// client has: a later pass that changes them for another reason than the document's own edit asks
    /// the client to pull again (<c>workspace/diagnostic/refresh</c>).
    /// </summary>
    public async Task<DocumentDiagnostics> PullAsync(DocumentSnapshot document, CancellationToken cancellationToken)
    {
        var result = await GetAsync(document, cancellationToken).ConfigureAwait(false);
        _pulled[document.Uri] = result.ResultId;
        return result;
    }

    /// <inheritdoc cref="PullAsync"/>
    public DocumentDiagnostics Pull(DocumentSnapshot document)
    {
        var result = Get(document);
        _pulled[document.Uri] = result.ResultId;
        return result;
    }

    /// <summary>Like <see cref="Get(DocumentSnapshot)"/>, but waits for a background pass over the same snapshot instead of analysing twice.</summary>
    public async Task<DocumentDiagnostics> GetAsync(DocumentSnapshot document, CancellationToken cancellationToken)
    {
        var running = _running;
        if (running is { } r && !(_analysed.TryGetValue(document.Folder.RootPath, out var a) && ReferenceEquals(a.Index, document.Index))
            && r.Snapshot.Folders.Any(f => ReferenceEquals(f.Index, document.Index)))
            await r.Done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        return Get(document);
    }

    private ImmutableArray<Core.Rules.Diagnostic> Analyze(GlossaryIndex index, ParsedDocument document)
    {
        try
        {
            return DocumentAnalyzer.Analyze(index, document);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _log.Error($"analysing {document.Path} failed: {e}");
            return [];
        }
    }

    private DocumentDiagnostics Convert(FolderSnapshot folder, ParsedDocument document, ImmutableArray<Core.Rules.Diagnostic> core)
    {
        if (document.LoadProblem is { } problem)
        {
            IReadOnlyList<LspDiagnostic> one = [ProtocolConversions.ToLoadProblemDiagnostic(problem)];
            return new DocumentDiagnostics([], one, ResultIdOf(one));
        }
        var conversions = _lifecycle.Session.Conversions;
        var items = new LspDiagnostic[core.Length];
        for (int i = 0; i < core.Length; i++) items[i] = conversions.ToDiagnostic(folder, document, core[i]);
        return new DocumentDiagnostics(core, items, ResultIdOf(items));
    }

    private static string ResultIdOf(IReadOnlyList<LspDiagnostic> items)
    {
        if (items.Count == 0) return "0";
        var bytes = JsonSerializer.SerializeToUtf8Bytes(items, LspJson.Options);
        return System.Convert.ToHexString(SHA256.HashData(bytes), 0, 12);
    }

    /// <summary>Schedules a background pass over the snapshot; a newer snapshot supersedes one not yet started.</summary>
    internal void Schedule(ServerSnapshot snapshot)
    {
        lock (_gate)
        {
            _stop.Cancel(); // publishing an older snapshot's results is wasted work now
            _stop = new CancellationTokenSource();
            _pending = (snapshot, _stop.Token);
            _worker = _worker.IsCompleted ? Task.Run(WorkAsync) : _worker.ContinueWith(_ => WorkAsync(), TaskScheduler.Default).Unwrap();
        }
    }

    internal void Stop()
    {
        lock (_gate)
        {
            _pending = null;
            _stop.Cancel();
        }
    }

    private async Task WorkAsync()
    {
        ServerSnapshot snapshot;
        CancellationToken cancellationToken;
        lock (_gate)
        {
            if (_pending is not { } pending) return;
            (snapshot, cancellationToken) = pending;
        }
        // A pass waits for a short quiet spell: while the client types and asks (didChange, then
        // completion at once) it would take the CPU the answers need; a newer snapshot supersedes it.
        // Pull requests meanwhile analyse their own document.
        try
        {
            await _waitForQuiet(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        lock (_gate)
        {
            // Scheduled again since (a newer snapshot, or the same one after a mutation that changed
            // nothing, e.g. didSave): the worker chained by that call runs it with its own token. Going on
            // here with the cancelled token would drop the pass, and the chained worker would find nothing pending.
            if (cancellationToken.IsCancellationRequested || _pending is not { } pending || !ReferenceEquals(pending.Snapshot, snapshot)) return;
            _pending = null;
        }
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _running = (snapshot, done);
        bool completed = false;
        try
        {
            var changed = Analyse(snapshot);
            done.TrySetResult();
            // Compared with the last pass that finished publishing (a cancelled pass may have sent only part).
            bool indexChanged = _lastPublished is not { } last || last.Folders.Length != snapshot.Folders.Length
                || !last.Folders.Zip(snapshot.Folders).All(p => p.First.RootPath == p.Second.RootPath && ReferenceEquals(p.First.Index, p.Second.Index));
            await PublishAsync(snapshot, changed, indexChanged, cancellationToken).ConfigureAwait(false);
            _lastPublished = snapshot;
            completed = true;
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            _log.Error($"diagnostics pass failed: {e}");
        }
        finally
        {
            done.TrySetResult();
            _running = null;
            if (completed)
            {
                Interlocked.Increment(ref _passes);
                Interlocked.Exchange(ref _nextPass, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
                lock (_gate) LastPassVersion = Math.Max(LastPassVersion, snapshot.Version);
            }
        }
        if (completed && _lifecycle.Session.Features.PullDiagnostics) ConvertOpenDocuments(snapshot, cancellationToken);
    }

    /// <summary>
    /// Pull mode: converts the open documents' results ahead of the client's pulls, on this worker's
    /// thread while the request threads answer them (a client pulls what it has open; after a load with
    /// every file open, 1,000 pulls arrive at once and each converted its own). A newer pass stops it.
    /// </summary>
    private void ConvertOpenDocuments(ServerSnapshot snapshot, CancellationToken cancellationToken)
    {
        foreach (var folder in snapshot.Folders)
            foreach (var path in folder.OpenDocuments.Keys.Order(StringComparer.Ordinal))
            {
                if (cancellationToken.IsCancellationRequested) return;
                if (folder.Index.GetDocument(path) is { } document) Get(folder, document);
            }
    }

    /// <summary>Brings each folder's analysis to the snapshot: incrementally from the previous one where possible.</summary>
    /// <returns>The documents whose text changed since the previous pass (their own edits; any other change of results is cross-file).</returns>
    private HashSet<(string Root, string Path)> Analyse(ServerSnapshot snapshot)
    {
        var changedDocuments = new HashSet<(string Root, string Path)>();
        foreach (var folder in snapshot.Folders)
        {
            var index = folder.Index;
            if (_analysed.TryGetValue(folder.RootPath, out var previous))
            {
                if (ReferenceEquals(previous.Index, index)) continue;
                var changed = WorkspaceDiagnostics.ChangedPaths(previous.Index, index);
                foreach (var path in changed) changedDocuments.Add((folder.RootPath, path));
                var next = previous.Update(index, changed);
                _analysed[folder.RootPath] = next;
                // Only these documents' results can differ from the previous pass's.
                foreach (var path in changed.Concat(next.Reanalysed).Concat(next.Moved)) _unpublished.Add((folder.RootPath, path));
            }
            else
            {
                _analysed[folder.RootPath] = WorkspaceDiagnostics.Create(index);
                _publishAll = true;
            }
        }
        foreach (var root in _analysed.Keys.Where(r => snapshot.Folders.All(f => f.RootPath != r)).ToList())
        {
            _analysed.TryRemove(root, out _);
            _publishAll = true;
        }
        return changedDocuments;
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
                if (_published.TryGetValue(open.Uri, out var last) && last.Version != open.Version && folder.Index.GetDocument(open.Path) is { } doc && seen.Add((folder.RootPath, open.Path)))
                    result.Add(new DocumentSnapshot(folder, open.Uri, doc));
        }
        if (_unpublished.Any(k => snapshot.Folders.All(f => f.RootPath != k.Root))) sweep = true;
        return result;
    }

    private async Task PublishAsync(ServerSnapshot snapshot, HashSet<(string Root, string Path)> changedDocuments, bool anyIndexChanged, CancellationToken cancellationToken)
    {
        bool push = !_lifecycle.Session.Features.PullDiagnostics;
        if (!anyIndexChanged)
        {
            // Only open documents' versions can have changed (e.g. a document opened as it is on disk).
            if (!push) return;
            foreach (var doc in snapshot.Folders.SelectMany(f => f.OpenDocuments.Values.Select(o => (f, o))))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!_published.TryGetValue(doc.o.Uri, out var last) || last.Version == doc.o.Version || doc.f.Index.GetDocument(doc.o.Path) is not { } parsed) continue;
                var result = Get(doc.f, parsed);
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
                // Only a document the client has pulled can be stale there, and one whose own text changed
                // it pulls again by itself; nothing is converted for the others (after a load: all of them,
                // while the client's pulls want the CPU).
                if (!refresh && _pulled.TryGetValue(doc.Uri, out var pulled) && (version is null || !changedDocuments.Contains((doc.Folder.RootPath, doc.Path)))
                    && Get(doc).ResultId != pulled)
                    refresh = true;
                continue;
            }
            var result = Get(doc);
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
            foreach (var gone in _pulled.Keys.Where(u => !live.Contains(u)).ToList())
            {
                _pulled.TryRemove(gone, out _);
                refresh = true;
            }
            var liveKeys = every.Select(d => (d.Folder.RootPath, d.Path)).ToHashSet();
            foreach (var key in _converted.Keys.Where(k => !liveKeys.Contains(k)).ToList()) _converted.TryRemove(key, out _);
            _unpublished.Clear();
            _publishAll = false;
        }
        if (!push && refresh && _lifecycle.Session.Features.DiagnosticRefresh)
        {
            try
            {
                await _client.RequestAsync<JsonElement?>("workspace/diagnostic/refresh", null, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _log.Warning($"workspace/diagnostic/refresh: {e.Message}");
            }
        }
    }
}
