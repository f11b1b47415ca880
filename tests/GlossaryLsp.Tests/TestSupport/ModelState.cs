// The model of the model-based tests: the files on disk (mirrored in a temporary folder) and the
// documents open in an editor. Applying an operation changes the model and the disk, and says what a
// client would tell the server: the edit of an open document, didOpen/didClose/didSave, watched-file events.
using System.Text;

namespace GlossaryLsp.Tests.TestSupport;

/// <summary>What one operation did, as a client reports it. Paths are workspace-relative.</summary>
public sealed record ModelStep(string Description)
{
    /// <summary>An edit of an open document: the span of its text before the edit, replaced by <c>Text</c>.</summary>
    public (string Path, int Start, int Length, string Text, string Before)? Change { get; init; }
    public (string Path, string Text)? Opened { get; init; }
    public string? Closed { get; init; }
    public string? Saved { get; init; }
    /// <summary>Watched-file events: path and LSP FileChangeType (1 created, 2 changed, 3 deleted); a folder's path for a folder.</summary>
    public IReadOnlyList<(string Path, int Type)> Events { get; init; } = [];
    /// <summary>Files whose content on disk changed (those under a deleted or renamed folder included).</summary>
    public IReadOnlyList<string> Touched { get; init; } = [];
}

public sealed class ModelState : IDisposable
{
    public const string ConfigFile = "glossary.yml";

    private static readonly string[] MovedFolders = ["moved", "移動先", "archive2"];

    public ModelState(IReadOnlyDictionary<string, string> files)
    {
        // Thousands of small writes: in memory where the machine has a tmpfs (a disk's temp folder is far slower).
        var shm = "/dev/shm";
        Root = Directory.Exists(shm) ? Directory.CreateDirectory(Path.Combine(shm, "glossary-model-" + Guid.NewGuid().ToString("N"))).FullName
            : Directory.CreateTempSubdirectory("glossary-model-").FullName;
        foreach (var (path, text) in files) Write(path, text);
    }

    public string Root { get; }

    /// <summary>Files on disk by path, in ordinal order.</summary>
    public SortedDictionary<string, string> Disk { get; } = new(StringComparer.Ordinal);

    /// <summary>Documents open in the editor: their text and version.</summary>
    public SortedDictionary<string, (string Text, int Version)> Open { get; } = new(StringComparer.Ordinal);

