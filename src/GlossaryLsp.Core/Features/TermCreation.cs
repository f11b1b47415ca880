using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Linking;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Rules;
using GlossaryLsp.Core.Text;
using GlossaryLsp.Core.Workspace;

namespace GlossaryLsp.Core.Features;

/// <summary>
/// "Create a term" (SPEC §3): for a word that names no term — a selection in prose, the text of a
/// link GL0001/GL0002 reports, or a keyword GL0014 reports — one action per nearest term-list glossary (at most three) that appends
/// <c>## 語&lt;a id="…"&gt;&lt;/a&gt;</c> and an empty definition bullet to it and links the word to the new
/// term, as one edit. The new heading is parsed as the glossary will be, so its anchor and link are the
/// ones the index will compute, and a word that would not parse back as the headword gets no action.
/// </summary>
public static class TermCreation
{
    public const int MaxGlossaries = 3;

    public static IEnumerable<CodeActionProposal> Propose(GlossaryIndex index, ParsedDocument document, TextSpan range, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            if (d.Id is not ("GL0001" or "GL0002" or "GL0014") || !d.Span.Overlaps(range) && !d.Span.ContainsOrTouches(range.Start)) continue;
            if (d.Id == "GL0014")
            {
                // The keyword stays as written: once the term exists it names it.
                foreach (var p in ForWord(index, document, document.GetText(d.Span), link: null))
                    yield return p with { Diagnostic = d };
                continue;
            }
            if (document.Links.FirstOrDefault(l => l.Span.Contains(d.Span)) is not { } link) continue;
            bool absolute = LinkTargets.IsAbsolute(link.Target);
            foreach (var p in ForWord(index, document, link.Text, term => new TextEdit(link.TargetSpan, LinkTargets.For(index, document, term, absolute))))
                yield return p with { Diagnostic = d };
        }
        if (SelectedWord(index, document, range) is { } word)
            foreach (var p in ForWord(index, document, word, term => new TextEdit(range, LinkTargets.NewLink(index, document, term, document.GetText(range)))))
                yield return p;
    }

    /// <summary>The selected text when it is prose on one line outside any term mention (trimmed), else null.</summary>
    private static string? SelectedWord(GlossaryIndex index, ParsedDocument document, TextSpan range)
    {
        if (range.IsEmpty || range.End > document.Text.Length) return null;
        int line = document.Lines.GetLine(range.Start);
        if (line != document.Lines.GetLine(range.End)) return null;
        if (!document.ProseWithin(range).SequenceEqual([range])) return null;
        if (MentionScanner.FindMentionsIn(index, document, document.Lines.WholeLines(range)).Any(m => m.Span.Overlaps(range))) return null;
        var word = document.GetText(range).Trim();
        return word.Length == 0 ? null : word;
    }

    /// <param name="link">The edit linking the word to the new term; null when the word stays as it is.</param>
    private static IEnumerable<CodeActionProposal> ForWord(GlossaryIndex index, ParsedDocument document, string word, Func<TermDefinition, TextEdit>? link)
    {
        word = word.Trim();
        if (word.Length == 0 || index.FindDefinitions(word).Count > 0) yield break;
        foreach (var glossary in NearestGlossaries(index, document.Path))
        {
            if (Appended(index, glossary, word) is not { } added) continue;
            var edits = new List<DocumentEdit> { new(glossary.Path, [added.Edit]) };
            if (link?.Invoke(added.Term) is { } linkEdit)
            {
                // A glossary that is the document itself gets both edits in one list, in source order.
                if (glossary.Path == document.Path) edits[0] = new DocumentEdit(document.Path, [linkEdit, added.Edit]);
                else edits.Insert(0, new DocumentEdit(document.Path, [linkEdit]));
            }
            yield return new CodeActionProposal($"Add '{word}' to {glossary.Path}", CodeActionCategory.QuickFix, [.. edits], IsPreferred: false);
        }
    }

    /// <summary>The term-list glossaries nearest to <paramref name="fromPath"/> (the document itself first), ties by path.</summary>
    private static IEnumerable<ParsedDocument> NearestGlossaries(GlossaryIndex index, string fromPath)
    {
        var folder = WorkspacePaths.FolderOf(fromPath);
        return index.Documents.Values
            .Where(d => d.Kind == DocumentKind.TermList && d.LoadProblem is null)
            .OrderBy(d => d.Path == fromPath ? -1 : WorkspacePaths.FolderDistance(folder, WorkspacePaths.FolderOf(d.Path)))
            .ThenBy(d => d.Path, StringComparer.Ordinal)
            .Take(MaxGlossaries);
    }

    /// <summary>The edit appending the term to the glossary, and the term as the glossary will define it; null when the word does not parse back.</summary>
    private static (TextEdit Edit, TermDefinition Term)? Appended(GlossaryIndex index, ParsedDocument glossary, string word)
    {
        var text = glossary.Text;
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        // One blank line between the glossary's last line and the new heading.
        var before = text.Length == 0 || text.EndsWith(newline + newline, StringComparison.Ordinal) ? "" : text.EndsWith('\n') ? newline : newline + newline;
        var heading = $"## {word}";
        var probe = WorkspaceLoader.ParseText(glossary.Path, text + before + heading + newline, index.Config);
        if (probe.Terms is not [.., var term] || term.Headword != word || term.Aliases.Length > 0 || term.Anchor is null) return null;
        var added = $"{before}{heading}<a id=\"{term.Anchor}\"></a>{newline}{newline}- {newline}";
        return (new TextEdit(new TextSpan(text.Length, 0), added), term);
    }
}
