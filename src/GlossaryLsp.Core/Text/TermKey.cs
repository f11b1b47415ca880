using System.Text;

namespace GlossaryLsp.Core.Text;

/// <summary>
/// The comparison key of an entry word (SPEC §1): Unicode NFKC, Latin letters case-folded, '-', '_'
/// and white space treated alike (folded to one space), and hiragana folded to katakana so that
/// ふぁいんちゅーにんぐ and ファインチューニング compare equal.
/// </summary>
public static class TermKey
{
    public static string Normalize(string text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        // Most entry words (ASCII, kanji, katakana) are already keys: no NFKC call, no allocation.
        string nfkc = IsNfkcStable(text) ? text : Nfkc(text);
        if (IsFolded(nfkc)) return nfkc;
        // The key is never longer than the text: each space written stands for at least one separator skipped.
        Span<char> key = nfkc.Length <= 256 ? stackalloc char[nfkc.Length] : new char[nfkc.Length];
        int length = 0;
        bool pendingSpace = false;
        foreach (char raw in nfkc)
        {
            if (raw == '-' || raw == '_' || char.IsWhiteSpace(raw))
            {
                pendingSpace = length > 0;
                continue;
            }
            if (pendingSpace) { key[length++] = ' '; pendingSpace = false; }
            key[length++] = FoldChar(raw);
        }
        return new string(key[..length]);
    }

    /// <summary>
    /// Unicode NFKC; a text with a lone surrogate (an editor's text may hold one) has no NFKC form and
    /// is kept as it is rather than throwing.
    /// </summary>
    public static string Nfkc(string text)
    {
        try { return text.Normalize(NormalizationForm.FormKC); }
        catch (ArgumentException) { return text; }
    }

    /// <summary>Folds one character (after NFKC): lower-case, hiragana → katakana.</summary>
    public static char FoldChar(char c)
    {
        if (c >= 'A' && c <= 'Z') return (char)(c + 32);
        if (c < 0x80 || IsKatakanaOrKanji(c) || (c >= '\u3000' && c <= '\u303F')) return c; // CJK punctuation has no case
        // Hiragana U+3041..U+3096 and the iteration marks U+309D/E map to katakana by +0x60.
        if ((c >= '\u3041' && c <= '\u3096') || c == '\u309D' || c == '\u309E') return (char)(c + 0x60);
        return char.ToLowerInvariant(c);
    }

    /// <summary>ASCII letters and digits: the characters a Latin-edged entry word must not touch.</summary>
    public static bool IsAsciiWordChar(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');

    /// <summary>Katakana (U+30A1..U+30FA, ー) and CJK unified ideographs: NFKC-stable, no case, folded to themselves.</summary>
    private static bool IsKatakanaOrKanji(char c) => (c >= '\u30A1' && c <= '\u30FA') || c == '\u30FC' || (c >= '\u4E00' && c <= '\u9FFF');

    /// <summary>True when NFKC leaves the text as it is: ASCII, hiragana, katakana and kanji only (no combining marks).</summary>
    private static bool IsNfkcStable(string s)
    {
        foreach (char c in s)
            if (c >= 0x80 && !IsKatakanaOrKanji(c) && !(c >= '\u3041' && c <= '\u3096')) return false;
        return true;
    }

    /// <summary>True when <see cref="Normalize"/> would return the (NFKC) text unchanged.</summary>
    private static bool IsFolded(string s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c == ' ')
            {
                if (i == 0 || i == s.Length - 1 || s[i - 1] == ' ') return false;
            }
            else if (c >= 0x80 ? !IsKatakanaOrKanji(c) : c is '-' or '_' || (c >= 'A' && c <= 'Z') || char.IsWhiteSpace(c)) return false;
        }
        return true;
    }
}
