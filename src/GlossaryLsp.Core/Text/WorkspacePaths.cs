namespace GlossaryLsp.Core.Text;

/// <summary>Workspace-relative paths: '/' separators, no leading "./", never above the root.</summary>
public static class WorkspacePaths
{
    /// <summary>Joins a folder and a relative path and normalises "." and ".."; null when it leaves the root.</summary>
    public static string? Combine(string folder, string relative)
    {
        var parts = new List<string>();
        if (!relative.StartsWith('/'))
            foreach (var p in folder.Split('/', StringSplitOptions.RemoveEmptyEntries)) parts.Add(p);
        foreach (var p in relative.Replace('\\', '/').Split('/'))
        {
            if (p.Length == 0 || p == ".") continue;
            if (p == "..")
            {
                if (parts.Count == 0) return null;
                parts.RemoveAt(parts.Count - 1);
            }
            else parts.Add(p);
        }
        return string.Join('/', parts);
    }

    public static string FolderOf(string path) => path.LastIndexOf('/') is var i and >= 0 ? path[..i] : string.Empty;

    /// <summary>The folder part of a path, without allocating ("" at the root).</summary>
    public static ReadOnlySpan<char> FolderSpanOf(string path) => path.LastIndexOf('/') is var i and >= 0 ? path.AsSpan(0, i) : [];

    /// <summary>Steps between two folders in the folder tree (same folder 0, parent or child 1, …).</summary>
    public static int FolderDistance(string a, string b) => FolderDistance(a.AsSpan(), b.AsSpan());

    /// <summary>
    /// Steps between two folders, without allocating: nearest-definition order compares one folder with
    /// the folder of every other definition of a word, which may be thousands.
    /// </summary>
    public static int FolderDistance(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        // The common leading segments: whole segments only ("ab" is not inside "abc").
        int common = 0, i = 0;
        while (i < a.Length && i < b.Length)
        {
            int endA = a[i..].IndexOf('/') is var ea and >= 0 ? i + ea : a.Length;
            int endB = b[i..].IndexOf('/') is var eb and >= 0 ? i + eb : b.Length;
            if (!a[i..endA].SequenceEqual(b[i..endB])) break;
            common++;
            if (endA == a.Length || endB == b.Length) break;
            i = endA + 1;
        }
        return Segments(a) - common + (Segments(b) - common);
    }

    /// <summary>A relative path from one document to another ("../glossary/x.md").</summary>
    public static string Relative(string fromPath, string toPath)
    {
        var from = FolderOf(fromPath).Split('/', StringSplitOptions.RemoveEmptyEntries);
        var to = toPath.Split('/');
        int common = 0;
        while (common < from.Length && common < to.Length - 1 && from[common] == to[common]) common++;
        var parts = Enumerable.Repeat("..", from.Length - common).Concat(to.Skip(common));
        return string.Join('/', parts);
    }

    private static int Segments(ReadOnlySpan<char> folder) => folder.IsEmpty ? 0 : folder.Count('/') + 1;
}
