using GlossaryLsp.Server.Protocol;

namespace GlossaryLsp.Server.Workspace;

/// <summary>
/// The <c>glossary/status</c> notification: "indexing" while folders load, then "ready" with the
/// numbers of documents and terms, sent again whenever they change. Queue thread only.
/// </summary>
internal sealed class StatusNotifier(ILspClient client)
{
    private (int Files, int Terms)? _sent;

    public static (int Files, int Terms) Count(ServerSnapshot snapshot) =>
        (snapshot.Folders.Sum(f => f.Index.Documents.Count), snapshot.Folders.Sum(f => f.Index.TermCount));

    public Task IndexingAsync() => client.NotifyAsync("glossary/status", new GlossaryStatusParams("indexing", 0, 0));

    public Task ReadyAsync(ServerSnapshot snapshot)
    {
        var (files, terms) = Count(snapshot);
        _sent = (files, terms);
        return client.NotifyAsync("glossary/status", new GlossaryStatusParams("ready", files, terms));
    }

    /// <summary>After a load has reported "ready": the counts again when they changed.</summary>
    public void Changed(ServerSnapshot snapshot)
    {
        if (_sent is not { } sent || Count(snapshot) == sent) return;
        _ = ReadyAsync(snapshot);
    }
}
