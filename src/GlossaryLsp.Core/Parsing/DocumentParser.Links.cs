using GlossaryLsp.Core.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace GlossaryLsp.Core.Parsing;

/// <summary>The parser's links: HTML anchors found in the text, Markdown links from Markdig's inlines, and their visible text.</summary>
public static partial class DocumentParser
{
    /// <summary>HTML anchors outside code, inline or in HTML blocks: <c>&lt;a href="…"&gt;text&lt;/a&gt;</c> links (protected) and <c>&lt;a id="…"&gt;</c> targets.</summary>
    /// <returns>Where an <c>&lt;a</c> tag that never closes begins, outside code; -1 if none.</returns>
    private static int ReadHtmlAnchors(
        string text, List<TextSpan> codeSpans, List<TextSpan> protectedSpans, List<LinkReference> links,
        List<string> explicitAnchors, HashSet<string> explicitIds)
    {
        var tags = HtmlScanner.AnchorTags(text, 0, text.Length, out int unclosed);
        // An <a that never closes reads as a tag up to the first '>' written after it: nothing may be inserted there.
        if (unclosed >= 0 && InCode(codeSpans, unclosed)) unclosed = -1;
        if (unclosed >= 0) protectedSpans.Add(TextSpan.FromBounds(unclosed, text.Length));
        foreach (var tag in tags)
        {
            if (InCode(codeSpans, tag.Index)) continue;
            string? id = null;
            TextSpan? hrefSpan = null;
            foreach (var a in HtmlScanner.Attributes(text, tag.AttributesStart, tag.AttributesStart + tag.AttributesLength))
            {
                if (a.Name == "href") hrefSpan = new TextSpan(a.ValueStart, a.ValueLength);
                else id ??= text.Substring(a.ValueStart, a.ValueLength);
            }
            if (id is not null)
            {
                id = System.Net.WebUtility.HtmlDecode(id);
                explicitAnchors.Add(id);
                explicitIds.Add(id);
            }
            if (hrefSpan is not { } href)
            {
                protectedSpans.Add(new TextSpan(tag.Index, tag.Length)); // its attributes are no prose
                continue;
            }
            int openEnd = tag.End;
            int window = Math.Min(text.Length, openEnd + 4000);
            var (closeIndex, closeLength) = HtmlScanner.FindAnchorClose(text, openEnd, window);
            var nextOpen = text.IndexOf("<a", openEnd, window - openEnd, StringComparison.OrdinalIgnoreCase);
            TextSpan whole, inner;
            if (closeIndex >= 0 && (nextOpen < 0 || nextOpen > closeIndex))
            {
                inner = TextSpan.FromBounds(openEnd, closeIndex);
                whole = TextSpan.FromBounds(tag.Index, closeIndex + closeLength);
            }
            else
            {
                inner = new TextSpan(openEnd, 0); // unclosed <a>: the tag alone is the link
                whole = new TextSpan(tag.Index, tag.Length);
            }
            protectedSpans.Add(whole);
            var (linkText, linkTextSpan) = VisibleText(text, inner, decode: true);
            // The href as written unless it has character references to decode.
            string? target = text.AsSpan(href.Start, href.Length).Contains('&') ? System.Net.WebUtility.HtmlDecode(text.Substring(href.Start, href.Length)) : null;
            links.Add(new LinkReference(LinkSyntax.Html, target, href, linkText, linkTextSpan, inner, whole, text));
        }
        return unclosed;
    }

    private static LinkReference? ToLinkReference(string text, LinkInline link)
    {
        string? url = link.Url;
        TextSpan targetSpan;
        var syntax = LinkSyntax.MarkdownInline;
        if (link.Reference is { } reference)
        {
            syntax = LinkSyntax.MarkdownReference;
            url = reference.Url;
            targetSpan = TextSpan.FromMarkdig(reference.UrlSpan);
        }
        else if (link.IsShortcut || link.LocalLabel != LocalLabel.None && link.UrlSpan.IsEmpty)
        {
            return null;
        }
        else
        {
            targetSpan = TextSpan.FromMarkdig(link.UrlSpan);
        }
        if (url is null) return null;
        var whole = TextSpan.FromMarkdig(link.Span);
        TextSpan inner;
        if (link.FirstChild is { } first && link.LastChild is { } last)
            inner = TextSpan.FromBounds(TextSpan.FromMarkdig(first.Span).Start, TextSpan.FromMarkdig(last.Span).End);
        else
            inner = new TextSpan(Math.Min(whole.Start + 1, text.Length), 0);
        var (linkText, linkTextSpan) = VisibleText(text, inner, decode: false);
        // The URL as written (Markdig unescapes it): the source text when it is the plain target.
        if (targetSpan.Length > 0 && targetSpan.End <= text.Length)
        {
            if (targetSpan.Length >= 2 && text[targetSpan.Start] == '<' && text[targetSpan.End - 1] == '>') targetSpan = new TextSpan(targetSpan.Start + 1, targetSpan.Length - 2);
            url = null;
        }
        return new LinkReference(syntax, url, targetSpan, linkText, linkTextSpan, inner, whole, text);
    }

    /// <summary>
    /// A link's visible text: tags stripped, character references decoded (HTML links), trimmed. When that
    /// is a span of the source as it stands, only the span is returned (the string is null).
    /// </summary>
    private static (string? Text, TextSpan InSource) VisibleText(string text, TextSpan inner, bool decode)
    {
        var raw = text.AsSpan(inner.Start, inner.Length);
        if (raw.IndexOfAny('<', '&') < 0 || !decode && !raw.Contains('<'))
        {
            int start = inner.Start, end = inner.End;
            while (start < end && char.IsWhiteSpace(text[start])) start++;
            while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
            return (null, TextSpan.FromBounds(start, end));
        }
        var stripped = HtmlScanner.StripTags(raw);
        return ((decode ? System.Net.WebUtility.HtmlDecode(stripped) : stripped).Trim(), default);
    }
}
