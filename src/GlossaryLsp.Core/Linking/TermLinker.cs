using System.Collections.Immutable;
using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Linking;

/// <summary>
/// The term linker: turns unlinked mentions into links with minimal edits (one replacement per mention,
/// whose new text is the link wrapped around the author's own text), and in term-list glossaries adds
/// the missing <c>&lt;a id&gt;</c> of each term heading. Link style comes from <see cref="LinkTargets"/>.
/// Idempotent: the links it writes are protected spans, so a second run finds nothing to do.
/// </summary>
public static class TermLinker
{
    /// <summary>
    /// Every edit that links the document's mentions (<see cref="LinkerMode.All"/>), or only the first
    /// mention of each term per section (text between headings) that does not already link the term
    /// (<see cref="LinkerMode.First"/>). Term-list glossaries also get missing heading ids.
    /// </summary>
    public static ImmutableArray<TextEdit> LinkAll(GlossaryIndex index, ParsedDocument document, LinkerMode mode)
    {
        if (document.LoadProblem is not null) return [];
        var edits = ImmutableArray.CreateBuilder<TextEdit>();
        edits.AddRange(MissingHeadingIds(document));
        var mentions = MentionScanner.FindMentions(index, document);
        if (mode == LinkerMode.All)
        {
            foreach (var m in mentions)
                if (LinkMention(index, document, m) is { } e) edits.Add(e);
        }
        else
        {
            var sectionStarts = document.Headings.Select(h => h.Span.Start).ToArray();
            int SectionOf(int offset) { int i = Array.BinarySearch(sectionStarts, offset); return i >= 0 ? i : ~i; }
            var linked = new HashSet<(int Section, string Path, int NameStart)>();
            foreach (var link in document.Links)
                if (index.ResolveLink(document, link).Term is { } t)
                    linked.Add((SectionOf(link.Span.Start), t.DocumentPath, t.NameSpan.Start));
            foreach (var m in mentions)
                if (linked.Add((SectionOf(m.Span.Start), m.Term.DocumentPath, m.Term.NameSpan.Start)) && LinkMention(index, document, m) is { } e)
                    edits.Add(e);
        }
        return edits.ToImmutable();
    }

    /// <summary>
    /// The edit that links one mention: the mention's span replaced by a link around the same text.
    /// Null when the mention is stale (the text changed) or would link a glossary page to itself.
    /// Term lists do link their own terms, as the public linker does (the link carries the term's anchor).
    /// </summary>
    public static TextEdit? LinkMention(GlossaryIndex index, ParsedDocument document, TermMention mention)
    {
        if (mention.Span.End > document.Text.Length || document.GetText(mention.Span) != mention.Text) return null;
        if (mention.Term.DocumentPath == document.Path && mention.Term.Anchor is null) return null;
        return new TextEdit(mention.Span, NewLinkText(index, document, mention));
    }

    /// <summary>
    /// Term headings of a term-list glossary without an id get <c>&lt;a id="{anchor}"&gt;&lt;/a&gt;</c> right
    /// after their text, replacing trailing white space (as the public linker writes them).
    /// </summary>
    public static IEnumerable<TextEdit> MissingHeadingIds(ParsedDocument document)
    {
        if (document.Kind != DocumentKind.TermList) yield break;
        var text = document.Text;
        foreach (var term in document.Terms)
        {
            if (term.Heading is not { ExplicitId: null } h || term.Anchor is null) continue;
            int end = h.TextSpan.End;
            int trailingEnd = end;
            while (trailingEnd < h.Span.End && char.IsWhiteSpace(text[trailingEnd])) trailingEnd++;
            if (trailingEnd != h.Span.End) trailingEnd = end; // keep a closing "##" sequence and what precedes it
            yield return new TextEdit(TextSpan.FromBounds(end, trailingEnd), $"<a id=\"{term.Anchor}\"></a>");
        }
    }

    private static string NewLinkText(GlossaryIndex index, ParsedDocument document, TermMention mention) =>
        LinkTargets.NewLink(index, document, mention.Term, mention.Text);
}
