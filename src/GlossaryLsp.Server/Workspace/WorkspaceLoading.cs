using System.Runtime;
using GlossaryLsp.Core.Config;
using GlossaryLsp.Server.Protocol;

namespace GlossaryLsp.Server.Workspace;

/// <summary>Reads the workspace folders from disk with <c>$/progress</c> work-done progress and the <c>glossary/status</c> notification.</summary>
internal static class WorkspaceLoading
{
    public static async Task LoadAsync(LanguageServer server, string title)
    {
        var started = DateTime.UtcNow;
        await server.Client.NotifyAsync("glossary/status", new GlossaryStatusParams("indexing", 0, 0)).ConfigureAwait(false);
        var progress = new LoadProgress();
        var reporting = server.ClientFeatures.WorkDoneProgress ? Task.Run(() => ReportAsync(server, title, progress)) : Task.CompletedTask;
        try
        {
            server.State.LoadFolders(progress, CancellationToken.None, e => ShowBadConfig(server, e));
        }
        finally
        {
            progress.Done = true;
        }
        var snapshot = server.State.Snapshot();
        int files = snapshot.Folders.Sum(f => f.Index.Documents.Count), terms = snapshot.Folders.Sum(f => f.Index.TermCount);
        server.Log.Info($"indexed {files} documents, {terms} terms in {(DateTime.UtcNow - started).TotalMilliseconds:0} ms");
        await server.Client.NotifyAsync("glossary/status", new GlossaryStatusParams("ready", files, terms)).ConfigureAwait(false);
        server.LastStatus = (files, terms);
        _ = reporting;
        // Once the first diagnostics pass is done (both want both cores; the pass comes first), on a thread
        // of the lowest priority, so that it takes only the CPU the answers leave: prepare hover and
        // completion (RequestWarmUp) rather than in the first requests, and the next pass rather than in
        // the first edit; once the author pauses, return the garbage of the load and build the mention automaton.
        _ = Task.WhenAny(server.Diagnostics.NextPass, Task.Delay(TimeSpan.FromSeconds(10)))
            .ContinueWith(_ => LowPriority.Run("glossary warm-up", () =>
            {
                RequestWarmUp.PrepareRequests(server, snapshot);
                server.Diagnostics.PrepareUpdates();
                // The rest waits until no message has come for a while (the author pauses), not
                // to pause or slow the answers: the client is usually still pulling diagnostics.
                if (!RequestWarmUp.WaitForQuiet(server)) return;
                Compact(server);
                RequestWarmUp.PrepareMentions(server);
                Interlocked.Increment(ref server.WarmUpsDone);
            }), TaskScheduler.Default).Unwrap()
            .ContinueWith(t => server.Log.Error($"preparing hover and completion failed: {t.Exception!.InnerException}"),
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    /// <summary>
    /// One compacting collection after a load. Parsing every document and the first pass leave garbage
    /// and free space between the objects that stay (on 1,000 × 100: 266 MB live in 460–510 MB of
    /// memory, 345 MB after); without it the process grew from there with every edit. A pause of 0.1–0.25 s,
    /// once per load.
    /// </summary>
    private static void Compact(LanguageServer server)
    {
        long before = Environment.WorkingSet, pause = GC.GetTotalPauseDuration().Ticks;
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        server.Log.Info($"compacted the heap after loading: {before >> 20} → {Environment.WorkingSet >> 20} MB of memory, {GC.GetTotalMemory(false) >> 20} MB live, in {TimeSpan.FromTicks(GC.GetTotalPauseDuration().Ticks - pause).TotalMilliseconds:0} ms");
    }

    public static void ShowBadConfig(LanguageServer server, ConfigException e)
    {
        var message = $"{Path.GetFileName(e.File)}:{e.Line}: {(e.Key is null ? "" : $"'{e.Key}': ")}{e.Reason} (the previous configuration stays in effect)";
        server.Log.Error(message);
        _ = server.Client.ShowMessageAsync(MessageType.Error, $"Glossary: {message}");
    }

    private sealed class LoadProgress : IProgress<(int Done, int Total)>
    {
        public volatile bool Done;
        public int Count, Total;
        public void Report((int Done, int Total) value)
        {
            Volatile.Write(ref Count, value.Done);
            Volatile.Write(ref Total, value.Total);
        }
    }

    private static async Task ReportAsync(LanguageServer server, string title, LoadProgress progress)
    {
        var token = $"glossary-index-{Guid.NewGuid():N}";
        try
        {
            await server.Client.RequestAsync<object>("window/workDoneProgress/create", new WorkDoneProgressCreateParams(token), CancellationToken.None)
                .WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            await server.Client.NotifyAsync("$/progress", new ProgressParams<WorkDoneProgressBegin>(token, new WorkDoneProgressBegin { Title = title, Cancellable = false, Percentage = 0 })).ConfigureAwait(false);
            int last = -1;
            while (!progress.Done)
            {
                int count = Volatile.Read(ref progress.Count), total = Volatile.Read(ref progress.Total);
                if (count != last && total > 0)
                {
                    last = count;
                    await server.Client.NotifyAsync("$/progress", new ProgressParams<WorkDoneProgressReport>(token,
                        new WorkDoneProgressReport { Message = $"{count}/{total} files", Percentage = (int)(100L * count / total) })).ConfigureAwait(false);
                }
                await Task.Delay(100).ConfigureAwait(false);
            }
            await server.Client.NotifyAsync("$/progress", new ProgressParams<WorkDoneProgressEnd>(token, new WorkDoneProgressEnd { Message = "ready" })).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            server.Log.Debug($"work-done progress: {e.Message}");
        }
    }
}
