using System.Runtime;
using System.Text;
using System.Text.Json;
using GlossaryLsp.Core.Features;
using GlossaryLsp.Core.Linking;
using GlossaryLsp.Core.Workspace;
using GlossaryLsp.Server.Protocol;

namespace GlossaryLsp.Server.Workspace;

/// <summary>
/// The background work after a load, on a lowest-priority thread, after the first diagnostics pass.
/// First what typing needs: the sorted entry words, one completion per context and one hover run
/// through the real deserialization, handler and serialization on a private copy of a document no
/// reader sees, and what the next diagnostics pass needs. Then, once no message has arrived for
/// <see cref="ServerOptions.QuietBeforeBackgroundWork"/>, what would pause the answers: one compacting
/// collection, the mention automaton (a request that needs it earlier builds it itself), and when the
/// client shows code lenses the usage table their first resolve would make (<see cref="PrepareUsage"/>).
/// Why: see docs/PERFORMANCE.md, "Hover and completion are ready before they are asked for" and issue 16.
/// </summary>
internal sealed class RequestWarmUp(LanguageServer server)
{
    private int _completed;
    /// <summary>The snapshot whose usage table is being made, and what stops that when a newer one arrives.</summary>
    private UsageBuild? _usage;

    /// <summary>Warm-ups that ran to their end (tests wait for them).</summary>
    public int Completed => Volatile.Read(ref _completed);

