using System.CommandLine;
using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Linking;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Cli.Commands;

/// <summary>
/// <c>glossary link [PATH…] (--check | --write | --out DIR) [--mode all|first]</c>: the term linker (SPEC §4).
/// Definitions come from the whole workspace; PATHs choose the documents that are checked, edited or copied.
/// </summary>
internal static class LinkCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("PATH") { Description = "Files or folders to link (default: the whole workspace)", Arity = ArgumentArity.ZeroOrMore };
        var check = new Option<bool>("--check") { Description = "List what would be linked; exit 1 if anything would change" };
        var write = new Option<bool>("--write") { Description = "Insert the links in place" };
        var output = new Option<string?>("--out")
        {
            Description = "Write the linked copy into DIR (outside the workspace), sources untouched: documents with their links and heading ids, " +
                          "other files byte for byte; files of DIR the copy does not write are kept",
            HelpName = "DIR",
        };
        var mode = new Option<string?>("--mode") { Description = "all: every mention; first: the first mention of each term per section (default: the config's linker.mode)" };
        mode.AcceptOnlyFromAmong("all", "first");
        var workspace = EditSession.WorkspaceOption();
        var command = new Command("link", "Link unlinked mentions of defined terms") { paths, check, write, output, mode, workspace };
        command.SetAction(parse =>
        {
            bool isCheck = parse.GetValue(check), isWrite = parse.GetValue(write);
            var outDir = parse.GetValue(output);
            if ((isCheck ? 1 : 0) + (isWrite ? 1 : 0) + (outDir is null ? 0 : 1) != 1)
            {
                stderr.WriteLine("glossary link: give exactly one of --check, --write or --out DIR");
                return 2;
            }
            var session = EditSession.Open("link", parse.GetValue(paths) ?? [], parse.GetValue(workspace), stderr);
            if (session is null) return 2;
            OutputFolder? folder = null;
            if (outDir is not null)
            {
                (folder, var error) = OutputFolder.For(outDir, session.CurrentDirectory, session.Root);
                if (error is not null)
                {
                    stderr.WriteLine($"glossary link: {error}");
                    return 2;
                }
            }
            var linkerMode = parse.GetValue(mode) switch
            {
                "all" => LinkerMode.All,
                "first" => LinkerMode.First,
                _ => session.Index.Config.LinkerMode,
            };
            return isCheck ? Check(session, linkerMode, stdout) : Write(session, linkerMode, folder, stdout, stderr);
        });
        return command;
    }

    private static int Check(EditSession session, LinkerMode mode, TextWriter stdout)
    {
        int count = 0;
        foreach (var doc in session.Selected)
        {
            var mentions = MentionScanner.FindMentions(session.Index, doc).ToDictionary(m => m.Span.Start);
            foreach (var edit in TermLinker.LinkAll(session.Index, doc, mode))
            {
                var pos = doc.Lines.GetPosition(edit.Span.Start);
                var where = $"{session.Display(doc.Path)}:{pos.Line + 1}:{pos.Character + 1}";
                if (mentions.TryGetValue(edit.Span.Start, out var m) && m.Span == edit.Span)
                    stdout.WriteLine($"{where}: would link '{m.Text}' → {m.Term.DocumentPath}#{m.Term.Anchor ?? ""} ({m.Term.Headword})");
                else
                    stdout.WriteLine($"{where}: would add the heading id {edit.NewText.Trim()}");
                count++;
            }
        }
        return count == 0 ? 0 : 1;
    }

    /// <summary>
    /// Links the selected documents in place (<paramref name="folder"/> null: only the files that change are
    /// written) or into the copy folder, which also gets every unchanged document and other file as it is.
    /// </summary>
    private static int Write(EditSession session, LinkerMode mode, OutputFolder? folder, TextWriter stdout, TextWriter stderr)
    {
        int links = 0, ids = 0, files = 0, copied = 0;
        try
        {
            foreach (var doc in session.Selected)
            {
                var edits = TermLinker.LinkAll(session.Index, doc, mode);
                if (!edits.IsEmpty)
                {
                    int headingIds = edits.Count(TermLinker.IsHeadingId);
                    files++;
                    ids += headingIds;
                    links += edits.Length - headingIds;
                }
                if (folder is null)
                {
                    if (!edits.IsEmpty) session.Write(doc, edits);
                }
                else if (Copy(session, folder, doc.Path, edits.IsEmpty ? null : session.Edited(doc, edits), stderr)) copied++;
            }
            if (folder is not null)
                foreach (var path in session.SelectedOtherFiles)
                    if (Copy(session, folder, path, null, stderr)) copied++;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"glossary link: {e.Message}");
            return 1;
        }
        stdout.WriteLine($"Linked {Count(links, "mention")} in {Count(files, "file")}" +
                         (ids > 0 ? $"; added {Count(ids, "heading id")}" : "") +
                         (folder is null ? "" : $"; wrote {Count(copied, "file")} to {folder.Name}"));
        return 0;
    }

    /// <summary>Writes one file of the copy: the linked bytes, else the source's own; false for a link out of the workspace (left out).</summary>
    private static bool Copy(EditSession session, OutputFolder folder, string path, byte[]? linked, TextWriter stderr)
    {
        if ((linked ?? session.ReadUnlessLinkedOut(path)) is not { } bytes)
        {
            stderr.WriteLine($"{session.Display(path)}: warning: symbolic link to a file outside the workspace; not copied");
            return false;
        }
        folder.Write(path, bytes);
        return true;
    }

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";
}
