using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Linking;

/// <summary>A term mentioned in prose: the source span and text, and the definition it refers to (nearest rule).</summary>
public sealed record TermMention(TextSpan Span, string Text, TermDefinition Term);

/// <summary>
/// Finds term mentions in a document's prose (SPEC §1): leftmost-longest and non-overlapping, compared
/// after NFKC / case / kana folding with '-', '_' and spaces alike, Latin-edged entry words only at
/// ASCII word boundaries, never in protected spans (headings, links, HTML, code, front matter).
/// Readings are not mentions. Matching never crosses a line break, so any line can be scanned alone.
/// </summary>
public static partial class MentionScanner
{
    /// <summary>Builds the snapshot's automaton ahead of the first scan (the server does it after loading).</summary>
    public static void Prepare(GlossaryIndex index) => _ = index.MentionAutomaton;

    public static IReadOnlyList<TermMention> FindMentions(GlossaryIndex index, ParsedDocument document) =>
        document.Text.Length == 0 ? [] : ScanAll(index, document, document.ProseWithin(new TextSpan(0, document.Text.Length)));

    /// <summary>The mention containing or touching <paramref name="offset"/> (a cursor right after a word counts), if any.</summary>
    public static TermMention? FindAt(GlossaryIndex index, ParsedDocument document, int offset)
    {
        if (offset < 0 || offset > document.Text.Length) return null;
        // Matches never cross line breaks, so scanning the line's prose gives the same mentions as the whole document.
        TermMention? touching = null;
        foreach (var m in ScanAll(index, document, document.ProseWithin(document.Lines.WholeLines(new TextSpan(offset, 0)))))
        {
            if (m.Span.Contains(offset)) return m;
            if (m.Span.ContainsOrTouches(offset)) touching ??= m;
        }
        return touching;
    }

    /// <summary>Mentions inside one span of the document (clipped to prose).</summary>
    public static IReadOnlyList<TermMention> FindMentionsIn(GlossaryIndex index, ParsedDocument document, TextSpan span) =>
        ScanAll(index, document, document.ProseWithin(span));

    /// <summary>
    /// Mentions in the visible text of the links that overlap <paramref name="span"/>, where that text is
    /// written as it is in the source: the linked mentions, which <see cref="FindMentionsIn"/> skips.
    /// </summary>
    public static IReadOnlyList<TermMention> FindLinkedMentions(GlossaryIndex index, ParsedDocument document, TextSpan span) =>
        ScanAll(index, document, document.Links
            .Select(l => (Text: l.TextInSource, Target: l.TargetSpan))
            .Where(l => l.Text is { Length: > 0 } text && text.Overlaps(span) && !text.Contains(l.Target.Start))
            .Select(l => l.Text!.Value));

    /// <summary>True when the snapshot's automaton is built (or shared with an earlier snapshot's).</summary>
    internal static bool IsPrepared(GlossaryIndex index) => index.IsMentionAutomatonBuilt;

    /// <param name="nearest">The definition each key resolved to in this document so far: a word defined in
    /// thousands of documents is resolved once per document, not once per mention.</param>
    /// <summary>The mentions in each of <paramref name="spans"/> (in order), with one buffer and one cache of resolved words.</summary>
    private static List<TermMention> ScanAll(GlossaryIndex index, ParsedDocument document, IEnumerable<TextSpan> spans)
    {
        var result = new List<TermMention>();
        if (document.LoadProblem is not null) return result;
        var automaton = index.MentionAutomaton;
        if (automaton.IsEmpty) return result;
        var buffer = new FoldedText();
        var nearest = new Dictionary<string, TermDefinition?>(StringComparer.Ordinal);
        foreach (var span in spans)
            Scan(index, document, automaton, buffer, span, result, nearest);
        return result;
    }

    private static void Scan(
        GlossaryIndex index, ParsedDocument document, MentionAutomaton automaton, FoldedText folded, TextSpan prose, List<TermMention> sink,
        Dictionary<string, TermDefinition?> nearest)
    {
        var text = document.Text;
        folded.Fill(text, prose);
        int n = folded.Length;
        int i = 0;
        while (i < n)
        {
            int bestEnd = -1;
            string? bestKey = null;
            // A Latin-edged word cannot start right after an ASCII letter or digit: skip mid-word starts.
            if (folded.IsGroupStart(i) && !(TermKey.IsAsciiWordChar(folded.Chars[i]) && folded.OriginalStart[i] > 0 && IsWordCharBefore(text, folded.OriginalStart[i])))
            {
                Longest(automaton.Base, automaton, folded, text, i, ref bestEnd, ref bestKey);
                if (automaton.Overlay is { } overlay) Longest(overlay, automaton, folded, text, i, ref bestEnd, ref bestKey);
            }
            if (bestKey is null) { i++; continue; }
            var span = TextSpan.FromBounds(folded.OriginalStart[i], folded.OriginalEnd[bestEnd]);
            if (!nearest.TryGetValue(bestKey, out var term))
                nearest[bestKey] = term = GlossaryIndex.Nearest(index.FindDefinitionsByKey(bestKey, includeReadings: false), document.Path);
            if (term is not null) sink.Add(new TermMention(span, text.Substring(span.Start, span.Length), term));
            i = bestEnd + 1;
        }
    }

    /// <summary>Extends (bestEnd, bestKey) with the longest live entry word of <paramref name="trie"/> starting at folded index i.</summary>
    private static void Longest(KeyTrie trie, MentionAutomaton automaton, FoldedText folded, string text, int i, ref int bestEnd, ref string? bestKey)
    {
        int node = 0;
        for (int j = i; j < folded.Length; j++)
        {
            node = trie.Step(node, folded.Chars[j]);
            if (node < 0) return;
            if (j > bestEnd && trie.KeyAt(node) is { } key && folded.IsGroupEnd(j)
                && BoundaryOk(text, key, folded.OriginalStart[i], folded.OriginalEnd[j]) && automaton.IsLive(key))
            {
                bestEnd = j;
                bestKey = key;
            }
        }
    }

    /// <summary>A Latin-edged entry word must not touch an ASCII letter or digit (after NFKC) beyond that edge.</summary>
    private static bool BoundaryOk(string text, string key, int start, int end)
    {
        if (TermKey.IsAsciiWordChar(key[0]) && start > 0 && IsWordCharBefore(text, start)) return false;
        if (TermKey.IsAsciiWordChar(key[^1]) && end < text.Length && IsWordCharAt(text, end)) return false;
        return true;
    }

    private static bool IsWordCharBefore(string text, int offset)
    {
        char c = text[offset - 1];
        if (c < 0x80) return TermKey.IsAsciiWordChar(c);
        int s = char.IsLowSurrogate(c) && offset >= 2 && char.IsHighSurrogate(text[offset - 2]) ? offset - 2 : offset - 1;
        var n = s == offset - 1 ? FoldedText.NormalizeChar(c) : FoldedText.NormalizeGroup(text.Substring(s, offset - s));
        return n.Length > 0 && TermKey.IsAsciiWordChar(n[^1]);
    }

    private static bool IsWordCharAt(string text, int offset)
    {
        char c = text[offset];
        if (c < 0x80) return TermKey.IsAsciiWordChar(c);
        int e = char.IsHighSurrogate(c) && offset + 1 < text.Length && char.IsLowSurrogate(text[offset + 1]) ? offset + 2 : offset + 1;
        var n = e == offset + 1 ? FoldedText.NormalizeChar(c) : FoldedText.NormalizeGroup(text.Substring(offset, e - offset));
        return n.Length > 0 && TermKey.IsAsciiWordChar(n[0]);
    }
}
