using System.Buffers;
using System.Globalization;

namespace GlossaryLsp.Core.Parsing;

/// <summary>
/// Hand-written scanners for the little HTML a glossary uses: <c>&lt;a …&gt;</c> tags, their
/// <c>href</c>/<c>id</c>/<c>name</c> attributes, <c>&lt;/a&gt;</c> and tag stripping. Each finds exactly
/// what the regular expression in its summary finds (the tests check them against those expressions on
/// random text), without a regex engine's per-call cost or allocations, and in linear time on any input.
/// </summary>
internal static class HtmlScanner
{
    private static readonly SearchValues<char> TagEndOrQuote = SearchValues.Create(">\"'");

    /// <summary>
    /// <c>&lt;a(?=[\s/&gt;])(?:[^&gt;"']|"[^"]*"|'[^']*')*&gt;</c> (IgnoreCase): every match, left to right, not overlapping.
    /// As in CommonMark, a tag starts only where <c>&lt;a</c> is followed by white space, '/' or '&gt;' (<c>0&lt;a&lt;1</c> is text).
    /// From a tag start the walk is deterministic (outside quotes, in double or in single quotes), so a
    /// walk that reaches a position and state where an earlier walk failed fails too: those are marked,
    /// which keeps the scan linear on text such as a megabyte of unclosed <c>&lt;a "</c>.
    /// </summary>
    public static List<Tag> AnchorTags(string text) => AnchorTags(text, 0, text.Length);

    public static List<Tag> AnchorTags(string text, int start, int end) => AnchorTags(text, start, end, out _);

    /// <param name="text">The text.</param>
    /// <param name="start">Where the scan starts.</param>
    /// <param name="end">Where the scan ends.</param>
    /// <param name="firstUnclosed">The first <c>&lt;a</c> that starts a tag but never closes (-1 if none): any
    /// <c>&gt;</c> written after it would close it, taking what lies between into the tag.</param>
    public static List<Tag> AnchorTags(string text, int start, int end, out int firstUnclosed)
    {
        var result = new List<Tag>();
        firstUnclosed = -1;
        ScanAnchorTags(text, start, end, result, ref firstUnclosed);
        return result;
    }

    /// <summary>The first match of <see cref="AnchorTags(string, int, int)"/>, if any.</summary>
    public static Tag? FirstAnchorTag(string text, int start, int end)
    {
        int unclosed = -1;
        return ScanAnchorTags(text, start, end, null, ref unclosed);
    }

    /// <summary>
    /// <c>\b(?&lt;name&gt;href|id|name)\s*=\s*(?:"(?&lt;v&gt;[^"]*)"|'(?&lt;v&gt;[^']*)'|(?&lt;v&gt;[^\s&gt;"']+))</c>
    /// (IgnoreCase) over <paramref name="text"/>[start, end): every match, left to right.
    /// </summary>
    public static AttributeScan Attributes(string text, int start, int end) => new(text, start, end);

    /// <summary><c>&lt;/a\s*&gt;</c> (IgnoreCase): the first match in [start, end), or (-1, 0).</summary>
    public static (int Index, int Length) FindAnchorClose(string text, int start, int end)
    {
        int from = start;
        while (from < end)
        {
            int lt = text.AsSpan(from, end - from).IndexOf("</", StringComparison.Ordinal);
            if (lt < 0) break;
            lt += from;
            if (lt + 2 < end && (text[lt + 2] | 0x20) == 'a')
            {
                int p = lt + 3;
                while (p < end && char.IsWhiteSpace(text[p])) p++;
                if (p < end && text[p] == '>') return (lt, p + 1 - lt);
            }
            from = lt + 1;
        }
        return (-1, 0);
    }

    /// <summary><c>Regex.Replace(s, "&lt;[^&lt;&gt;]*&gt;", "")</c>: removes every tag; the same string when there is none.</summary>
    public static string StripTags(string s) => StripTags(s.AsSpan(), s);

