namespace GlossaryLsp.Cli;

/// <summary>
/// The folder <c>glossary link --out DIR</c> writes the linked copy into. It must neither be nor hold the
/// workspace, nor lie inside it (it would be read back as part of the workspace). A file whose bytes are
/// already there is left untouched; files of DIR that the copy does not write are never deleted.
/// </summary>
internal sealed class OutputFolder
{
    private OutputFolder(string root, string name) => (Root, Name) = (root, name);

    public string Root { get; }
    /// <summary>DIR as the user wrote it.</summary>
    public string Name { get; }

    /// <summary>The folder <paramref name="dir"/> names, or the usage error that rules it out.</summary>
    public static (OutputFolder? Folder, string? Error) For(string dir, string currentDirectory, string workspaceRoot)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir, currentDirectory));
        if (Directory.Exists(full) && Directory.ResolveLinkTarget(full, returnFinalTarget: true) is { } target) full = target.FullName;
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(workspaceRoot));
        if (File.Exists(full)) return (null, $"--out {dir} is a file; give a folder");
        if (full == root || full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            return (null, $"--out {dir} is inside the workspace {root}; it would be read back as part of it (give a folder outside)");
        if (root.StartsWith(full + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            return (null, $"--out {dir} holds the workspace {root}; the copy could overwrite its sources (give a folder outside)");
        return (new OutputFolder(full, dir), null);
    }

    /// <summary>Writes one file of the copy at its workspace path, creating folders as needed.</summary>
    public void Write(string workspacePath, byte[] bytes)
    {
        var full = Path.Combine(Root, workspacePath);
        var existing = new FileInfo(full);
        if (existing.LinkTarget is not null) existing.Delete(); // never write through a link (it may lead into the sources)
        else if (existing.Exists && existing.Length == bytes.Length && File.ReadAllBytes(full).AsSpan().SequenceEqual(bytes)) return;
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
    }
}
