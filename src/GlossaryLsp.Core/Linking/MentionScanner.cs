using System.Runtime.CompilerServices;
using System.Text;
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
public static class MentionScanner
{
    /// <summary>Builds the snapshot's automaton ahead of the first scan (the server does it after loading).</summary>
    public static void Prepare(GlossaryIndex index) => EntryWordAutomaton.For(index);

    /// <summary>True when the snapshot's automaton is built (or shared with an earlier snapshot's).</summary>
    internal static bool IsPrepared(GlossaryIndex index) => EntryWordAutomaton.IsBuilt(index);

    public static IReadOnlyList<TermMention> FindMentions(GlossaryIndex index, ParsedDocument document)
    {
        var result = new List<TermMention>();
        if (document.LoadProblem is not null || document.Text.Length == 0) return result;
        var automaton = EntryWordAutomaton.For(index);
        if (automaton.IsEmpty) return result;
        var buffer = new FoldedText();
        foreach (var prose in document.ProseSpans())
            Scan(index, document, automaton, buffer, prose, result);
        return result;
    }

    /// <summary>The mention containing or touching <paramref name="offset"/> (a cursor right after a word counts), if any.</summary>
    public static TermMention? FindAt(GlossaryIndex index, ParsedDocument document, int offset)
    {
        if (document.LoadProblem is not null || offset < 0 || offset > document.Text.Length) return null;
        var automaton = EntryWordAutomaton.For(index);
        if (automaton.IsEmpty) return null;
        // Matches never cross line breaks, so scanning the line's prose gives the same mentions as the whole document.
        int line = document.Lines.GetLine(offset);
        var lineSpan = TextSpan.FromBounds(document.Lines.GetLineStart(line), document.Lines.GetLineEnd(line));
        var found = new List<TermMention>();
        var buffer = new FoldedText();
        foreach (var prose in ProseWithin(document, lineSpan))
            Scan(index, document, automaton, buffer, prose, found);
        TermMention? touching = null;
        foreach (var m in found)
        {
            if (m.Span.Contains(offset)) return m;
            if (m.Span.ContainsOrTouches(offset)) touching ??= m;
        }
        return touching;
    }

    /// <summary>Mentions inside one span of the document (clipped to prose).</summary>
    public static IReadOnlyList<TermMention> FindMentionsIn(GlossaryIndex index, ParsedDocument document, TextSpan span)
    {
        var result = new List<TermMention>();
        if (document.LoadProblem is not null) return result;
        var automaton = EntryWordAutomaton.For(index);
        if (automaton.IsEmpty) return result;
        var buffer = new FoldedText();
        foreach (var prose in ProseWithin(document, span))
            Scan(index, document, automaton, buffer, prose, result);
        return result;
    }

    private static IEnumerable<TextSpan> ProseWithin(ParsedDocument document, TextSpan span)
    {
        int pos = span.Start;
        var spans = document.ProtectedSpans;
        // The first protected span that ends after the start (spans are sorted and disjoint).
        int lo = 0, hi = spans.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (spans[mid].End <= pos) lo = mid + 1; else hi = mid;
        }
        for (int k = lo; k < spans.Length; k++)
        {
            var p = spans[k];
            if (p.End <= pos) continue;
            if (p.Start >= span.End) break;
            if (p.Start > pos) yield return TextSpan.FromBounds(pos, p.Start);
            pos = Math.Max(pos, p.End);
        }
        if (pos < span.End) yield return TextSpan.FromBounds(pos, span.End);
    }

    private static void Scan(GlossaryIndex index, ParsedDocument document, EntryWordAutomaton automaton, FoldedText folded, TextSpan prose, List<TermMention> sink)
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
            var term = GlossaryIndex.Nearest(EntryWordAutomaton.DefinitionsOf(index, bestKey), document.Path);
            if (term is not null) sink.Add(new TermMention(span, text.Substring(span.Start, span.Length), term));
            i = bestEnd + 1;
        }
    }

    /// <summary>Extends (bestEnd, bestKey) with the longest live entry word of <paramref name="trie"/> starting at folded index i.</summary>
    private static void Longest(KeyTrie trie, EntryWordAutomaton automaton, FoldedText folded, string text, int i, ref int bestEnd, ref string? bestKey)
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
        var n = FoldedText.NormalizeGroup(text.Substring(s, offset - s));
        return n.Length > 0 && TermKey.IsAsciiWordChar(n[^1]);
    }

    private static bool IsWordCharAt(string text, int offset)
    {
        char c = text[offset];
        if (c < 0x80) return TermKey.IsAsciiWordChar(c);
        int e = char.IsHighSurrogate(c) && offset + 1 < text.Length && char.IsLowSurrogate(text[offset + 1]) ? offset + 2 : offset + 1;
        var n = FoldedText.NormalizeGroup(text.Substring(offset, e - offset));
        return n.Length > 0 && TermKey.IsAsciiWordChar(n[0]);
    }
}

