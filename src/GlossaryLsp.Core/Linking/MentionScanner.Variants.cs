using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Linking;

/// <summary>
/// A notation variant found in prose (SPEC §8): the span and its text, the preferred form to write, and
/// either the term whose entry word that is (a glossary variant) or the declaration that names the form.
/// </summary>
public sealed record VariantMention(TextSpan Span, string Text, string Preferred, TermDefinition? Term, DeclaredVariant? Declared);

/// <summary>
/// Notation variants ride on the mention scan: the same folded text, the same trie of entry-word keys
/// walked along the variant fold (<see cref="VariantWalk"/>), and the configuration's declared forms
/// looked up at the same positions — one pass over the prose. Where a variant, a declared form and a
/// mention overlap, the longest wins (a declared form, then a mention, on a tie), leftmost first.
/// </summary>
public static partial class MentionScanner
{
    /// <summary>The variants and declared forms in the document's prose and plain link texts.</summary>
    public static IReadOnlyList<VariantMention> FindVariants(GlossaryIndex index, ParsedDocument document) =>
        FindVariantsIn(index, document, new TextSpan(0, document.Text.Length));

    /// <summary>The variants and declared forms of <see cref="FindVariants"/> in the variant spans that start inside <paramref name="within"/> (whole lines).</summary>
    public static IReadOnlyList<VariantMention> FindVariantsIn(GlossaryIndex index, ParsedDocument document, TextSpan within) =>
        FindVariantsIn(index, document, [within]);

    /// <summary><see cref="FindVariantsIn(GlossaryIndex, ParsedDocument, TextSpan)"/> for several stretches of whole lines, apart: one pass over the variant spans.</summary>
    public static List<VariantMention> FindVariantsIn(GlossaryIndex index, ParsedDocument document, IReadOnlyList<TextSpan> within) =>
        FindVariantsIn(index, document, VariantSpans(document), within);

    /// <summary>The variant or declared form at <paramref name="offset"/> (a cursor right after it counts), from a scan of its line.</summary>
    public static VariantMention? FindVariantAt(GlossaryIndex index, ParsedDocument document, int offset)
    {
        if (offset < 0 || offset > document.Text.Length) return null;
        VariantMention? touching = null;
        foreach (var v in FindVariantsIn(index, document, document.Lines.WholeLines(new TextSpan(offset, 0))))
        {
            if (v.Span.Contains(offset)) return v;
            if (v.Span.ContainsOrTouches(offset)) touching ??= v;
        }
        return touching;
    }

    /// <summary>
    /// The other entry-word keys of the snapshot that are notation variants of <paramref name="key"/>: the
    /// same variant fold, at least 3 code points each (shorter entry words have no variants).
    /// </summary>
    public static IReadOnlyList<string> KeysFoldedLike(GlossaryIndex index, string key)
    {
        if (VariantFold.CodePoints(key) < 3) return [];
        var automaton = index.MentionAutomaton;
        var fold = VariantFold.Fold(key);
        if (automaton.IsEmpty || fold.Length == 0) return [];
        var matches = new List<(int End, string Key)>();
        var walk = new VariantWalk();
        walk.Walk(automaton.Base, fold, 0, matches);
        if (automaton.Overlay is { } overlay) walk.Walk(overlay, fold, 0, matches);
        var result = new List<string>();
        foreach (var (end, other) in matches)
            if (end == fold.Length - 1 && other != key && !result.Contains(other) && VariantFold.CodePoints(other) >= 3 && automaton.IsLive(other)) result.Add(other);
        return result;
    }

    /// <summary>
    /// Where notation variants are looked for, in order and apart: prose (where mentions are) and the text of links
    /// written plainly (no markup, code or character references inside), except in headings.
    /// </summary>
    public static List<TextSpan> VariantSpans(ParsedDocument document)
    {
        var linkTexts = new List<TextSpan>();
        foreach (var link in document.Links)
        {
            var inner = link.TextSpan;
            if (inner.IsEmpty || inner.End > document.Text.Length) continue;
            var raw = document.Text.AsSpan(inner.Start, inner.Length);
            // A link text that is itself an address is not prose (bare URLs in prose are protected too).
            if (raw.IndexOfAny("<`&[]!\\") >= 0 || raw.Contains("://", StringComparison.Ordinal) || raw.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
                || InHeading(document, inner.Start)) continue;
            linkTexts.Add(inner);
        }
        // Link texts are protected, so they lie apart from the prose: a merge of the two sorted lists.
        linkTexts.Sort((a, b) => a.Start.CompareTo(b.Start));
        var result = new List<TextSpan>(linkTexts.Count + document.ProtectedSpans.Length + 1);
        int k = 0;
        foreach (var prose in document.ProseWithin(new TextSpan(0, document.Text.Length)))
        {
            while (k < linkTexts.Count && linkTexts[k].Start < prose.Start) result.Add(linkTexts[k++]);
            result.Add(prose);
        }
        while (k < linkTexts.Count) result.Add(linkTexts[k++]);
        return result;
    }

