namespace GlossaryLsp.Server.Workspace;

/// <summary>The workspace folders, and which one owns a document: the innermost folder whose root contains it (queue-only).</summary>
internal sealed class WorkspaceFolders : IReadOnlyList<FolderState>
{
    private readonly List<FolderState> _folders = [];

    public int Count => _folders.Count;

    public FolderState this[int index] => _folders[index];

    /// <summary>Adds a folder unless it is there; true when added.</summary>
    public bool Add(string name, string rootPath)
    {
        rootPath = Normalize(rootPath);
        if (_folders.Any(f => f.RootPath == rootPath)) return false;
        _folders.Add(new FolderState(name, rootPath));
        return true;
    }

    /// <summary>Removes a folder; true when it was there.</summary>
    public bool Remove(string rootPath)
    {
        rootPath = Normalize(rootPath);
        return _folders.RemoveAll(f => f.RootPath == rootPath) > 0;
    }

    /// <summary>The folder that owns a URI (the innermost, when folders nest) and the '/'-separated path in it, or null.</summary>
    public (FolderState Folder, string Path)? Locate(string uri)
    {
        if (ProtocolConversions.ToFilePath(uri) is not { } full) return null;
        FolderState? best = null;
        string? bestPath = null;
        foreach (var f in _folders)
        {
            var root = f.RootPath + Path.DirectorySeparatorChar;
            if (full.StartsWith(root, StringComparison.Ordinal) && (best is null || f.RootPath.Length > best.RootPath.Length))
                (best, bestPath) = (f, full[root.Length..].Replace('\\', '/'));
        }
        return best is null ? null : (best, bestPath!);
    }

    public IEnumerator<FolderState> GetEnumerator() => _folders.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    private static string Normalize(string rootPath) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(rootPath));
}