/// <summary>
/// Text folded like <see cref="TermKey.Normalize"/> (NFKC, lower case, hiragana→katakana, runs of
/// '-', '_' and spaces to one space) with, for every folded char, the original UTF-16 range it came
/// from. NFKC works per group (a code point with its combining marks); a group may expand (㌔ → キロ),
/// and a match must start and end on group edges. Line breaks fold to '\n', which no entry word contains.
/// </summary>
internal sealed class FoldedText
{
    private const byte GroupStart = 1, GroupEnd = 2;
    public char[] Chars = new char[256];
    public int[] OriginalStart = new int[256];
    public int[] OriginalEnd = new int[256];
    private byte[] _flags = new byte[256];
    public int Length;

    public bool IsGroupStart(int i) => (_flags[i] & GroupStart) != 0;
    public bool IsGroupEnd(int i) => (_flags[i] & GroupEnd) != 0;

    public void Fill(string text, TextSpan span)
    {
        Length = 0;
        int i = span.Start, end = span.End;
        while (i < end)
        {
            char c = text[i];
            if (c < 0x80)
            {
                if (c is '\r' or '\n') Add('\n', i, i + 1, GroupStart | GroupEnd);
                else if (c is '-' or '_' or ' ' or '\t' or '\f' or '\v') AddSeparator(i, i + 1);
                else Add(c is >= 'A' and <= 'Z' ? (char)(c + 32) : c, i, i + 1, GroupStart | GroupEnd);
                i++;
                continue;
            }
            int j = i + (char.IsHighSurrogate(c) && i + 1 < end && char.IsLowSurrogate(text[i + 1]) ? 2 : 1);
            while (j < end && IsCombining(text, j)) j += char.IsHighSurrogate(text[j]) && j + 1 < end && char.IsLowSurrogate(text[j + 1]) ? 2 : 1;
            if (j == i + 1 && IsStableCjk(c))
            {
                Add(TermKey.FoldChar(c), i, j, GroupStart | GroupEnd);
                i = j;
                continue;
            }
            int first = Length;
            foreach (char raw in j == i + 1 ? NormalizeChar(c) : NormalizeGroup(text.Substring(i, j - i)))
            {
                if (raw is '\r' or '\n') Add('\n', i, j, 0);
                else if (raw is '-' or '_' || char.IsWhiteSpace(raw)) AddSeparator(i, j);
                else Add(TermKey.FoldChar(raw), i, j, 0);
            }
            if (Length > first)
            {
                _flags[first] |= GroupStart;
                _flags[Length - 1] |= GroupEnd;
            }
            i = j;
        }
    }

    private void AddSeparator(int start, int end)
    {
        // A run of separators is one space spanning the whole run.
        if (Length > 0 && Chars[Length - 1] == ' ' && OriginalEnd[Length - 1] <= start)
        {
            OriginalEnd[Length - 1] = end;
            _flags[Length - 1] = GroupStart | GroupEnd;
            return;
        }
        Add(' ', start, end, GroupStart | GroupEnd);
    }

    private void Add(char c, int start, int end, int flags)
    {
        if (Length == Chars.Length)
        {
            int size = Length * 2;
            Array.Resize(ref Chars, size);
            Array.Resize(ref OriginalStart, size);
            Array.Resize(ref OriginalEnd, size);
            Array.Resize(ref _flags, size);
        }
        Chars[Length] = c;
        OriginalStart[Length] = start;
        OriginalEnd[Length] = end;
        _flags[Length] = (byte)flags;
        Length++;
    }

    /// <summary>Kana (not half-width) and CJK ideographs are unchanged by NFKC when no combining mark follows.</summary>
    private static bool IsStableCjk(char c) => c is >= '\u3041' and <= '\u3096' or >= '\u30A1' and <= '\u30FA' or '\u30FC' or >= '\u4E00' and <= '\u9FFF';

