using System.Collections.Immutable;
using System.Text.Json;
using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Features;

namespace GlossaryLsp.Server.Workspace;

/// <summary>
/// Asks the client to request again what it shows of documents it did not edit: semantic tokens and
/// reading hints depend on the definitions of other documents, so they are refreshed whenever a folder's
/// definitions change (<see cref="FolderSnapshot.DefinitionsEpoch"/>), or its configuration (the
/// reading hint mode), or the folders do. Code lenses count the uses of terms in every document, so once
/// the client has asked for lenses they are refreshed whenever a folder's usage table changes
/// (<see cref="TermUsageService.UsageVersion"/>), checked off the queue after a short quiet spell since the
/// table may have to be made. <see cref="Changed"/> runs on the queue thread.
/// </summary>
internal sealed class ViewRefresher(ILspClient client, ServerLifecycle lifecycle, ServerLog log)
{
    /// <summary>How long typing must pause before the usage is compared (a newer snapshot supersedes an older one).</summary>
    private static readonly TimeSpan LensDebounce = TimeSpan.FromMilliseconds(150);

    private readonly object _lensGate = new();
    private ImmutableArray<(string Root, int Epoch, ReadingHintMode Hints)> _seen = [];
    private ServerSnapshot? _lensPending;
    private Task _lensCheck = Task.CompletedTask;
    /// <summary>Each folder's usage token as last compared (check task only).</summary>
    private ImmutableArray<(string Root, object Usage)> _lensSeen = [];
    private volatile bool _lensesShown;

    /// <summary>True once the client has asked for code lenses.</summary>
    public bool AreLensesShown => _lensesShown;

    /// <summary>The client asked for code lenses: from now on they are refreshed when usage changes.</summary>
    public void LensesShown() => _lensesShown = true;

    public void Changed(ServerSnapshot snapshot)
    {
        if (_lensesShown && lifecycle.Session.Features.CodeLensRefresh) ScheduleLensCheck(snapshot);
        var epochs = snapshot.Folders.Select(f => (f.RootPath, f.DefinitionsEpoch, f.Index.Config.ReadingHints)).ToImmutableArray();
        if (epochs.SequenceEqual(_seen)) return;
        _seen = epochs;
        if (lifecycle.Session.Features.SemanticTokensRefresh) Refresh("workspace/semanticTokens/refresh");
        if (lifecycle.Session.Features.InlayHintRefresh) Refresh("workspace/inlayHint/refresh");
    }

    private void ScheduleLensCheck(ServerSnapshot snapshot)
    {
        lock (_lensGate)
        {
            bool idle = _lensPending is null;
            _lensPending = snapshot;
            if (idle) _lensCheck = _lensCheck.ContinueWith(_ => CheckLensesAsync(), TaskScheduler.Default).Unwrap();
        }
    }

    private async Task CheckLensesAsync()
    {
        await Task.Delay(LensDebounce).ConfigureAwait(false);
        ServerSnapshot snapshot;
        lock (_lensGate)
        {
            snapshot = _lensPending!;
            _lensPending = null;
        }
        try
        {
            var usage = snapshot.Folders.Select(f => (f.RootPath, TermUsageService.UsageVersion(f.Index))).ToImmutableArray();
            bool same = usage.Length == _lensSeen.Length && usage.Zip(_lensSeen).All(p => p.First.RootPath == p.Second.Root && ReferenceEquals(p.First.Item2, p.Second.Usage));
            _lensSeen = usage;
            if (!same && !lifecycle.IsShutdownRequested) Refresh("workspace/codeLens/refresh");
        }
        catch (Exception e)
        {
            log.Warning($"code lens refresh: {e.GetBaseException().Message}");
        }
    }

    private void Refresh(string method) =>
        _ = client.RequestAsync<JsonElement?>(method, null, CancellationToken.None)
            .ContinueWith(t => log.Warning($"{method}: {t.Exception?.GetBaseException().Message}"), CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
}
