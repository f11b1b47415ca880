// The Core analysis of each workspace folder (WorkspaceDiagnostics), brought to each snapshot by the
// diagnostics worker: incrementally from the previous one where possible. Read from any thread.
using System.Collections.Concurrent;
using GlossaryLsp.Core.Rules;
using GlossaryLsp.Server.Workspace;

namespace GlossaryLsp.Server.Diagnostics;

/// <summary>What one update changed: the documents whose results may differ, and whether a folder came or went.</summary>
internal sealed record AnalysisChanges(List<(string Root, string Path)> Affected, bool FoldersChanged);

internal sealed class FolderAnalyses
{
    /// <summary>The latest analysis per folder root.</summary>
    private readonly ConcurrentDictionary<string, WorkspaceDiagnostics> _analysed = new(StringComparer.Ordinal);

    /// <summary>The analysis of exactly this folder snapshot's index, or null (not analysed yet, or an older or newer index).</summary>
    public WorkspaceDiagnostics? Of(FolderSnapshot folder) =>
        _analysed.TryGetValue(folder.RootPath, out var analysed) && ReferenceEquals(analysed.Index, folder.Index) ? analysed : null;

    /// <summary>Builds what the next incremental update needs, so that the first edit does not (docs/PERFORMANCE.md, "Background work waits for the author to pause").</summary>
    public void PrepareUpdates()
    {
        foreach (var analysed in _analysed.Values) analysed.PrepareUpdate();
    }

    /// <summary>Brings each folder's analysis to the snapshot (worker only).</summary>
    public AnalysisChanges Update(ServerSnapshot snapshot)
    {
        var affected = new List<(string Root, string Path)>();
        bool foldersChanged = false;
        foreach (var folder in snapshot.Folders)
        {
            var index = folder.Index;
            if (_analysed.TryGetValue(folder.RootPath, out var previous))
            {
                if (ReferenceEquals(previous.Index, index)) continue;
                var changed = WorkspaceDiagnostics.ChangedPaths(previous.Index, index);
                var next = previous.Update(index, changed);
                _analysed[folder.RootPath] = next;
                // Only these documents' results can differ from the previous analysis's.
                foreach (var path in changed.Concat(next.Reanalysed).Concat(next.Moved)) affected.Add((folder.RootPath, path));
            }
            else
            {
                _analysed[folder.RootPath] = WorkspaceDiagnostics.Create(index);
                foldersChanged = true;
            }
        }
        foreach (var root in _analysed.Keys.Where(r => snapshot.Folders.All(f => f.RootPath != r)).ToList())
        {
            _analysed.TryRemove(root, out _);
            foldersChanged = true;
        }
        return new AnalysisChanges(affected, foldersChanged);
    }
}
