using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Linking;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Features;

/// <summary>How a highlighted term is written (SPEC §3, semantic tokens); a set of flags.</summary>
[Flags]
public enum TermHighlightKind
{
    /// <summary>A mention inside a link's text.</summary>
    Linked = 0,

    /// <summary>An entry word in a term heading.</summary>
    Declaration = 1,

    /// <summary>A mention in prose outside any link.</summary>
    Unlinked = 2,

    /// <summary>A non-preferred form of an entry word (GL0013).</summary>
    Deprecated = 4,
}

/// <summary>One highlighted span: never crosses a line break.</summary>
public readonly record struct TermHighlight(TextSpan Span, TermHighlightKind Kind);

/// <summary>
/// Where a document names a term (SPEC §3): the entry words of its term headings, every mention in
/// prose and in link texts, from the same mention scan as hover and GL0009, and every notation variant
/// GL0013 reports (deprecated). Nothing inside code, front matter or HTML (the scan's protected spans).
/// </summary>
public static class TermHighlightService
{
    /// <summary>The highlights that overlap <paramref name="range"/> (the whole document when null), in source order.</summary>
    public static IReadOnlyList<TermHighlight> GetHighlights(GlossaryIndex index, ParsedDocument document, TextSpan? range = null)
    {
        if (document.LoadProblem is not null) return [];
        // Whole lines: a mention never crosses a line break, and one cut by the range's edge would match shorter.
        var within = range is { } r ? document.Lines.WholeLines(r) : new TextSpan(0, document.Text.Length);
        var result = new List<TermHighlight>();
        foreach (var term in document.Terms)
        {
            if (term.Heading is null) continue;
            foreach (var span in term.EntryWordSpans)
                if (span.Length > 0 && span.Overlaps(within)) result.Add(new TermHighlight(span, TermHighlightKind.Declaration));
        }
        foreach (var mention in MentionScanner.FindMentionsIn(index, document, within))
            result.Add(new TermHighlight(mention.Span, TermHighlightKind.Unlinked));
        foreach (var mention in MentionScanner.FindLinkedMentions(index, document, within))
            if (mention.Span.Overlaps(within)) result.Add(new TermHighlight(mention.Span, TermHighlightKind.Linked));
        // A notation variant (GL0013) won over the mentions it overlaps.
        var variants = MentionScanner.FindVariantsIn(index, document, within);
        if (variants.Count > 0)
        {
            result.RemoveAll(h => h.Kind != TermHighlightKind.Declaration && variants.Any(v => v.Span.Overlaps(h.Span)));
            foreach (var v in variants)
                result.Add(new TermHighlight(v.Span, TermHighlightKind.Deprecated | (IsInLink(document, v.Span) ? TermHighlightKind.Linked : TermHighlightKind.Unlinked)));
        }
        result.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return result;
    }

    private static bool IsInLink(ParsedDocument document, TextSpan span)
    {
        foreach (var link in document.Links)
            if (link.TextSpan.Contains(span)) return true;
        return false;
    }
}
