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
        return Verified(document, WithinLineLimit(document, edits.ToImmutable()));
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
        if (JoinsPrecedingText(document, mention.Span.Start)) return null;
        return new TextEdit(mention.Span, NewLinkText(index, document, mention));
    }

    /// <summary>Whether an edit of <see cref="LinkAll"/> adds a heading id (else it links a mention).</summary>
    public static bool IsHeadingId(TextEdit edit) => edit.NewText.StartsWith("<a id=\"", StringComparison.Ordinal);

    /// <summary>
    /// Term headings of a term-list glossary without an id get <c>&lt;a id="{anchor}"&gt;&lt;/a&gt;</c> right
    /// after their text, replacing trailing white space (as the public linker writes them).
    /// </summary>
    public static IEnumerable<TextEdit> MissingHeadingIds(ParsedDocument document)
    {
        if (document.Kind != DocumentKind.TermList) yield break;
        var text = document.Text;
        int nextLink = 0, linksEnd = 0; // links are in document order; linksEnd: the furthest end of those starting before `end`
        int nextProtected = 0; // protected spans are sorted and merged
        foreach (var term in document.Terms)
        {
            if (term.Heading is not { ExplicitId: null } h || term.Anchor is null) continue;
            int end = h.TextSpan.End;
            if (document.UnclosedTagStart >= 0 && end > document.UnclosedTagStart) continue; // the id would close that tag
            // Up to the next line's start: "<a" and a line break start a tag.
            HtmlScanner.AnchorTags(text, h.TextSpan.Start, document.Lines.GetLineEndIncludingBreak(document.Lines.GetLine(h.Span.End)), out int open);
            if (open >= 0) continue; // a tag that starts in the heading and ends after it: the id would land inside it
            for (; nextLink < document.Links.Length && document.Links[nextLink].Span.Start < end; nextLink++)
                linksEnd = Math.Max(linksEnd, document.Links[nextLink].Span.End);
            if (linksEnd > end) continue; // a heading inside a link's element: an <a id> there would end the link early
            var spans = document.ProtectedSpans;
            while (nextProtected < spans.Length && spans[nextProtected].End <= h.Span.Start) nextProtected++;
            if (nextProtected < spans.Length && spans[nextProtected].Start < h.Span.Start) continue; // inside a tag or block that began before it
            int trailingEnd = end;
            while (trailingEnd < h.Span.End && char.IsWhiteSpace(text[trailingEnd])) trailingEnd++;
            if (trailingEnd != h.Span.End) trailingEnd = end; // keep a closing "##" sequence and what precedes it
            yield return new TextEdit(TextSpan.FromBounds(end, trailingEnd), $"<a id=\"{term.Anchor}\"></a>");
        }
    }

    /// <summary>
    /// Whether a Markdown link written at <paramref name="start"/> would be read together with the text
    /// before it: after <c>!</c> it becomes an image, after a backslash its bracket is escaped.
    /// </summary>
    private static bool JoinsPrecedingText(ParsedDocument document, int start)
    {
        return start > 0 && !LinkTargets.PrefersHtml(document) && document.Text[start - 1] is '!' or '\\';
    }

    /// <summary>
    /// The edits whose output reads as intended, checked by parsing it: each inserted link is one link in
    /// its place and each heading id is its heading's id. Markup that the text around it would take in
    /// (an open tag or comment, a bracket) is left out, so a run never breaks a document.
    /// </summary>
    private static ImmutableArray<TextEdit> Verified(ParsedDocument document, ImmutableArray<TextEdit> edits)
    {
        if (edits.IsEmpty) return edits;
        var sorted = edits.OrderBy(e => e.Span.Start).ToArray();
        var output = DocumentParser.Parse(document.Path, TextEdit.Apply(document.Text, sorted), document.Kind == DocumentKind.TermList);
        if (output.LoadProblem is not null) return [];
        var links = output.Links.Select(l => l.Span).ToHashSet();
        var ids = output.Headings.Where(h => h.ExplicitIdElementSpan is not null).Select(h => h.ExplicitIdElementSpan!.Value).ToHashSet();
        var wrong = new HashSet<TextEdit>(ReferenceEqualityComparer.Instance);
        int shift = 0;
        foreach (var e in sorted)
        {
            var placed = new TextSpan(e.Span.Start + shift, e.NewText.Length);
            if (!links.Contains(placed) && !ids.Contains(placed)) wrong.Add(e);
            shift += e.NewText.Length - e.Span.Length;
        }
        return wrong.Count == 0 ? edits : [.. edits.Where(e => !wrong.Contains(e))];
    }

    /// <summary>
    /// The edits without those that would make a line longer than <see cref="DocumentParser.MaxLineLength"/>:
    /// the linked document must stay one the parser reads. Within a line, earlier edits go first.
    /// </summary>
    private static ImmutableArray<TextEdit> WithinLineLimit(ParsedDocument document, ImmutableArray<TextEdit> edits)
    {
        int growth = 0;
        foreach (var e in edits) growth += e.NewText.Length - e.Span.Length;
        if (document.Text.Length + growth <= DocumentParser.MaxLineLength) return edits;
        var dropped = new HashSet<TextEdit>(ReferenceEqualityComparer.Instance);
        int line = -1, length = 0;
        foreach (var e in edits.OrderBy(e => e.Span.Start))
        {
            int l = document.Lines.GetLine(e.Span.Start);
            if (l != line) (line, length) = (l, document.Lines.GetLineEnd(l) - document.Lines.GetLineStart(l));
            int grown = length + e.NewText.Length - e.Span.Length;
            if (grown > DocumentParser.MaxLineLength) dropped.Add(e);
            else length = grown;
        }
        return dropped.Count == 0 ? edits : [.. edits.Where(e => !dropped.Contains(e))];
    }

    private static string NewLinkText(GlossaryIndex index, ParsedDocument document, TermMention mention) =>
        LinkTargets.NewLink(index, document, mention.Term, mention.Text);
}
