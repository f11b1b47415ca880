using GlossaryLsp.Core.Index;

namespace GlossaryLsp.Core.Workspace;

/// <summary>
/// A snapshot brought up to date with files created, changed or deleted on disk (the server's watched
/// files, <c>glossary lint --watch</c>, <c>glossary mcp</c>): one file is read again and swapped in with
/// <see cref="GlossaryIndex.WithDocument"/>, so the incremental analysis re-analyses only what it affects.
/// An unchanged file gives back the same snapshot.
/// </summary>
public static class DiskChanges
{
    /// <summary>The snapshot after the file at <paramref name="path"/> (workspace-relative) changed on disk.</summary>
    public static GlossaryIndex Reload(string root, GlossaryIndex index, string path)
    {
        if (index.Config.IsIgnored(path) || WorkspaceLoader.IsInSkippedFolder(path)) return index;
        var full = Path.Combine(root, path);
        if (!File.Exists(full)) return index.WithoutDocument(path);
        if (!WorkspaceLoader.IsMarkdown(path)) return index.OtherFiles.Contains(path) ? index : index.WithOtherFile(path); // links to it resolve
        var loaded = WorkspaceLoader.LoadDocument(root, path, index.Config);
        // Unchanged on disk (e.g. closed without edits, or saved): keep the parse, re-analyse nothing.
        if (index.GetDocument(path) is { LoadProblem: null } current && loaded.LoadProblem is null
            && string.Equals(current.Text, loaded.Text, StringComparison.Ordinal)) return index;
        return index.WithDocument(loaded);
    }

    /// <summary>
    /// The snapshot after a file or a whole folder at <paramref name="path"/> changed (a folder created,
    /// renamed or deleted reports only its own name): every file below it is read again, and the
    /// documents and files the snapshot had below it and that are gone are removed. Files <paramref name="keep"/>
    /// accepts (the server's open documents, whose text is the editor's) stay as they are.
    /// </summary>
    public static GlossaryIndex ReloadTree(string root, GlossaryIndex index, string path, Func<string, bool>? keep = null)
    {
        if (WorkspaceLoader.IsInSkippedFolder(path + "/")) return index;
        var full = Path.Combine(root, path);
        if (!Directory.Exists(full) && !index.Documents.Keys.Concat(index.OtherFiles).Any(p => p.StartsWith(path + "/", StringComparison.Ordinal)))
            return keep?.Invoke(path) == true ? index : Reload(root, index, path);
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        if (Directory.Exists(full) && new DirectoryInfo(full).LinkTarget is null)
            foreach (var rel in WorkspaceLoader.EnumerateFiles(full)) paths.Add(path + "/" + rel);
        paths.UnionWith(index.Documents.Keys.Concat(index.OtherFiles).Where(p => p.StartsWith(path + "/", StringComparison.Ordinal)));
        foreach (var p in paths.Where(p => keep?.Invoke(p) != true)) index = Reload(root, index, p);
        return index;
    }
}
