namespace GlossaryLsp.Core.Text;

/// <summary>Percent-decoding of link targets and fragments (RFC 3986), the one rule every reader of a link uses.</summary>
public static class PercentEncoding
{
    /// <summary>The text with <c>%XX</c> sequences decoded; the text itself when it has none or is malformed.</summary>
    public static string Decode(string text)
    {
        if (!text.Contains('%')) return text;
        try { return Uri.UnescapeDataString(text); } catch (UriFormatException) { return text; }
    }
}
