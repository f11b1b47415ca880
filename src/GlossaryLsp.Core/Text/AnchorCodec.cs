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

    /// <summary>
    /// Like <see cref="Encode(string)"/>, but returns <paramref name="existing"/> itself when it already is
    /// the anchor (a heading's explicit id usually is), so a workspace does not hold each anchor twice.
    /// </summary>
    public static string Encode(string headingText, string? existing)
    {
        if (existing is null || headingText.Length > 1024) return Encode(headingText);
        Span<byte> bytes = stackalloc byte[headingText.Length * 3];
        int byteCount = Encoding.UTF8.GetBytes(headingText, bytes);
        Span<char> chars = stackalloc char[(byteCount + 2) / 3 * 4];
        Convert.TryToBase64Chars(bytes[..byteCount], chars, out int written);
        return chars[..written].SequenceEqual(existing) ? existing : new string(chars[..written]);
    }

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
        var text = headingText.AsSpan().Trim();
        // Most headings are ASCII letters, digits, spaces and BMP text: classify chars, not runes.
        // A kept char becomes one char, a kept surrogate pair at most two: the slug is never longer than the text.
        char[]? rented = null;
        Span<char> slug = text.Length <= 256 ? stackalloc char[256] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(text.Length));
        int n = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c < 128)
            {
                if (char.IsAsciiLetterUpper(c)) slug[n++] = (char)(c | 0x20);
                else if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_') slug[n++] = c;
                else if (c == ' ') slug[n++] = '-';
                continue; // other ASCII: punctuation, symbols, control and other white space
            }
            if (char.IsSurrogate(c))
            {
                if (Rune.DecodeFromUtf16(text[i..], out var rune, out int used) == System.Buffers.OperationStatus.Done)
                {
                    if (IsKept(Rune.GetUnicodeCategory(rune))) n += Rune.ToLowerInvariant(rune).EncodeToUtf16(slug[n..]);
                    i += used - 1;
                }
                continue; // a lone surrogate is dropped
            }
            var category = System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c);
            if (IsKept(category)) slug[n++] = HasLowerCase(category) ? char.ToLowerInvariant(c) : c; // kana and kanji skip the case table
        }
        var result = new string(slug[..n]);
        if (rented is not null) System.Buffers.ArrayPool<char>.Shared.Return(rented);
        return result;
    }

    /// <summary>Slugs for headings in document order, numbering repeats as GitHub does.</summary>
    public static List<string> CreateUnique(IReadOnlyList<string> headingTexts)
    {
        var seen = new Dictionary<string, int>(headingTexts.Count, StringComparer.Ordinal);
        var result = new List<string>(headingTexts.Count);
        for (int i = 0; i < headingTexts.Count; i++)
        {
            var slug = Create(headingTexts[i]);
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

    /// <summary>The only categories with characters <see cref="char.ToLowerInvariant"/> changes (a test checks every char).</summary>
    internal static bool HasLowerCase(System.Globalization.UnicodeCategory category) =>
        category is System.Globalization.UnicodeCategory.UppercaseLetter or System.Globalization.UnicodeCategory.TitlecaseLetter
            or System.Globalization.UnicodeCategory.LetterNumber or System.Globalization.UnicodeCategory.OtherSymbol;

    private static bool IsKept(System.Globalization.UnicodeCategory category) => category switch
    {
        System.Globalization.UnicodeCategory.UppercaseLetter or System.Globalization.UnicodeCategory.LowercaseLetter
            or System.Globalization.UnicodeCategory.TitlecaseLetter or System.Globalization.UnicodeCategory.ModifierLetter
            or System.Globalization.UnicodeCategory.OtherLetter or System.Globalization.UnicodeCategory.DecimalDigitNumber
            or System.Globalization.UnicodeCategory.LetterNumber or System.Globalization.UnicodeCategory.OtherNumber
            or System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark
            or System.Globalization.UnicodeCategory.ConnectorPunctuation => true,
        _ => false, // punctuation, symbols (incl. emoji), other white space
    };
}
