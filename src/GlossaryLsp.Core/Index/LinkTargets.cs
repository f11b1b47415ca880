using System.Net;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Index;

/// <summary>
/// Writes link targets in a document's own style: absolute article URL + anchor for <c>&lt;a href&gt;</c>
/// links of term-list glossaries, a relative path + anchor for Markdown links elsewhere.
/// Shared by fixes, completion, rename and the linker.
/// </summary>
public static class LinkTargets
{
    /// <summary>The target for a link to <paramref name="term"/> written in <paramref name="from"/>.</summary>
    public static string For(GlossaryIndex index, ParsedDocument from, TermDefinition term, bool absoluteUrl)
    {
        // Two documents may claim one URL: only an address that leads back to the term's document is written.
        if (absoluteUrl && PublishedUrl(index, term) is { } published && index.ResolveTarget(from, published).TargetPath == term.DocumentPath) return published;
        var fragment = term.Anchor is null ? "" : "#" + term.Anchor;
        if (term.DocumentPath == from.Path) return fragment.Length > 0 ? fragment : "#";
        return EscapePath(WorkspacePaths.Relative(from.Path, term.DocumentPath)) + fragment;
    }

    /// <summary>
    /// Where a term is published: a glossary page's site path (its front matter's <c>url</c>), else its
    /// document's article URL (comment or base URL mapping) with the term's anchor; null when neither is known.
    /// </summary>
    public static string? PublishedUrl(GlossaryIndex index, TermDefinition term)
    {
        if (index.GetDocument(term.DocumentPath) is not { } target) return null;
        if (target.Kind == DocumentKind.GlossaryPage && target.FrontMatter?.GetString("url") is { Length: > 0 } site) return site;
        return index.GetArticleUrl(target) is { } url ? LinkAddress.WithoutHash(url) + (term.Anchor is null ? "" : "#" + term.Anchor) : null;
    }

    /// <summary>A relative path as a link target: '%', '#' and '?' in file names percent-encoded, so they are read back as the name.</summary>
    public static string EscapePath(string path) =>
        path.AsSpan().IndexOfAny("%#?") < 0 ? path : path.Replace("%", "%25").Replace("#", "%23").Replace("?", "%3F");

    /// <summary>Whether a new link in this document should be an HTML link with an absolute URL.</summary>
    public static bool PrefersHtml(ParsedDocument document) => document.Kind == DocumentKind.TermList;

    /// <summary>Whether an existing link's target is written as an absolute URL.</summary>
    public static bool IsAbsolute(string target) => LinkAddress.Parse(target, out _, out _) == AddressKind.Url;

    /// <summary>A whole new link: <c>&lt;a href="…"&gt;text&lt;/a&gt;</c> or <c>[text](…)</c>.</summary>
    public static string NewLink(GlossaryIndex index, ParsedDocument from, TermDefinition term, string text) =>
        PrefersHtml(from)
            ? $"<a href=\"{HtmlAttribute(For(index, from, term, absoluteUrl: true))}\">{text}</a>"
            : $"[{EscapeMarkdownLinkText(text)}]({MarkdownDestination(For(index, from, term, absoluteUrl: false))})";

    /// <summary>A value for a double-quoted HTML attribute: read back (HTML-decoded), it is the value again.</summary>
    public static string HtmlAttribute(string value) =>
        value.AsSpan().IndexOfAny("&\"") < 0 ? value : value.Replace("&", "&amp;").Replace("\"", "&quot;");

    /// <summary>A Markdown link destination: in angle brackets when it holds spaces or parentheses.</summary>
    public static string MarkdownDestination(string target) =>
        target.AsSpan().IndexOfAny(" ()<>") >= 0 ? "<" + target.Replace("<", "%3C").Replace(">", "%3E") + ">" : target;

    /// <summary>Brackets in link text are escaped so the link stays one link.</summary>
    public static string EscapeMarkdownLinkText(string text) =>
        text.AsSpan().IndexOfAny("[]") < 0 ? text : text.Replace("[", "\\[").Replace("]", "\\]");

    /// <summary>
    /// The edit that points a link's fragment, as the source writes it, at a renamed anchor: when the
    /// fragment names an old anchor as written, or after HTML and percent decoding (then the new anchor
    /// is written percent-encoded too). Null when the link has no fragment or it names none of them.
    /// </summary>
    public static TextEdit? RetargetFragment(LinkReference link, Dictionary<string, string> renames)
    {
        if (Named(link, renames, out int hash, out var decoded) is not { } oldId) return null;
        var renamed = renames[oldId];
        var fragment = link.TargetInSource[(hash + 1)..];
        if (fragment.SequenceEqual(renamed)) return null;
        if (decoded is not null && !fragment.SequenceEqual(decoded)) renamed = Uri.EscapeDataString(renamed);
        return new TextEdit(TextSpan.FromBounds(link.TargetSpan.Start + hash + 1, link.TargetSpan.End), renamed);
    }

    /// <summary>The key of <paramref name="anchors"/> a link's fragment names, as written or after HTML and percent decoding; null for none.</summary>
    public static string? NamedFragment<T>(LinkReference link, Dictionary<string, T> anchors) => Named(link, anchors, out _, out _);

    private static string? Named<T>(LinkReference link, Dictionary<string, T> anchors, out int hash, out string? decoded)
    {
        var raw = link.TargetInSource;
        hash = raw.IndexOf('#');
        decoded = null;
        if (hash < 0) return null;
        var fragment = raw[(hash + 1)..];
        decoded = fragment.IndexOfAny('%', '&') < 0 ? null : PercentEncoding.Decode(WebUtility.HtmlDecode(fragment.ToString()));
        if (anchors.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(fragment, out var key, out _)) return key;
        return decoded is not null && anchors.ContainsKey(decoded) ? decoded : null;
    }
}
