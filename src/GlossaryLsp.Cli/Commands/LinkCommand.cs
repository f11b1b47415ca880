using System.CommandLine;
using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Linking;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Cli.Commands;

/// <summary>
/// <c>glossary link [PATH…] (--check | --write) [--mode all|first]</c>: the term linker (SPEC §4). Definitions
/// come from the whole workspace; PATHs choose the documents that are checked or edited.
/// </summary>
internal static class LinkCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("PATH") { Description = "Files or folders to link (default: the whole workspace)", Arity = ArgumentArity.ZeroOrMore };
        var check = new Option<bool>("--check") { Description = "List what would be linked; exit 1 if anything would change" };
        var write = new Option<bool>("--write") { Description = "Insert the links in place" };
        var mode = new Option<string?>("--mode") { Description = "all: every mention; first: the first mention of each term per section (default: the config's linker.mode)" };
        mode.AcceptOnlyFromAmong("all", "first");
        var workspace = EditSession.WorkspaceOption();
        var command = new Command("link", "Link unlinked mentions of defined terms") { paths, check, write, mode, workspace };
        command.SetAction(parse =>
        {
            bool isCheck = parse.GetValue(check), isWrite = parse.GetValue(write);
            if (isCheck == isWrite)
            {
                stderr.WriteLine("glossary link: give exactly one of --check or --write");
                return 2;
            }
            var session = EditSession.Open("link", parse.GetValue(paths) ?? [], parse.GetValue(workspace), stderr);
            if (session is null) return 2;
            var linkerMode = parse.GetValue(mode) switch
            {
                "all" => LinkerMode.All,
                "first" => LinkerMode.First,
                _ => session.Index.Config.LinkerMode,
            };
            return isCheck ? Check(session, linkerMode, stdout) : Write(session, linkerMode, stdout, stderr);
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

    private static int Write(EditSession session, LinkerMode mode, TextWriter stdout, TextWriter stderr)
    {
        int links = 0, ids = 0, files = 0;
        foreach (var doc in session.Selected)
        {
            var edits = TermLinker.LinkAll(session.Index, doc, mode);
            if (edits.IsEmpty) continue;
            int headingIds = TermLinker.MissingHeadingIds(doc).Count();
            try { session.Write(doc, edits); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"glossary link: {e.Message}");
                return 1;
            }
            files++;
            ids += headingIds;
            links += edits.Length - headingIds;
        }
        stdout.WriteLine($"Linked {links} mention{(links == 1 ? "" : "s")} in {files} file{(files == 1 ? "" : "s")}" +
                         (ids > 0 ? $"; added {ids} heading id{(ids == 1 ? "" : "s")}" : ""));
        return 0;
    }
}
