using System.CommandLine;
using GlossaryLsp.Core.Linking;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Cli.Commands;

/// <summary>
/// <c>glossary rename OLD NEW [--write] [--in FILE]</c>: renames an entry word with the rename engine
/// the server uses (heading, its id, every link across the workspace). Without --write it only shows
/// the changes.
/// </summary>
internal static class RenameCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var oldName = new Argument<string>("OLD") { Description = "The entry word to rename (headword or alias)" };
        var newName = new Argument<string>("NEW") { Description = "The new entry word" };
        var write = new Option<bool>("--write") { Description = "Apply the changes (default: only show them)" };
        var inFile = new Option<string?>("--in") { Description = "The document that defines the term, when several do" };
        var workspace = EditSession.WorkspaceOption();
        var command = new Command("rename", "Rename a term's entry word, its anchor and every link to it") { oldName, newName, write, inFile, workspace };
        command.SetAction(parse => Run(
            parse.GetValue(oldName)!, parse.GetValue(newName)!, parse.GetValue(write), parse.GetValue(inFile), parse.GetValue(workspace),
            stdout, stderr));
        return command;
    }

    private static int Run(string oldName, string newName, bool write, string? inFile, string? workspace, TextWriter stdout, TextWriter stderr)
    {
        if (TermRenamer.ValidateName(newName) is { } invalid)
        {
            stderr.WriteLine($"glossary rename: {invalid}");
            return 2;
        }
        var session = EditSession.Open("rename", [], workspace, stderr);
        if (session is null) return 2;
        var index = session.Index;
        var key = TermKey.Normalize(oldName);
        var candidates = index.EntryWordTable.TryGetValue(key, out var refs)
            ? refs.Where(r => !r.IsReading).Select(index.Resolve).ToList()
            : [];
        if (inFile is not null)
        {
            var rel = Path.GetRelativePath(session.Root, Path.GetFullPath(inFile, session.CurrentDirectory)).Replace('\\', '/');
            candidates = candidates.Where(t => t.DocumentPath == rel || t.DocumentPath == inFile.Replace('\\', '/')).ToList();
        }
        if (candidates.Count == 0)
        {
            stderr.WriteLine($"glossary rename: no term has the entry word '{oldName}'{(inFile is null ? "" : $" in {inFile}")}");
            return 1;
        }
        if (candidates.Count > 1)
        {
            stderr.WriteLine($"glossary rename: '{oldName}' is defined in {string.Join(", ", candidates.Select(t => t.DocumentPath))}; choose one with --in FILE");
            return 1;
        }
        var term = candidates[0];
        var oldWord = TermRenamer.EntryWordMatching(term, oldName)!;
        var result = TermRenamer.Rename(index, term, oldWord, newName);
        if (result.Error is not null)
        {
            stderr.WriteLine($"glossary rename: {result.Error}");
            return 1;
        }
        foreach (var documentEdit in result.Edits)
        {
            var doc = index.GetDocument(documentEdit.Path)!;
            foreach (var edit in documentEdit.Edits)
            {
                var pos = doc.Lines.GetPosition(edit.Span.Start);
                stdout.WriteLine($"{session.Display(doc.Path)}:{pos.Line + 1}:{pos.Character + 1}: '{doc.GetText(edit.Span)}' → '{edit.NewText}'");
            }
        }
        string summary = $"{result.LinksChanged} link{(result.LinksChanged == 1 ? "" : "s")} in {result.FilesChanged} file{(result.FilesChanged == 1 ? "" : "s")}";
        if (!write)
        {
            stdout.WriteLine($"Would rename '{oldWord}' to '{newName.Trim()}' in {term.DocumentPath}: {summary} (use --write to apply)");
            return 0;
        }
        foreach (var documentEdit in result.Edits)
        {
            try { session.Write(index.GetDocument(documentEdit.Path)!, documentEdit.Edits); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"glossary rename: {e.Message}");
                return 1;
            }
        }
        stdout.WriteLine($"Renamed '{oldWord}' to '{newName.Trim()}' in {term.DocumentPath}: changed {summary}");
        return 0;
    }
}
