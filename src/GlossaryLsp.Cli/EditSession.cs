using System.CommandLine;
using System.Text;
using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;
using GlossaryLsp.Core.Workspace;

namespace GlossaryLsp.Cli;

/// <summary>
/// A workspace loaded for a command that edits files (link, rename): the root (SPEC §4), the whole
/// workspace's index, the documents and other files the PATHs select, and the edited bytes of a file
/// (written in place, or into a copy) that keep its BOM and every byte the edits do not touch.
/// </summary>
internal sealed class EditSession
{
    public required string Root { get; init; }
    public required string CurrentDirectory { get; init; }
    public required GlossaryIndex Index { get; init; }
    public required IReadOnlyList<ParsedDocument> Selected { get; init; }
    public required IReadOnlyList<string> SelectedOtherFiles { get; init; }

    /// <summary>Loads the workspace (progress on an interactive stderr); on bad usage or config writes the reason to stderr and returns null.</summary>
    /// <param name="workspace">An explicit root (--workspace); else SPEC §4's rule from the current directory.</param>
    public static EditSession? Open(string command, IReadOnlyList<string> paths, string? workspace, TextWriter stderr)
    {
        var progress = TerminalProgress.For(stderr);
        CommandWorkspace loaded;
        try { loaded = CommandWorkspace.Open(Program.CurrentDirectory, paths, configFile: null, new LoadOptions { Progress = progress }, explicitRoot: workspace); }
        catch (Exception e) when (e is UsageException or ConfigException)
        {
            stderr.WriteLine($"glossary {command}: {e.Message}");
            return null;
        }
        finally { progress?.Clear(); }
        foreach (var doc in loaded.Selected)
            if (doc.LoadProblem is { } problem)
                stderr.WriteLine($"{loaded.DisplayPath(doc.Path)}: warning: {problem.Message}");
        return new EditSession
        {
            Root = loaded.Root,
            CurrentDirectory = loaded.CurrentDirectory,
            Index = loaded.Index,
            Selected = loaded.Selected,
            SelectedOtherFiles = loaded.SelectedOtherFiles,
        };
    }

    /// <summary>The option that names the workspace root explicitly.</summary>
    public static Option<string?> WorkspaceOption() =>
        new("--workspace") { Description = "The workspace folder (default: the folder of the nearest glossary.yml, else the single folder given, else the current directory)" };

    /// <summary>A workspace path as the user sees it: relative to the current directory, '/' separators.</summary>
    public string Display(string workspacePath) =>
        Path.GetRelativePath(CurrentDirectory, Path.Combine(Root, workspacePath)).Replace('\\', '/');

    /// <summary>Applies edits to a document's file in place (<see cref="Edited"/>).</summary>
    public void Write(ParsedDocument document, IEnumerable<TextEdit> edits) => File.WriteAllBytes(Path.Combine(Root, document.Path), Edited(document, edits));

    /// <summary>
    /// A document's file with edits applied: its BOM kept, the text between edits unchanged (so its line
    /// ends too). Throws <see cref="IOException"/> when the file no longer holds the text that was parsed.
    /// </summary>
    public byte[] Edited(ParsedDocument document, IEnumerable<TextEdit> edits)
    {
        var bytes = Read(document.Path);
        bool bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        var current = new UTF8Encoding(false).GetString(bytes, bom ? 3 : 0, bytes.Length - (bom ? 3 : 0));
        if (current != document.Text)
            throw new IOException($"{document.Path} changed on disk while it was being edited");
        var text = TextEdit.Apply(document.Text, edits);
        return [.. (bom ? (byte[])[0xEF, 0xBB, 0xBF] : []), .. new UTF8Encoding(false).GetBytes(text)];
    }

    /// <summary>A workspace file's bytes; null for a symbolic link out of the workspace, which is never read (SPEC §7).</summary>
    public byte[]? ReadUnlessLinkedOut(string workspacePath) =>
        WorkspaceLoader.LinksOutOf(Root, new FileInfo(Path.Combine(Root, workspacePath))) ? null : Read(workspacePath);

    private byte[] Read(string workspacePath) => File.ReadAllBytes(Path.Combine(Root, workspacePath));
}