    /// <summary>Starts the warm-up after a load of <paramref name="snapshot"/>; returns at once.</summary>
    public void AfterLoad(ServerSnapshot snapshot)
    {
        // A server that stops does none of it, and lets go of the snapshot at once rather than after the 10 s.
        _ = Task.WhenAny(server.Diagnostics.NextPass, Task.Delay(TimeSpan.FromSeconds(10), server.Stopping))
            .ContinueWith(_ => LowPriority.Run("glossary warm-up", () =>
            {
                if (server.Stopping.IsCancellationRequested) return;
                PrepareRequests(snapshot);
                if (server.Stopping.IsCancellationRequested) return;
                server.Diagnostics.PrepareUpdates();
                if (!WaitForQuiet()) return;
                Compact();
                PrepareMentions();
                PrepareUsage();
                Interlocked.Increment(ref _completed);
            }), TaskScheduler.Default).Unwrap()
            .ContinueWith(t => server.Log.Error($"preparing hover and completion failed: {t.Exception!.InnerException}"),
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    /// <summary>A newer snapshot than the one whose usage table is being made stops that build (queue thread).</summary>
    public void SnapshotChanged(ServerSnapshot snapshot)
    {
        if (Volatile.Read(ref _usage) is { } building && !ReferenceEquals(building.Snapshot, snapshot)) Stop(building.Stop);
    }

    private static void Stop(CancellationTokenSource stop)
    {
        try { stop.Cancel(); }
        catch (ObjectDisposedException) { }
    }

    private static JsonElement Params(string uri, Position position, object? context) =>
        JsonSerializer.SerializeToElement(new { textDocument = new { uri }, position, context }, LspJson.Options);

    private static string Relative(string from, string to) =>
        Path.GetRelativePath(Path.GetDirectoryName(from) is { Length: > 0 } d ? d : ".", to).Replace('\\', '/');

    /// <summary>The sorted entry words, and one of each request completion and hover make.</summary>
    private void PrepareRequests(ServerSnapshot snapshot)
    {
        foreach (var folder in snapshot.Folders) _ = folder.Index.EntryWords;
        try
        {
            RunRequests(snapshot);
        }
        catch (Exception e)
        {
            server.Log.Error($"preparing hover and completion failed: {e}");
        }
    }

    /// <summary>The mention automaton of the latest snapshot (edits since the load have their own entry words).</summary>
    private void PrepareMentions()
    {
        foreach (var folder in server.Queue.LastSnapshot.Folders) MentionScanner.Prepare(folder.Index);
    }

    /// <summary>
    /// The usage table of the latest snapshot, when the client shows code lenses (else nothing needs it
    /// so soon): made one document after the other on this thread, stopped by a newer snapshot (then
    /// tried again on that one after a quiet spell) or by a request that makes it first.
    /// </summary>
    private void PrepareUsage()
    {
        while (server.Lifecycle.Session.Features.CodeLens || server.Views.AreLensesShown)
        {
            var snapshot = server.Queue.LastSnapshot;
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(server.Stopping);
            Volatile.Write(ref _usage, new UsageBuild(snapshot, stop));
            bool made = false;
            try
            {
                // A snapshot that arrived before the line above found nothing to stop.
                if (ReferenceEquals(server.Queue.LastSnapshot, snapshot))
                    made = snapshot.Folders.All(f => UsageScanner.TryPrepare(f.Index, stop.Token));
            }
            finally
            {
                Volatile.Write(ref _usage, null);
            }
            if (made) server.Log.Info("made the usage table for code lenses");
            if (made || !WaitForQuiet()) return;
        }
    }

    /// <summary>Sleeps until no message has arrived for the quiet spell; false when the server stops first.</summary>
    private bool WaitForQuiet()
    {
        while (!server.Stopping.IsCancellationRequested)
        {
            var left = server.Options.QuietBeforeBackgroundWork - server.Queue.Quiet;
            if (left <= TimeSpan.Zero) return true;
            try
            {
                Task.Delay(left, server.Options.Clock, server.Stopping).Wait();
            }
            catch (AggregateException) when (server.Stopping.IsCancellationRequested)
            {
                return false;
            }
        }
        return false;
    }

    /// <summary>
    /// One compacting collection after a load: parsing every document and the first pass leave garbage
    /// and free space between the objects that stay, and the process would grow from there with every edit.
    /// </summary>
    private void Compact()
    {
        long before = Environment.WorkingSet, pause = GC.GetTotalPauseDuration().Ticks;
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var paused = TimeSpan.FromTicks(GC.GetTotalPauseDuration().Ticks - pause);
        server.Log.Info($"compacted the heap after loading: {before >> 20} → {Environment.WorkingSet >> 20} MB of memory, "
                        + $"{GC.GetTotalMemory(false) >> 20} MB live, in {paused.TotalMilliseconds:0} ms");
    }

    private void RunRequests(ServerSnapshot snapshot)
    {
        // A document with terms, and another readable one to link to (itself when there is none).
        var (folder, source) = snapshot.Folders
            .Select(f => (Folder: f, Document: f.Index.Documents.Values.FirstOrDefault(d => d.LoadProblem is null && d.Terms.Length > 0)))
            .FirstOrDefault(x => x.Document is not null);
        if (source is null) return;
        var other = folder.Index.Documents.Values.FirstOrDefault(d => d.LoadProblem is null && d.Path != source.Path) ?? source;
        var term = source.Terms[0];
        // One line per completion context: a path, a fragment of this document and of another, a term link, a typed term prefix.
        var contexts = new[]
        {
            "- [x](", "- [x](#", $"- [x]({Relative(source.Path, other.Path)}#", "- [[", "- <a href=\"", "- " + string.Concat(term.Headword.EnumerateRunes().Take(2)),
        };
        var text = new StringBuilder(source.Text);
        if (!source.Text.EndsWith('\n')) text.Append('\n');
        // A link to the term, for the hover: on the term's own name it would count its uses, a scan of every document.
        text.Append("\n[x](").Append(term.Anchor is { } anchor ? "#" + anchor : Relative(source.Path, source.Path)).Append(")\n");
        int linkAt = text.Length - 3;
        text.Append('\n');
        var ends = new List<int>();
        foreach (var line in contexts)
        {
            text.Append(line);
            ends.Add(text.Length);
            text.Append('\n');
        }
        var copy = WorkspaceLoader.ParseText(source.Path, text.ToString(), folder.Index.Config);
        var warmFolder = new FolderSnapshot(folder.Name, folder.RootPath, folder.Index.WithDocument(copy), folder.OpenDocuments, folder.DefinitionsEpoch);
        var warm = new ServerSnapshot(snapshot.Folders.Replace(folder, warmFolder), snapshot.Version);
        var uri = warmFolder.GetUri(source.Path);

        var conversions = server.Lifecycle.Session.Conversions;
        foreach (var end in ends)
            Invoke(warm, "textDocument/completion", Params(uri, conversions.ToPosition(copy, end), new { triggerKind = 1 }));
        Invoke(warm, "textDocument/hover", Params(uri, conversions.ToPosition(copy, linkAt), null));
    }

    private void Invoke(ServerSnapshot snapshot, string method, JsonElement json)
    {
        if (server.Handlers.FirstOrDefault(h => h.Method == method) is not { } handler) return;
        var result = handler.Invoke(handler.DeserializeParams(json), new RequestContext(server, snapshot, method), CancellationToken.None).GetAwaiter().GetResult();
        JsonSerializer.SerializeToUtf8Bytes(result, server.WireOptions);
        if (result is CompletionList { Items: [var first, ..] } && server.Handlers.FirstOrDefault(h => h.Method == "completionItem/resolve") is { } resolve)
        {
            // The item as the client sends it back: its data read as JSON.
            var sent = resolve.DeserializeParams(JsonSerializer.SerializeToElement(first, server.WireOptions));
            var resolved = resolve.Invoke(sent, new RequestContext(server, snapshot, resolve.Method), CancellationToken.None).GetAwaiter().GetResult();
            JsonSerializer.SerializeToUtf8Bytes(resolved, server.WireOptions);
        }
    }

    private sealed record UsageBuild(ServerSnapshot Snapshot, CancellationTokenSource Stop);
}