    /// <summary>Removes tags from a span; <paramref name="whole"/>, when given, is returned as is if nothing was removed.</summary>
    public static string StripTags(ReadOnlySpan<char> s, string? whole = null)
    {
        int lt = s.IndexOf('<');
        if (lt < 0) return whole ?? s.ToString();
        var sb = new System.Text.StringBuilder(s.Length);
        int copied = 0;
        while (lt >= 0)
        {
            // "<[^<>]*>": from this '<', the first '<' or '>' decides.
            int stop = s[(lt + 1)..].IndexOfAny('<', '>');
            if (stop < 0) break;
            stop += lt + 1;
            if (s[stop] == '>')
            {
                sb.Append(s[copied..lt]);
                copied = stop + 1;
                int nextLt = s[copied..].IndexOf('<');
                lt = nextLt < 0 ? -1 : copied + nextLt;
            }
            else lt = stop; // another '<' starts the next candidate
        }
        if (copied == 0) return whole ?? s.ToString();
        sb.Append(s[copied..]);
        return sb.ToString();
    }

    /// <summary>True when <paramref name="s"/> is empty or white space once its tags are removed: <c>StripTags(s).Trim().Length == 0</c>, without the string.</summary>
    public static bool IsBlankWithoutTags(ReadOnlySpan<char> s)
    {
        int kept = 0; // start of the text not yet known to be a tag
        int lt = s.IndexOf('<');
        while (lt >= 0)
        {
            int stop = s[(lt + 1)..].IndexOfAny('<', '>');
            if (stop < 0) break;
            stop += lt + 1;
            if (s[stop] == '>')
            {
                if (!s[kept..lt].IsWhiteSpace()) return false;
                kept = stop + 1;
                int nextLt = s[kept..].IndexOf('<');
                lt = nextLt < 0 ? -1 : kept + nextLt;
            }
            else lt = stop;
        }
        return s[kept..].IsWhiteSpace();
    }

