using System.Buffers.Text;
using System.Text;

namespace GlossaryLsp.Core.Text;

/// <summary>
/// The glossary's anchor scheme (SPEC §1): a term heading's anchor is standard base64 (alphabet
/// "+/", "=" padding) of the UTF-8 bytes of its heading text.
/// </summary>
public static class AnchorCodec
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    public static string Encode(string headingText) => Convert.ToBase64String(Encoding.UTF8.GetBytes(headingText));

    /// <summary>Decodes an anchor; false when it is not valid padded base64 or not valid UTF-8 text.</summary>
    public static bool TryDecode(string anchor, out string text)
    {
        text = string.Empty;
        if (anchor.Length == 0 || anchor.Length % 4 != 0) return false;
        foreach (char c in anchor)
            if (!(char.IsAsciiLetterOrDigit(c) || c == '+' || c == '/' || c == '=')) return false;
        var bytes = new byte[anchor.Length / 4 * 3];
        if (!Convert.TryFromBase64String(anchor, bytes, out int written)) return false;
        try
        {
            text = StrictUtf8.GetString(bytes, 0, written);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        // Control characters other than tab never occur in heading text.
        foreach (char c in text) if (char.IsControl(c) && c != '\t') return false;
        return true;
    }
}

/// <summary>
/// GitHub-style heading slugs for ordinary headings: lower-case, punctuation (ASCII and CJK) dropped,
/// spaces to '-', repeats numbered "-1", "-2", …
/// </summary>
public static class HeadingSlug
{
    public static string Create(string headingText)
    {
        var sb = new StringBuilder(headingText.Length);
        foreach (var rune in headingText.Trim().EnumerateRunes())
        {
            var cat = Rune.GetUnicodeCategory(rune);
            if (rune.Value == ' ') { sb.Append('-'); continue; }
            if (rune.Value == '-' || rune.Value == '_') { sb.Append((char)rune.Value); continue; }
            switch (cat)
            {
                case System.Globalization.UnicodeCategory.UppercaseLetter:
                case System.Globalization.UnicodeCategory.LowercaseLetter:
                case System.Globalization.UnicodeCategory.TitlecaseLetter:
                case System.Globalization.UnicodeCategory.ModifierLetter:
                case System.Globalization.UnicodeCategory.OtherLetter:
                case System.Globalization.UnicodeCategory.DecimalDigitNumber:
                case System.Globalization.UnicodeCategory.LetterNumber:
                case System.Globalization.UnicodeCategory.OtherNumber:
                case System.Globalization.UnicodeCategory.NonSpacingMark:
                case System.Globalization.UnicodeCategory.SpacingCombiningMark:
                case System.Globalization.UnicodeCategory.ConnectorPunctuation:
                    var lower = Rune.ToLowerInvariant(rune);
                    if (lower.IsBmp) sb.Append((char)lower.Value); else sb.Append(lower.ToString());
                    break;
                default:
                    break; // punctuation, symbols (incl. emoji), other white space
            }
        }
        return sb.ToString();
    }

    /// <summary>Slugs for headings in document order, numbering repeats as GitHub does.</summary>
    public static List<string> CreateUnique(IEnumerable<string> headingTexts)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var t in headingTexts)
        {
            var slug = Create(t);
            if (seen.TryGetValue(slug, out int n))
            {
                string candidate;
                do { n++; candidate = $"{slug}-{n}"; } while (seen.ContainsKey(candidate));
                seen[slug] = n;
                seen[candidate] = 0;
                result.Add(candidate);
            }
            else
            {
                seen[slug] = 0;
                result.Add(slug);
            }
        }
        return result;
    }
}