    private static bool IsCombining(string text, int j)
    {
        char c = text[j];
        if (c is '\u3099' or '\u309A' or '\uFF9E' or '\uFF9F') return true;
        if (c < 0x300) return false;
        var cat = char.IsHighSurrogate(c) && j + 1 < text.Length && char.IsLowSurrogate(text[j + 1])
            ? System.Globalization.CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(c, text[j + 1]))
            : char.GetUnicodeCategory(c);
        return cat is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.EnclosingMark;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<char, string> SingleChars = new();

    /// <summary>NFKC of one BMP character (punctuation, full-width forms, …), cached: Japanese prose is full of them.</summary>
    private static string NormalizeChar(char c) =>
        char.IsSurrogate(c) ? c.ToString() : SingleChars.GetOrAdd(c, static ch => NormalizeGroup(ch.ToString()));

    public static string NormalizeGroup(string s)
    {
        try { return s.Normalize(NormalizationForm.FormKC); }
        catch (ArgumentException) { return s; } // lone surrogates
    }
}

/// <summary>
/// The entry words of a snapshot as a trie (readings excluded), built once per entry-word table and
/// shared by every snapshot with the same table. When definitions change, the new automaton re-uses
/// the last one's trie and adds a small overlay trie of the keys of the documents that changed; keys
/// that are gone are filtered out when matched (<see cref="IsLive"/>). A full rebuild happens only
/// when the overlay or the stale part grows large, so editing a heading in a 100k-term workspace costs
/// the changed documents' keys, not 100k keys.
/// </summary>
internal sealed class EntryWordAutomaton
{
    private static readonly ConditionalWeakTable<object, EntryWordAutomaton> Cache = new();
    private static EntryWordAutomaton? _latest;

    private readonly IReadOnlyDictionary<string, TermRef[]> _table;
    private readonly IReadOnlyDictionary<string, ParsedDocument> _documents;
    private readonly List<string> _added;
    public KeyTrie Base { get; }
    public KeyTrie? Overlay { get; }

    public bool IsEmpty => Base.KeyCount == 0 && Overlay is null;

    private EntryWordAutomaton(GlossaryIndex index, KeyTrie @base, List<string> added)
    {
        _table = index.EntryWordTable;
        _documents = index.Documents;
        _added = added;
        Base = @base;
        Overlay = added.Count == 0 ? null : KeyTrie.Build([.. added]);
    }

    public static EntryWordAutomaton For(GlossaryIndex index) =>
        // The entry-word table object is shared by snapshots whose definitions are the same, so it keys the cache.
        Cache.GetValue(index.EntryWordTable, _ => _latest = Create(index, _latest));

    public static bool IsBuilt(GlossaryIndex index) => Cache.TryGetValue(index.EntryWordTable, out _);

    private static bool IsMention(TermRef[] refs) => Array.Exists(refs, r => !r.IsReading);

    private static EntryWordAutomaton Create(GlossaryIndex index, EntryWordAutomaton? previous)
    {
        if (previous is not null && Derive(index, previous) is { } derived) return derived;
        var keys = new List<string>(index.EntryWordTable.Count);
        foreach (var (key, refs) in index.EntryWordTable)
            if (key.Length > 0 && IsMention(refs)) keys.Add(key);
        return new EntryWordAutomaton(index, KeyTrie.Build(keys), []);
    }

    /// <summary>The previous trie plus the new keys of the documents that are not the previous snapshot's; null when a rebuild is due.</summary>
    private static EntryWordAutomaton? Derive(GlossaryIndex index, EntryWordAutomaton previous)
    {
        int limit = Math.Max(1000, previous.Base.KeyCount / 20);
        var added = new List<string>(previous._added);
        foreach (var (path, doc) in index.Documents)
        {
            if (previous._documents.TryGetValue(path, out var old) && ReferenceEquals(old, doc)) continue;
            foreach (var term in doc.Terms)
                foreach (var word in term.EntryWords)
                {
                    var key = TermKey.Normalize(word);
                    if (key.Length > 0 && !previous.Base.Contains(key)) added.Add(key);
                }
            if (added.Count > limit) return null;
        }
        // Keys of the trie that are no longer entry words only cost a lookup when matched, but not too many.
        if (previous.Base.KeyCount + added.Count - index.EntryWordTable.Count > limit) return null;
        return new EntryWordAutomaton(index, previous.Base, added);
    }

