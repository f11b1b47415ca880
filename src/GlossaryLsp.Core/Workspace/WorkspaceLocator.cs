using GlossaryLsp.Core.Config;

namespace GlossaryLsp.Core.Workspace;

/// <summary>Finds the workspace root as SPEC §4 says.</summary>
public static class WorkspaceLocator
{
    /// <summary>
    /// The folder of the nearest glossary.yml at or above <paramref name="currentDirectory"/>; else, when
    /// the paths are one folder, that folder; else the current directory.
    /// </summary>
    public static string Find(string currentDirectory, IReadOnlyList<string> paths)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(currentDirectory)); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, GlossaryConfigLoader.FileName))) return dir.FullName;
        if (paths.Count == 1 && Directory.Exists(paths[0])) return Path.GetFullPath(paths[0]);
        return Path.GetFullPath(currentDirectory);
    }
}
