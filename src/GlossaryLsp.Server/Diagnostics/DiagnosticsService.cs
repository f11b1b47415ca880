// Diagnostics for the snapshot's documents: computed on demand (pull) or by a background worker after
// the request queue drains (push, and cache warming in pull mode). The core diagnostics of each folder
// are a WorkspaceDiagnostics kept up to date incrementally: after an edit only the edited document and
// the documents that depend on what changed (links to it, duplicates of its entry words, …) are
// analysed again. Protocol results are cached per document and core result.
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text.Json;
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
    private readonly LanguageServer _server;
    private readonly ConcurrentDictionary<(string Root, string Path), Entry> _cache = new();
    private readonly object _gate = new();
    private ServerSnapshot? _pending;
    private Task _worker = Task.CompletedTask;
    private CancellationTokenSource _stop = new();
    /// <summary>What the client last received (push) or saw (pull), by URI.</summary>
    private readonly Dictionary<string, (string ResultId, int? Version, ParsedDocument Document)> _published = new(StringComparer.Ordinal);
    private long _passes;

    private sealed record Entry(ParsedDocument Document, ImmutableArray<Core.Rules.Diagnostic> Core, DocumentDiagnostics Result);
    /// <summary>Per folder root: the core diagnostics of the last snapshot asked for, updated incrementally.</summary>
    private readonly Dictionary<string, WorkspaceDiagnostics> _core = new(StringComparer.Ordinal);

    internal DiagnosticsService(LanguageServer server) => _server = server;

    /// <summary>Background passes finished (tests wait on it).</summary>
    public long CompletedPasses => Interlocked.Read(ref _passes);

    /// <summary>The snapshot version of the last finished background pass.</summary>
    public long LastPassVersion { get; private set; }

    /// <summary>Raised after every background pass (tests wait on it).</summary>
    internal event Action<ServerSnapshot>? PassCompleted;

    /// <summary>The diagnostics of one document of a snapshot (cached).</summary>
    public DocumentDiagnostics Get(FolderSnapshot folder, ParsedDocument document)
    {
        var key = (folder.RootPath, document.Path);
        ImmutableArray<Core.Rules.Diagnostic>? core = null;
        if (document.LoadProblem is null && ReferenceEquals(folder.Index.GetDocument(document.Path), document))
        {
            try { core = CoreFor(folder).Get(document.Path); }
            catch (Exception ex) when (ex is not OperationCanceledException) { _server.Log.Error($"incremental analysis failed: {ex}"); }
        }
        if (core is { } c && _cache.TryGetValue(key, out var e) && ReferenceEquals(e.Document, document) && e.Core == c) return e.Result;
        var result = Compute(folder, document, core);
        if (core is not null) _cache[key] = new Entry(document, core.Value, result);
        return result;
    }

    /// <summary>The folder's core diagnostics for this snapshot: the previous ones updated (only dependents re-analysed).</summary>
    private WorkspaceDiagnostics CoreFor(FolderSnapshot folder)
    {
        lock (_core)
        {
            if (_core.TryGetValue(folder.RootPath, out var current) && ReferenceEquals(current.Index, folder.Index)) return current;
            current = current is null ? WorkspaceDiagnostics.Create(folder.Index) : current.Update(folder.Index);
            _core[folder.RootPath] = current;
            return current;
        }
    }

    public DocumentDiagnostics Get(DocumentSnapshot document) => Get(document.Folder, document.Document);

    private DocumentDiagnostics Compute(FolderSnapshot folder, ParsedDocument document, ImmutableArray<Core.Rules.Diagnostic>? known)
    {
        var conversions = _server.Conversions;
        if (document.LoadProblem is { } problem)
        {
            IReadOnlyList<LspDiagnostic> one = [ProtocolConversions.ToLoadProblemDiagnostic(problem)];
            return new DocumentDiagnostics([], one, ResultIdOf(one));
        }
        ImmutableArray<Core.Rules.Diagnostic> core;
        try
        {
            core = known ?? DocumentAnalyzer.Analyze(folder.Index, document);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _server.Log.Error($"analysing {document.Path} failed: {e}");
            IReadOnlyList<LspDiagnostic> failure = [ProtocolConversions.ToLoadProblemDiagnostic(new LoadProblem($"analysis failed ({e.GetType().Name}: {e.Message})"))];
            return new DocumentDiagnostics([], failure, ResultIdOf(failure));
        }
        var items = core.Select(d => conversions.ToDiagnostic(folder, document, d)).ToArray();
        return new DocumentDiagnostics(core, items, ResultIdOf(items));
    }

    private static string ResultIdOf(IReadOnlyList<LspDiagnostic> items)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(items, LspJson.Options);
        return Convert.ToHexString(SHA256.HashData(bytes), 0, 12);
    }

    /// <summary>Schedules a background pass over the snapshot; a newer snapshot supersedes one not yet finished.</summary>
    internal void Schedule(ServerSnapshot snapshot)
    {
        lock (_gate)
        {
            _pending = snapshot;
            _stop.Cancel(); // a pass over an older snapshot is wasted work now
            _stop = new CancellationTokenSource();
            var token = _stop.Token;
            if (_worker.IsCompleted) _worker = Task.Run(() => WorkAsync(token));
            else _worker = _worker.ContinueWith(_ => WorkAsync(token), TaskScheduler.Default).Unwrap();
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

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        ServerSnapshot? snapshot;
        lock (_gate)
        {
            snapshot = _pending;
            _pending = null;
        }
        if (snapshot is null || cancellationToken.IsCancellationRequested) return;
        try
        {
            await PassAsync(snapshot, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        catch (Exception e)
        {
            _server.Log.Error($"diagnostics pass failed: {e}");
        }
        Interlocked.Increment(ref _passes);
        lock (_gate) LastPassVersion = Math.Max(LastPassVersion, snapshot.Version);
        PassCompleted?.Invoke(snapshot);
    }

    private async Task PassAsync(ServerSnapshot snapshot, CancellationToken cancellationToken)
    {
        // Open documents first: the one being edited gets its diagnostics before a full re-analysis finishes.
        var all = snapshot.AllDocuments().ToList();
        var ordered = all.Where(d => d.Version is not null).Concat(all.Where(d => d.Version is null)).ToList();
        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) };
        bool push = !_server.ClientFeatures.PullDiagnostics;
        bool first = _published.Count == 0;
        bool refresh = false;
        const int Chunk = 64;
        for (int start = 0; start < ordered.Count; start += Chunk)
        {
            var chunk = ordered.GetRange(start, Math.Min(Chunk, ordered.Count - start));
            var results = new DocumentDiagnostics[chunk.Count];
            Parallel.For(0, chunk.Count, options, i => results[i] = Get(chunk[i]));
            for (int i = 0; i < chunk.Count; i++)
            {
                var doc = chunk[i];
                var result = results[i];
                var version = doc.Version;
                // An open document's new version is published even when its diagnostics did not change (editors drop stale versions).
                if (_published.TryGetValue(doc.Uri, out var last) && last.ResultId == result.ResultId && (!push || last.Version == version)) continue;
                // In pull mode the client re-pulls the document it edits by itself; a change elsewhere needs a refresh.
                if (!first && last.ResultId != result.ResultId && (version is null || (last.Document is not null && ReferenceEquals(last.Document, doc.Document)))) refresh = true;
                _published[doc.Uri] = (result.ResultId, version, doc.Document);
                if (push)
                    await _server.Client.NotifyAsync("textDocument/publishDiagnostics", new PublishDiagnosticsParams
                    {
                        Uri = doc.Uri,
                        Version = version,
                        Diagnostics = result.Items,
                    }).ConfigureAwait(false);
            }
        }
        // Documents gone from the workspace: clear what the client shows for them.
        var live = all.Select(d => d.Uri).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in _published.Keys.Where(u => !live.Contains(u)).ToList())
        {
            _published.Remove(gone);
            refresh = true;
            if (push)
                await _server.Client.NotifyAsync("textDocument/publishDiagnostics", new PublishDiagnosticsParams { Uri = gone, Diagnostics = [] }).ConfigureAwait(false);
        }
        var liveKeys = all.Select(d => (d.Folder.RootPath, d.Path)).ToHashSet();
        foreach (var key in _cache.Keys.Where(k => !liveKeys.Contains(k)).ToList())
            _cache.TryRemove(key, out _);
        if (!push && refresh && _server.ClientFeatures.DiagnosticRefresh)
        {
            try
            {
                await _server.Client.RequestAsync<JsonElement?>("workspace/diagnostic/refresh", null, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _server.Log.Debug($"workspace/diagnostic/refresh: {e.Message}");
            }
        }
    }
}