    /// <summary>True when the key is still an entry word (not only a reading) of this automaton's snapshot.</summary>
    public bool IsLive(string key) => _table.TryGetValue(key, out var refs) && IsMention(refs);

    /// <summary>The (non-reading) definitions of a key.</summary>
    public static IReadOnlyList<TermDefinition> DefinitionsOf(GlossaryIndex index, string key)
    {
        if (!index.EntryWordTable.TryGetValue(key, out var refs)) return [];
        var result = new List<TermDefinition>(refs.Length);
        foreach (var r in refs)
            if (!r.IsReading && index.Documents.TryGetValue(r.Path, out var d) && r.Index < d.Terms.Length) result.Add(d.Terms[r.Index]);
        return result;
    }
}

/// <summary>
/// An immutable trie of strings in compact arrays: the children of a node are contiguous and sorted by
/// char, so a step is a binary search. Built from the sorted keys breadth-first in linear time, into
/// arrays of the exact size (the node count is known from the keys' common prefixes): 10 bytes a node,
/// and no growing lists while building (100k terms make about three million nodes).
/// </summary>
internal sealed class KeyTrie
{
    /// <summary>The first child of each node; breadth-first numbering makes node i's children end where node i+1's begin (one extra entry closes the last).</summary>
    private readonly int[] _firstChild;
    private readonly char[] _label;
    /// <summary>The index in <see cref="_keys"/> of the key ending at each node, or -1.</summary>
    private readonly int[] _keyIndex;
    private readonly string[] _keys;

    public int KeyCount => _keys.Length;

    private KeyTrie(int[] firstChild, char[] label, int[] keyIndex, string[] keys)
    {
        _firstChild = firstChild;
        _label = label;
        _keyIndex = keyIndex;
        _keys = keys;
    }

    public static KeyTrie Build(List<string> keys)
    {
        keys.Sort(StringComparer.Ordinal); // the caller's list: callers pass a list of their own
        int distinct = 0;
        for (int i = 0; i < keys.Count; i++)
            if (distinct == 0 || !string.Equals(keys[i], keys[distinct - 1], StringComparison.Ordinal)) keys[distinct++] = keys[i];
        keys.RemoveRange(distinct, keys.Count - distinct);
        // Every key adds one node per char after its common prefix with the previous key.
        long nodes = 1;
        for (int i = 0; i < keys.Count; i++)
            nodes += keys[i].Length - (i == 0 ? 0 : keys[i].AsSpan().CommonPrefixLength(keys[i - 1]));
        if (nodes > Array.MaxLength - 1) throw new InvalidOperationException($"too many entry-word characters for one trie ({nodes:N0} nodes)");
        var firstChild = new int[nodes + 1];
        var label = new char[nodes];
        var keyIndex = new int[nodes];
        Array.Fill(keyIndex, -1);
        int count = 1;
        var queue = new Queue<(int Node, int Lo, int Hi, int Depth)>();
        queue.Enqueue((0, 0, keys.Count, 0));
        while (queue.Count > 0)
        {
            var (node, lo, hi, depth) = queue.Dequeue();
            if (lo < hi && keys[lo].Length == depth) keyIndex[node] = lo++;
            firstChild[node] = count;
            for (int g = lo; g < hi;)
            {
                char c = keys[g][depth];
                int end = g + 1;
                while (end < hi && keys[end][depth] == c) end++;
                int child = count++;
                label[child] = c;
                queue.Enqueue((child, g, end, depth + 1));
                g = end;
            }
        }
        firstChild[nodes] = count;
        return new KeyTrie(firstChild, label, keyIndex, [.. keys]);
    }

    /// <summary>The child of <paramref name="node"/> (0 = root) for <paramref name="c"/>, or -1.</summary>
    public int Step(int node, char c)
    {
        int lo = _firstChild[node], hi = _firstChild[node + 1] - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            char m = _label[mid];
            if (m == c) return mid;
            if (m < c) lo = mid + 1; else hi = mid - 1;
        }
        return -1;
    }

    /// <summary>The key that ends at this node, if any.</summary>
    public string? KeyAt(int node) => _keyIndex[node] is var k and >= 0 ? _keys[k] : null;

    public bool Contains(string key)
    {
        int node = 0;
        foreach (char c in key)
            if ((node = Step(node, c)) < 0) return false;
        return _keyIndex[node] >= 0;
    }
}