    /// <summary>Word characters as .NET's <c>\b</c> sees them: <c>[\p{L}\p{Mn}\p{Nd}\p{Pc}]</c> and the zero-width joiners.</summary>
    public static bool IsBoundaryWordChar(char c)
    {
        if (c < 128) return char.IsAsciiLetterOrDigit(c) || c == '_';
        if (c is '\u200C' or '\u200D') return true;
        return CharUnicodeInfo.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation => true,
            _ => false,
        };
    }

    /// <summary>Adds every match to <paramref name="all"/>; without a list, returns the first match.</summary>
    private static Tag? ScanAnchorTags(string text, int start, int end, List<Tag>? all, ref int firstUnclosed)
    {
        byte[]? failed = null; // bit per (position, state) where a walk reached the end without '>'
        int from = start;
        while (from < end)
        {
            int lt = text.AsSpan(from, end - from).IndexOf('<');
            if (lt < 0) break;
            lt += from;
            if (lt + 2 < end && (text[lt + 1] | 0x20) == 'a' && (char.IsWhiteSpace(text[lt + 2]) || text[lt + 2] is '>' or '/'))
            {
                int close = Walk(text, lt + 2, end, failed);
                if (close >= 0)
                {
                    var tag = new Tag(lt, close + 1 - lt);
                    if (all is null) return tag;
                    all.Add(tag);
                    from = close + 1;
                    continue;
                }
                if (firstUnclosed < 0) firstUnclosed = lt;
                failed ??= new byte[end - start + 1];
                MarkFailed(text, lt + 2, end, failed, start);
            }
            from = lt + 1;
        }
        return null;

        int Walk(string s, int i, int limit, byte[]? marks)
        {
            if (marks is null) return WalkUnmarked(s, i, limit);
            int state = 0; // 0 outside quotes, 1 in "…", 2 in '…'
            for (; i < limit; i++)
            {
                if (marks is not null && (marks[i - start] & (1 << state)) != 0) return -1;
                char c = s[i];
                switch (state)
                {
                    case 0 when c == '>': return i;
                    case 0 when c == '"': state = 1; break;
                    case 0 when c == '\'': state = 2; break;
                    case 1 when c == '"':
                    case 2 when c == '\'': state = 0; break;
                }
            }
            return -1;
        }
    }

    /// <summary>The walk of <see cref="AnchorTags(string, int, int)"/> while no position is marked failed: from quote to quote.</summary>
    private static int WalkUnmarked(string text, int i, int end)
    {
        while (i < end)
        {
            int at = text.AsSpan(i, end - i).IndexOfAny(TagEndOrQuote);
            if (at < 0) return -1;
            at += i;
            char c = text[at];
            if (c == '>') return at;
            int close = text.AsSpan(at + 1, end - at - 1).IndexOf(c);
            if (close < 0) return -1;
            i = at + 1 + close + 1;
        }
        return -1;
    }

    private static void MarkFailed(string text, int i, int end, byte[] marks, int offset)
    {
        int state = 0;
        for (; i < end; i++)
        {
            ref byte m = ref marks[i - offset];
            if ((m & (1 << state)) != 0) return;
            m |= (byte)(1 << state);
            char c = text[i];
            switch (state)
            {
                case 0 when c == '"': state = 1; break;
                case 0 when c == '\'': state = 2; break;
                case 1 when c == '"':
                case 2 when c == '\'': state = 0; break;
            }
        }
    }

    private static bool TryAttributeAt(string text, int i, int start, int end, out Attribute attribute, out int next)
    {
        attribute = default;
        next = i;
        char first = (char)(text[i] | 0x20);
        if (first is not ('h' or 'i' or 'n')) return false;
        // \b: the name starts with a word character, so the one before must not be one.
        if (i > start && IsBoundaryWordChar(text[i - 1])) return false;
        string name = first switch { 'h' => "href", 'i' => "id", _ => "name" };
        if (end - i < name.Length || !text.AsSpan(i, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase)) return false;
        int p = i + name.Length;
        while (p < end && char.IsWhiteSpace(text[p])) p++;
        if (p >= end || text[p] != '=') return false;
        p++;
        while (p < end && char.IsWhiteSpace(text[p])) p++;
        if (p >= end) return false;
        char q = text[p];
        if (q is '"' or '\'')
        {
            int close = text.AsSpan(p + 1, end - p - 1).IndexOf(q);
            if (close < 0) return false;
            attribute = new Attribute(name, p + 1, close);
            next = p + 1 + close + 1;
            return true;
        }
        int v = p;
        while (v < end && !char.IsWhiteSpace(text[v]) && text[v] is not ('>' or '"' or '\'')) v++;
        if (v == p) return false;
        attribute = new Attribute(name, p, v - p);
        next = v;
        return true;
    }

    /// <summary>One <c>&lt;a …&gt;</c> tag: where it is, and where its attributes (between <c>&lt;a</c> and <c>&gt;</c>) are.</summary>
    public readonly record struct Tag(int Index, int Length)
    {
        public int AttributesStart => Index + 2;
        public int AttributesLength => Length - 3;
        public int End => Index + Length;
    }

    /// <summary>An attribute's name (lower case: href, id or name) and the span of its value.</summary>
    public readonly record struct Attribute(string Name, int ValueStart, int ValueLength);

    /// <summary>The matches of <see cref="Attributes"/>, found as they are enumerated (no list per tag).</summary>
    public struct AttributeScan
    {
        private readonly string _text;
        private readonly int _start, _end;
        private int _next;

        internal AttributeScan(string text, int start, int end) => (_text, _start, _end, _next) = (text, start, end, start);

        public Attribute Current { get; private set; }

        public readonly AttributeScan GetEnumerator() => this;

        public bool MoveNext()
        {
            while (_next < _end)
            {
                if (TryAttributeAt(_text, _next, _start, _end, out var attribute, out int next))
                {
                    Current = attribute;
                    _next = next;
                    return true;
                }
                _next++;
            }
            return false;
        }
    }
}
