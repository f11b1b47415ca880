namespace GlossaryLsp.Server.Workspace;

/// <summary>The workspace folders, and which one owns a document: the innermost folder whose root contains it (an instance: queue-only).</summary>
internal sealed class WorkspaceFolders : IReadOnlyList<FolderState>
{
    private readonly List<FolderState> _folders = [];

    public int Count => _folders.Count;

    public FolderState this[int index] => _folders[index];

    /// <summary>
    /// The folder among <paramref name="folders"/> that owns a URI — the innermost whose root contains
    /// it, the first of equal ones — and the '/'-separated path in it; null when none does. The one rule
    /// for both the mutable state and the snapshots.
    /// </summary>
    public static (T Folder, string Path)? Locate<T>(IEnumerable<T> folders, Func<T, string> rootOf, string uri)
    {
        if (ProtocolConversions.ToFilePath(uri) is not { } full) return null;
        (T Folder, string Path)? best = null;
        int bestLength = -1;
        foreach (var f in folders)
        {
            var root = rootOf(f);
            if (root.Length > bestLength && PathIn(root, full) is { } path) (best, bestLength) = ((f, path), root.Length);
        }
        return best;
    }

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

    /// <inheritdoc cref="Locate{T}"/>
    public (FolderState Folder, string Path)? Locate(string uri) => Locate(_folders, f => f.RootPath, uri);

    public IEnumerator<FolderState> GetEnumerator() => _folders.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    private static string Normalize(string rootPath) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(rootPath));

    /// <summary>The '/'-separated path of <paramref name="fullPath"/> inside <paramref name="root"/>, or null (outside, or the root itself).</summary>
    private static string? PathIn(string root, string fullPath)
    {
        if (!root.EndsWith(Path.DirectorySeparatorChar)) root += Path.DirectorySeparatorChar;
        if (!fullPath.StartsWith(root, StringComparison.Ordinal) || fullPath.Length == root.Length) return null;
        return fullPath[root.Length..].Replace('\\', '/');
    }
}
