using System.Collections.Immutable;
using System.Text.Json;
using GlossaryLsp.Core.Config;

namespace GlossaryLsp.Server.Workspace;

/// <summary>
/// Asks the client to request again what it shows of documents it did not edit: semantic tokens and
/// reading hints depend on the definitions of other documents, so they are refreshed whenever a folder's
/// definitions change (<see cref="FolderSnapshot.DefinitionsEpoch"/>), or its configuration (the
/// reading hint mode), or the folders do. Queue thread only.
/// </summary>
internal sealed class ViewRefresher(ILspClient client, ServerLifecycle lifecycle, ServerLog log)
{
    private ImmutableArray<(string Root, int Epoch, ReadingHintMode Hints)> _seen = [];

    public void Changed(ServerSnapshot snapshot)
    {
        var epochs = snapshot.Folders.Select(f => (f.RootPath, f.DefinitionsEpoch, f.Index.Config.ReadingHints)).ToImmutableArray();
        if (epochs.SequenceEqual(_seen)) return;
        _seen = epochs;
        if (lifecycle.Session.Features.SemanticTokensRefresh) Refresh("workspace/semanticTokens/refresh");
        if (lifecycle.Session.Features.InlayHintRefresh) Refresh("workspace/inlayHint/refresh");
    }

    private void Refresh(string method) =>
        _ = client.RequestAsync<JsonElement?>(method, null, CancellationToken.None)
            .ContinueWith(t => log.Warning($"{method}: {t.Exception?.GetBaseException().Message}"), CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
}