    /// <summary>Markdown documents as the server should see them: the files on disk with the open documents' texts over them.</summary>
    public SortedDictionary<string, string> Documents()
    {
        var docs = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, text) in Disk) if (Core.Workspace.WorkspaceLoader.IsMarkdown(path)) docs[path] = text;
        foreach (var (path, open) in Open) if (Core.Workspace.WorkspaceLoader.IsMarkdown(path)) docs[path] = open.Text;
        return docs;
    }

    /// <summary>Applies an operation; <paramref name="editor"/> false treats every edit as one on disk and skips open, close and save.</summary>
    public ModelStep Apply(ModelOp op, bool editor)
    {
        switch (op.Kind)
        {
            case OpKind.Edit when editor && Pick(Editable(), op.File) is { } p && Open.TryGetValue(p, out var open):
                {
                    var (start, length) = ModelOperations.Locate(open.Text, op.Place, op.Where, op.Delete);
                    var text = ModelWorkspace.Snippets[op.Snippet];
                    Open[p] = (open.Text.Remove(start, length).Insert(start, text), open.Version + 1);
                    return new ModelStep($"edit open {p} at {start}+{length} → {ModelOp.Print(text)}") { Change = (p, start, length, text, open.Text) };
                }
            case OpKind.Edit or OpKind.EditOnDisk when Pick(Editable(onDisk: true), op.File) is { } p:
                {
                    var before = Disk[p];
                    var (start, length) = ModelOperations.Locate(before, op.Place, op.Where, op.Delete);
                    return WriteStep($"edit {p} on disk at {start}+{length}", p, before.Remove(start, length).Insert(start, ModelWorkspace.Snippets[op.Snippet]));
                }
            case OpKind.AddFile:
                {
                    var all = ModelWorkspace.Paths.Concat(ModelWorkspace.ExtraPaths).ToArray();
                    var path = all[op.File % all.Length];
                    return WriteStep($"write {path}", path, ModelWorkspace.Render(path, op.Spec));
                }
            case OpKind.DeleteFile when Pick([.. Disk.Keys], op.File) is { } p:
                Delete(p);
                return new ModelStep($"delete {p}") { Events = [(p, 3)], Touched = [p] };
            case OpKind.RenameFile when Pick(Editable(onDisk: true).Where(p => p != ConfigFile).ToList(), op.File) is { } p:
                {
                    var all = ModelWorkspace.Paths.Concat(ModelWorkspace.ExtraPaths).ToArray();
                    var to = all[op.Where % all.Length];
                    if (to == p || Disk.ContainsKey(to)) return new ModelStep("rename onto itself: nothing");
                    var text = Disk[p];
                    Delete(p);
                    Write(to, text);
                    return new ModelStep($"rename {p} → {to}") { Events = [(p, 3), (to, 1)], Touched = [p, to] };
                }
            case OpKind.SetConfig:
                {
                    var text = ModelWorkspace.Configs[op.Snippet % ModelWorkspace.Configs.Length];
                    if (editor && Open.TryGetValue(ConfigFile, out var config) && text is not null)
                    {
                        Open[ConfigFile] = (text, config.Version + 1);
                        Write(ConfigFile, text);
                        return new ModelStep($"edit and save open {ConfigFile}: {ModelOp.Print(text)}")
                        {
                            Change = (ConfigFile, 0, config.Text.Length, text, config.Text), Saved = ConfigFile, Events = [(ConfigFile, 2)], Touched = [ConfigFile],
                        };
                    }
                    if (text is null)
                    {
                        if (!Disk.ContainsKey(ConfigFile)) return new ModelStep("no glossary.yml to delete");
                        Delete(ConfigFile);
                        return new ModelStep($"delete {ConfigFile}") { Events = [(ConfigFile, 3)], Touched = [ConfigFile] };
                    }
                    return WriteStep($"write {ConfigFile}: {ModelOp.Print(text)}", ConfigFile, text);
                }
            case OpKind.ToggleOtherFile:
                {
                    var path = ModelWorkspace.OtherFilePaths[op.File % ModelWorkspace.OtherFilePaths.Length];
                    if (!Disk.ContainsKey(path)) return WriteStep($"create {path}", path, "data");
                    Delete(path);
                    return new ModelStep($"delete {path}") { Events = [(path, 3)], Touched = [path] };
                }
            case OpKind.Open when editor && Pick(Editable(onDisk: true).Where(p => !Open.ContainsKey(p)).ToList(), op.File) is { } p:
                Open[p] = (Disk[p], 1);
                return new ModelStep($"open {p}") { Opened = (p, Disk[p]) };
            case OpKind.Close when editor && Pick([.. Open.Keys], op.File) is { } p:
                Open.Remove(p);
                return new ModelStep($"close {p}") { Closed = p };
            case OpKind.Save when editor && Pick([.. Open.Keys], op.File) is { } p:
                {
                    bool existed = Disk.ContainsKey(p);
                    Write(p, Open[p].Text);
                    return new ModelStep($"save {p}") { Saved = p, Events = [(p, existed ? 2 : 1)], Touched = [p] };
                }
            case OpKind.DeleteFolder when Pick(Folders(), op.File) is { } folder:
                {
                    var gone = Disk.Keys.Where(p => p.StartsWith(folder + "/", StringComparison.Ordinal)).ToList();
                    foreach (var p in gone) Disk.Remove(p);
                    Directory.Delete(Path.Combine(Root, folder), recursive: true);
                    return new ModelStep($"delete folder {folder}") { Events = [(folder, 3)], Touched = gone };
                }
            case OpKind.RenameFolder when Pick(Folders(), op.File) is { } folder:
                {
                    var to = MovedFolders[op.Where % MovedFolders.Length];
                    if (Folders().Any(f => f == to || f.StartsWith(to + "/", StringComparison.Ordinal)) || to.StartsWith(folder + "/", StringComparison.Ordinal))
                        return new ModelStep("rename folder onto an existing one: nothing");
                    var moved = Disk.Where(kv => kv.Key.StartsWith(folder + "/", StringComparison.Ordinal)).ToList();
                    foreach (var (p, _) in moved) Disk.Remove(p);
                    foreach (var (p, text) in moved) Disk[to + p[folder.Length..]] = text;
                    Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(Root, to))!);
                    Directory.Move(Path.Combine(Root, folder), Path.Combine(Root, to));
                    return new ModelStep($"rename folder {folder} → {to}")
                    {
                        Events = [(folder, 3), (to, 1)], Touched = [.. moved.Select(m => m.Key), .. moved.Select(m => to + m.Key[folder.Length..])],
                    };
                }
            default:
                return new ModelStep($"{op.Kind}: nothing to do");
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static string? Pick(IReadOnlyList<string> paths, int n) => paths.Count == 0 ? null : paths[n % paths.Count];

    /// <summary>Markdown files and glossary.yml: on disk, and (unless <paramref name="onDisk"/>) open ones not on disk.</summary>
    private List<string> Editable(bool onDisk = false)
    {
        var paths = Disk.Keys.Where(p => p == ConfigFile || Core.Workspace.WorkspaceLoader.IsMarkdown(p));
        if (!onDisk) paths = paths.Concat(Open.Keys).Distinct();
        return [.. paths.Order(StringComparer.Ordinal)];
    }

    /// <summary>Folders holding a file, outermost first (never the root).</summary>
    private List<string> Folders()
    {
        var folders = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in Disk.Keys)
            for (var f = Core.Text.WorkspacePaths.FolderOf(path); f.Length > 0; f = Core.Text.WorkspacePaths.FolderOf(f)) folders.Add(f);
        return [.. folders];
    }

    private ModelStep WriteStep(string description, string path, string text)
    {
        bool existed = Disk.ContainsKey(path);
        Write(path, text);
        return new ModelStep(description) { Events = [(path, existed ? 2 : 1)], Touched = [path] };
    }

    private void Write(string path, string text)
    {
        Disk[path] = text;
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text, new UTF8Encoding(false));
    }

    private void Delete(string path)
    {
        Disk.Remove(path);
        File.Delete(Path.Combine(Root, path));
    }
}
