using GlossaryLsp.Core.Config;
using GlossaryLsp.Server.Protocol;

namespace GlossaryLsp.Server.Workspace;

/// <summary>Reads the workspace folders from disk with <c>$/progress</c> work-done progress and the <c>glossary/status</c> notification.</summary>
internal sealed class WorkspaceLoading(LanguageServer server)
{
    /// <summary>Reads the folders not read yet (on the queue: the messages after it wait), then starts the background work after a load.</summary>
    public async Task LoadAsync(string title)
    {
        var started = DateTime.UtcNow;
        await server.Status.IndexingAsync().ConfigureAwait(false);
        var progress = new LoadProgress();
        var reporting = server.Lifecycle.Session.Features.WorkDoneProgress ? Task.Run(() => ReportAsync(title, progress)) : Task.CompletedTask;
        try
        {
            server.State.LoadFolders(progress, CancellationToken.None, ShowBadConfig);
        }
        finally
        {
            progress.Done = true;
        }
        var snapshot = server.State.Snapshot();
        var (files, terms) = StatusNotifier.Count(snapshot);
        server.Log.Info($"indexed {files} documents, {terms} terms in {(DateTime.UtcNow - started).TotalMilliseconds:0} ms");
        await server.Status.ReadyAsync(snapshot).ConfigureAwait(false);
        _ = reporting;
        server.WarmUp.AfterLoad(snapshot);
    }

    public void ShowBadConfig(ConfigException e)
    {
        var message = $"{Path.GetFileName(e.File)}:{e.Line}: {(e.Key is null ? "" : $"'{e.Key}': ")}{e.Reason} (the previous configuration stays in effect)";
        server.Log.Error(message);
        _ = server.Client.ShowMessageAsync(MessageType.Error, $"Glossary: {message}");
    }

    private async Task ReportAsync(string title, LoadProgress progress)
    {
        var token = $"glossary-index-{Guid.NewGuid():N}";
        try
        {
            await server.Client.RequestAsync<object>("window/workDoneProgress/create", new WorkDoneProgressCreateParams(token), CancellationToken.None)
                .WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            var begin = new WorkDoneProgressBegin { Title = title, Cancellable = false, Percentage = 0 };
            await server.Client.NotifyAsync("$/progress", new ProgressParams<WorkDoneProgressBegin>(token, begin)).ConfigureAwait(false);
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
}
