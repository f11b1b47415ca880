using System.Text;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Linking;

/// <summary>
/// Text folded like <see cref="TermKey.Normalize"/> (NFKC, lower case, hiragana→katakana, runs of
/// '-', '_' and spaces to one space) with, for every folded char, the original UTF-16 range it came
/// from. NFKC works per group (a code point with its combining marks); a group may expand (㌔ → キロ),
/// and a match must start and end on group edges. Line breaks fold to '\n', which no entry word contains.
/// </summary>
internal sealed class FoldedText
{
    public char[] Chars = new char[256];
    public int[] OriginalStart = new int[256];
    public int[] OriginalEnd = new int[256];
    public int Length;
    private const byte GroupStart = 1, GroupEnd = 2;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<char, string> SingleChars = new();

    private byte[] _flags = new byte[256];

    public static string NormalizeGroup(string s) => TermKey.Nfkc(s);

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

    /// <summary>NFKC of one BMP character (punctuation, full-width forms, …), cached: Japanese prose is full of them.</summary>
    internal static string NormalizeChar(char c) =>
        char.IsSurrogate(c) ? c.ToString() : SingleChars.GetOrAdd(c, static ch => NormalizeGroup(ch.ToString()));

    /// <summary>
    /// CJK punctuation (、。「」…), kana (not half-width, with ・ ー ヽ ヾ) and CJK ideographs: unchanged by NFKC when no
    /// combining mark follows, none of them a combining mark or a space.
    /// </summary>
    private static bool IsStableCjk(char c) => c is >= '\u3001' and <= '\u3029' or >= '\u3041' and <= '\u3096' or >= '\u30A1' and <= '\u30FE' or >= '\u4E00' and <= '\u9FFF';

    private static bool IsCombining(string text, int j)
    {
        char c = text[j];
        if (c < 0x300 || IsStableCjk(c)) return false;
        if (c is '\u3099' or '\u309A' or '\uFF9E' or '\uFF9F') return true;
        var cat = char.IsHighSurrogate(c) && j + 1 < text.Length && char.IsLowSurrogate(text[j + 1])
            ? System.Globalization.CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(c, text[j + 1]))
            : char.GetUnicodeCategory(c);
        return cat is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark
            or System.Globalization.UnicodeCategory.EnclosingMark;
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
}