    /// <summary><see cref="FindVariantsIn(GlossaryIndex, ParsedDocument, IReadOnlyList{TextSpan})"/> with the document's <see cref="VariantSpans"/> already listed.</summary>
    internal static List<VariantMention> FindVariantsIn(GlossaryIndex index, ParsedDocument document, IReadOnlyList<TextSpan> spans, IReadOnlyList<TextSpan> within)
    {
        var result = new List<VariantMention>();
        if (document.LoadProblem is not null || document.Text.Length == 0 || within.Count == 0) return result;
        var automaton = index.MentionAutomaton;
        var declared = index.Config.Variants;
        if (automaton.IsEmpty && declared.IsEmpty) return result;
        var scan = new VariantScan(index, document, automaton, declared);
        foreach (var span in spans)
            foreach (var part in within)
            {
                if (span.End <= part.Start || span.Start >= part.End) continue;
                var clipped = TextSpan.FromBounds(Math.Max(span.Start, part.Start), Math.Min(span.End, part.End));
                scan.Run(clipped, result, IsLinkText(document, span));
            }
        return result;
    }

    /// <summary>
    /// The whole lines of the document's variant spans (<paramref name="spans"/>, its <see cref="VariantSpans"/>) whose
    /// variant fold holds one of <paramref name="folds"/>, in order: a variant or mention of a word with such a fold can
    /// only be on those lines (matches never cross a line break).
    /// </summary>
    internal static List<TextSpan> LinesHolding(ParsedDocument document, IReadOnlyList<TextSpan> spans, IReadOnlyCollection<string> folds)
    {
        var lines = new SortedSet<int>();
        if (document.LoadProblem is null && folds.Count > 0)
        {
            var folded = new FoldedText();
            char[] fold = new char[256];
            int[] first = new int[256], last = new int[256];
            foreach (var span in spans)
            {
                folded.Fill(document.Text, span);
                int n = folded.Length;
                if (fold.Length < n) (fold, first, last) = (new char[n], new int[n], new int[n]);
                var text = fold.AsSpan(0, VariantFold.Fold(folded.Chars.AsSpan(0, n), fold, first, last));
                foreach (var f in folds)
                    for (int from = 0, at; f.Length > 0 && (at = text[from..].IndexOf(f, StringComparison.Ordinal)) >= 0; from += at + 1)
                        lines.Add(document.Lines.GetLine(folded.OriginalStart[first[from + at]]));
            }
        }
        var result = new List<TextSpan>(lines.Count);
        foreach (int line in lines)
            result.Add(TextSpan.FromBounds(document.Lines.GetLineStart(line), document.Lines.GetLineEnd(line)));
        return result;
    }

