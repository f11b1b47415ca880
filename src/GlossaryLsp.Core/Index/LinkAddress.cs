using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Index;

/// <summary>What the part of a link target before its fragment names.</summary>
internal enum AddressKind
{
    /// <summary>Nothing before the fragment: the linking document itself.</summary>
    ThisDocument,
    /// <summary>An http(s) URL: an article URL, a base URL mapping, or another site.</summary>
    Url,
    /// <summary>Another scheme (mailto:, ftp:, …) or a protocol-relative <c>//host</c>: never checked.</summary>
    External,
    /// <summary>A path from the site's root (<c>/ja/glossary/x/</c>): a glossary page's <c>url</c> or a workspace path.</summary>
    SitePath,
    /// <summary>A path relative to the linking document's folder.</summary>
    RelativePath,
}

/// <summary>How a link target splits into the address it names and its fragment (SPEC §1): the one reading of it.</summary>
internal static class LinkAddress
{
    /// <summary>
    /// Splits a raw target (trimmed) at its first '#': <paramref name="address"/> is the part before it
    /// without a query, <paramref name="fragment"/> the part after it (empty when there is none).
    /// </summary>
    public static AddressKind Parse(ReadOnlySpan<char> rawTarget, out ReadOnlySpan<char> address, out ReadOnlySpan<char> fragment)
    {
        var target = rawTarget.Trim();
        fragment = default;
        int hash = target.IndexOf('#');
        if (hash >= 0)
        {
            fragment = target[(hash + 1)..];
            target = target[..hash];
        }
        address = target.IndexOf('?') is var q and >= 0 ? target[..q] : target;
        if (target.Length == 0) return AddressKind.ThisDocument;
        if (HasScheme(target, out var scheme))
            return scheme.Equals("http", StringComparison.OrdinalIgnoreCase) || scheme.Equals("https", StringComparison.OrdinalIgnoreCase) ? AddressKind.Url : AddressKind.External;
        if (target.StartsWith("//")) return AddressKind.External;
        return target.StartsWith('/') ? AddressKind.SitePath : AddressKind.RelativePath;
    }

    /// <summary>A site path as the URL table holds it: percent-decoded, trimmed, ending in '/'.</summary>
    public static string NormalizeSitePath(string sitePath)
    {
        var s = PercentEncoding.Decode(sitePath).Trim();
        return s.EndsWith('/') ? s : s + "/";
    }

    /// <summary>An article URL as the URL table holds it: without its closing '#'.</summary>
    public static string WithoutHash(string articleUrl) => articleUrl.TrimEnd('#');

    /// <summary>True when the target starts with a URI scheme (ASCII letters, digits, '+', '.', '-', then ':').</summary>
    private static bool HasScheme(ReadOnlySpan<char> target, out ReadOnlySpan<char> scheme)
    {
        scheme = default;
        int colon = target.IndexOf(':');
        if (colon <= 0) return false;
        for (int i = 0; i < colon; i++)
        {
            char c = target[i];
            if (!(char.IsAsciiLetter(c) || i > 0 && (char.IsAsciiDigit(c) || c is '+' or '.' or '-'))) return false;
        }
        scheme = target[..colon];
        return true;
    }
}
