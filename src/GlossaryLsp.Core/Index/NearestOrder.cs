using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Index;

/// <summary>
/// SPEC §1's order of definitions as seen from one document: the document itself first, then by
/// folder steps, then by path (ordinal). Measures without allocating and remembers the last folder it
/// measured: definitions come in path order, so those of one folder come together.
/// </summary>
internal ref struct NearestOrder
{
    private readonly string? _fromPath;
    private readonly ReadOnlySpan<char> _fromFolder;
    private ReadOnlySpan<char> _lastFolder;
    private int _lastDistance;

    /// <summary>The order seen from a document.</summary>
    public NearestOrder(string fromPath) : this(fromPath, WorkspacePaths.FolderSpanOf(fromPath)) { }

    private NearestOrder(string? fromPath, ReadOnlySpan<char> fromFolder)
    {
        _fromPath = fromPath;
        _fromFolder = fromFolder;
        _lastDistance = -1;
    }

    /// <summary>The order seen from any document of a folder, no document counting as itself.</summary>
    public static NearestOrder FromFolder(string folder) => new(null, folder);

    /// <summary>Negative when (distance a, path a) comes before (distance b, path b).</summary>
    public static int Compare(int distanceA, string pathA, int distanceB, string pathB) =>
        distanceA != distanceB ? distanceA.CompareTo(distanceB) : string.CompareOrdinal(pathA, pathB);

    /// <summary>-1 for the document itself, else the folder steps from it to <paramref name="path"/>'s folder.</summary>
    public int Distance(string path)
    {
        if (_fromPath is not null && path == _fromPath) return -1;
        var folder = WorkspacePaths.FolderSpanOf(path);
        if (_lastDistance >= 0 && folder.SequenceEqual(_lastFolder)) return _lastDistance;
        _lastFolder = folder;
        return _lastDistance = WorkspacePaths.FolderDistance(_fromFolder, folder);
    }
}
