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
        string nfkc = IsAsciiOnly(text) ? text : text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(nfkc.Length);
        bool pendingSpace = false;
        foreach (char raw in nfkc)
        {
            if (raw == '-' || raw == '_' || char.IsWhiteSpace(raw))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (pendingSpace) { sb.Append(' '); pendingSpace = false; }
            sb.Append(FoldChar(raw));
        }
        return sb.ToString();
    }

    /// <summary>Folds one character (after NFKC): lower-case, hiragana → katakana.</summary>
    public static char FoldChar(char c)
    {
        if (c >= 'A' && c <= 'Z') return (char)(c + 32);
        if (c < 0x80) return c;
        // Hiragana U+3041..U+3096 and the iteration marks U+309D/E map to katakana by +0x60.
        if ((c >= '\u3041' && c <= '\u3096') || c == '\u309D' || c == '\u309E') return (char)(c + 0x60);
        return char.ToLowerInvariant(c);
    }

    /// <summary>ASCII letters and digits: the characters a Latin-edged entry word must not touch.</summary>
    public static bool IsAsciiWordChar(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');

    /// <summary>True when the character is a Latin letter or digit (after NFKC), so the word needs a boundary there.</summary>
    public static bool IsLatinEdge(char c) => IsAsciiWordChar(c) || (c >= '\uFF10' && c <= '\uFF5A' && char.IsLetterOrDigit(c));

    private static bool IsAsciiOnly(string s)
    {
        foreach (char c in s) if (c >= 0x80) return false;
        return true;
    }
}
