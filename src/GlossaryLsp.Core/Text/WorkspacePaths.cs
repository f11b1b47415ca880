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

    /// <summary>Steps between two folders in the folder tree (same folder 0, parent or child 1, …).</summary>
    public static int FolderDistance(string a, string b)
    {
        var x = a.Length == 0 ? [] : a.Split('/');
        var y = b.Length == 0 ? [] : b.Split('/');
        int common = 0;
        while (common < x.Length && common < y.Length && x[common] == y[common]) common++;
        return x.Length - common + (y.Length - common);
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
}