    /// <summary>True when an offset is inside one of the document's headings (sorted, apart): a binary search.</summary>
    private static bool InHeading(ParsedDocument document, int offset)
    {
        var headings = document.Headings;
        int lo = 0, hi = headings.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            var span = headings[mid].Span;
            if (span.End <= offset) lo = mid + 1;
            else if (span.Start > offset) hi = mid - 1;
            else return true;
        }
        return false;
    }

    /// <summary>True when a span of <see cref="VariantSpans"/> is a link's text (not prose).</summary>
    private static bool IsLinkText(ParsedDocument document, TextSpan span) => document.IsProtected(span.Start);

    /// <summary>One document's scan: buffers reused from span to span.</summary>
    private sealed class VariantScan(GlossaryIndex index, ParsedDocument document, MentionAutomaton automaton, DeclaredVariants declared)
    {
        private readonly FoldedText _folded = new();
        private readonly VariantWalk _walk = new();
        private readonly List<(int End, string Key)> _matches = [];
        private char[] _fold = new char[256];
        private int[] _first = new int[256], _last = new int[256];

        /// <summary>For each folded index, the fold index of the char that starts there, or -1 (a char the fold removes).</summary>
        private int[] _foldAt = new int[256];

        /// <summary>Leftmost-longest over mentions, variants and declared forms: a mention that wins hides what starts inside it.</summary>
        public void Run(TextSpan span, List<VariantMention> sink, bool isLinkText)
        {
            var text = document.Text;
            // Most link texts are an entry word as written: a mention from edge to edge, with nothing in it to find.
            if (isLinkText && declared.IsEmpty && IsEntryWordAsWritten(text.AsSpan(span.Start, span.Length))) return;
            _folded.Fill(text, span);
            int n = _folded.Length;
            if (n == 0) return;
            if (isLinkText && declared.IsEmpty && automaton.IsLive(_folded.Chars.AsSpan(0, n))) return;
            if (_fold.Length < n)
            {
                _fold = new char[n];
                _first = new int[n];
                _last = new int[n];
                _foldAt = new int[n];
            }
            int m = VariantFold.Fold(_folded.Chars.AsSpan(0, n), _fold, _first, _last);
            Array.Fill(_foldAt, -1, 0, n);
            for (int a = 0; a < m; a++) _foldAt[_first[a]] = a;
            for (int i = 0; i < n;)
            {
                // Nothing starts inside a Latin word, nor where a group does not begin.
                if (!_folded.IsGroupStart(i) || (TermKey.IsAsciiWordChar(_folded.Chars[i]) && _folded.OriginalStart[i] > 0 && IsWordCharBefore(text, _folded.OriginalStart[i])))
                {
                    i++;
                    continue;
                }
                int mentionEnd = -1;
                (int End, VariantMention Found)? best = null;
                int a = _foldAt[i];
                bool mayStart = !automaton.IsEmpty && a >= 0 && MayStart(a, m);
                bool startOk = a >= 0 && (mayStart || !declared.IsEmpty) && StartOk(i);
                if (mayStart)
                {
                    if (startOk) best = GlossaryVariantAt(a, m, i, ref mentionEnd);
                    else
                    {
                        string? key = null;
                        Longest(automaton.Base, automaton, _folded, text, i, ref mentionEnd, ref key);
                        if (automaton.Overlay is { } overlay) Longest(overlay, automaton, _folded, text, i, ref mentionEnd, ref key);
                    }
                }
                if (startOk && !declared.IsEmpty && DeclaredAt(i, n) is { } form && form.End >= Math.Max(mentionEnd, best?.End ?? -1)) best = form;
                if (best is { } found && (found.End > mentionEnd || found.Found.Declared is not null))
                {
                    sink.Add(found.Found);
                    i = found.End + 1;
                }
                else i = mentionEnd >= 0 ? mentionEnd + 1 : i + 1;
            }
        }

        /// <summary>
        /// True when <paramref name="written"/> is an entry word's key once ASCII letters are lower-cased and runs of
        /// '-', '_' and spaces made one space — decided without folding, for text of ASCII, kana and kanji only.
        /// </summary>
        private bool IsEntryWordAsWritten(ReadOnlySpan<char> written)
        {
            Span<char> key = written.Length <= 128 ? stackalloc char[written.Length] : new char[written.Length];
            int n = 0;
            bool space = false;
            foreach (char c in written)
            {
                if (c is ' ' or '-' or '_') { space = n > 0; continue; }
                if (!(c < 0x80 || c is >= '\u30A1' and <= '\u30FA' or '\u30FC' or >= '\u4E00' and <= '\u9FFF')) return false;
                if (space) { key[n++] = ' '; space = false; }
                key[n++] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
            }
            return n > 0 && automaton.IsLive(key[..n]);
        }

        /// <summary>
        /// The longest variant of an entry word starting at fold index <paramref name="a"/> (folded index <paramref name="fs"/>),
        /// and in <paramref name="mentionEnd"/> the end of the longest mention there: the walk finds both.
        /// </summary>
        private (int End, VariantMention Found)? GlossaryVariantAt(int a, int m, int fs, ref int mentionEnd)
        {
            _matches.Clear();
            var fold = _fold.AsSpan(0, m);
            _walk.Walk(automaton.Base, fold, a, _matches);
            if (automaton.Overlay is { } overlay) _walk.Walk(overlay, fold, a, _matches);
            if (_matches.Count == 0) return null;
            if (automaton.Overlay is not null) _matches.Sort((x, y) => x.End.CompareTo(y.End));
            var text = document.Text;
            foreach (var (_, key) in _matches)
            {
                int end = fs + key.Length - 1;
                if (end > mentionEnd && end < _folded.Length && _folded.Chars.AsSpan(fs, key.Length).SequenceEqual(key) && _folded.IsGroupEnd(end)
                    && BoundaryOk(text, key, _folded.OriginalStart[fs], _folded.OriginalEnd[end]) && automaton.IsLive(key)) mentionEnd = end;
            }
            // The longest end first; the walk lists ends in increasing order.
            for (int j = _matches.Count; j > 0;)
            {
                int t = _matches[j - 1].End, i = j - 1;
                while (i > 0 && _matches[i - 1].End == t) i--;
                int fe = _last[t];
                while (fe + 1 < _folded.Length && _folded.Chars[fe + 1] == VariantFold.ProlongedSoundMark) fe++;
                if (fe > mentionEnd && _folded.IsGroupEnd(fe) && EndOk(fe))
                {
                    if (Preferred(i, j, out bool ambiguous) is var (term, word))
                    {
                        var span = TextSpan.FromBounds(_folded.OriginalStart[fs], _folded.OriginalEnd[fe]);
                        return (fe, new VariantMention(span, text.Substring(span.Start, span.Length), word, term, null));
                    }
                    if (ambiguous) return null; // the longest reading here names no preferred form: no shorter one either
                }
                j = i;
            }
            return null;
        }

        /// <summary>
        /// The term and entry word the keys of <c>_matches[from..to]</c> name: they must be entry words of the same
        /// definitions (aliases of one term), else the fold is shared by different terms and names no preferred form.
        /// </summary>
        private (TermDefinition Term, string Word)? Preferred(int from, int to, out bool ambiguous)
        {
            ambiguous = false;
            string? chosen = null;
            TermRef[]? refs = null;
            for (int k = from; k < to; k++)
            {
                var key = _matches[k].Key;
                if (VariantFold.CodePoints(key) < 3 || !automaton.IsLive(key) || !index.EntryWordTable.TryGetValue(key, out var r)) continue;
                var own = Array.FindAll(r, x => !x.IsReading);
                if (refs is null) { chosen = key; refs = own; continue; }
                if (!own.AsSpan().SequenceEqual(refs))
                {
                    ambiguous = true;
                    return null;
                }
                chosen = EarlierWord(refs[0], chosen!, key);
            }
            if (chosen is null) return null;
            var term = GlossaryIndex.Nearest(index.FindDefinitionsByKey(chosen, includeReadings: false), document.Path);
            if (term is null) return null;
            return (term, term.EntryWords.FirstOrDefault(w => TermKey.Normalize(w) == chosen) ?? term.Headword);
        }

        /// <summary>Of two keys of the same term, the one whose entry word comes first (the headword before aliases).</summary>
        private string EarlierWord(TermRef term, string a, string b)
        {
            foreach (var word in index.Resolve(term).EntryWords)
            {
                var key = TermKey.Normalize(word);
                if (key == a) return a;
                if (key == b) return b;
            }
            return a;
        }

        /// <summary>The longest declared form (compared as mention keys) at folded index <paramref name="fs"/>.</summary>
        private (int End, VariantMention Found)? DeclaredAt(int fs, int n)
        {
            foreach (var (key, variant) in declared.StartingWith(_folded.Chars[fs]))
            {
                int fe = fs + key.Length - 1;
                if (fe >= n || !_folded.Chars.AsSpan(fs, key.Length).SequenceEqual(key) || !_folded.IsGroupEnd(fe) || !EndOk(fe)) continue;
                int end = _folded.OriginalEnd[fe];
                var span = TextSpan.FromBounds(_folded.OriginalStart[fs], end);
                var term = GlossaryIndex.Nearest(index.FindDefinitions(variant.Preferred), document.Path);
                return (fe, new VariantMention(span, document.Text.Substring(span.Start, span.Length), variant.Preferred, term, variant));
            }
            return null;
        }

        /// <summary>
        /// False when no entry word, as written or as a variant, can start at fold index <paramref name="a"/>: no key's
        /// fold starts with the two folded chars there. One look-up skips most positions of a text.
        /// </summary>
        private bool MayStart(int a, int m)
        {
            char c = _fold[a], next = a + 1 < m ? _fold[a + 1] : '\uFFFF';
            return automaton.Base.MayStartFold(c, next) || automaton.Overlay?.MayStartFold(c, next) == true;
        }

        /// <summary>The boundary rules (<see cref="VariantBoundaries"/>) at the start of folded char <paramref name="fs"/>, read from the folded text where it can.</summary>
        private bool StartOk(int fs) => fs == 0
            ? VariantBoundaries.StartOk(document.Text, _folded.OriginalStart[fs])
            : !VariantBoundaries.Blocks(ScriptAt(fs), ScriptAt(fs - 1), _folded.Chars[fs - 1] == VariantFold.MiddleDot);

        /// <summary>The boundary rules at the end of folded char <paramref name="fe"/>.</summary>
        private bool EndOk(int fe) => fe + 1 >= _folded.Length
            ? VariantBoundaries.EndOk(document.Text, _folded.OriginalEnd[fe])
            : !VariantBoundaries.Blocks(ScriptAt(fe), ScriptAt(fe + 1), _folded.Chars[fe + 1] == VariantFold.MiddleDot);

        /// <summary>The script of a folded char; kana folding made hiragana katakana, so the original text tells them apart.</summary>
        private VariantFold.Script ScriptAt(int j)
        {
            var script = VariantFold.Classify(_folded.Chars[j]);
            return script == VariantFold.Script.Katakana && VariantFold.Classify(document.Text[_folded.OriginalStart[j]]) == VariantFold.Script.Hiragana
                ? VariantFold.Script.Hiragana : script;
        }
    }
}
