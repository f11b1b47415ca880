using System.Buffers;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using GlossaryLsp.Core.Text;
using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace GlossaryLsp.Core.Parsing;

/// <summary>
/// Parses one Markdown file into a <see cref="ParsedDocument"/> with Markdig (precise source
/// locations) and YamlDotNet (front matter). Pure: no IO, safe to call from many threads.
/// </summary>
public static partial class DocumentParser
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePreciseSourceLocation()
        .UseYamlFrontMatter()
        .UseCustomContainers()
        .UsePipeTables()
        .Build();

    /// <summary>A match and its one group (a comment's body).</summary>
    internal readonly record struct ScanMatch(int Index, int Length, int GroupIndex, string GroupValue);

    /// <summary><c>&lt;!--(.*?)--&gt;</c> (Singleline) in one linear pass of IndexOf.</summary>
    internal static IEnumerable<ScanMatch> Comments(string text)
    {
        int from = 0;
        while (from < text.Length)
        {
            int open = text.IndexOf("<!--", from, StringComparison.Ordinal);
            if (open < 0) yield break;
            int close = text.IndexOf("-->", open + 4, StringComparison.Ordinal);
            if (close < 0) yield break; // no later comment can close either
            yield return new ScanMatch(open, close + 3 - open, open + 4, text.Substring(open + 4, close - open - 4));
            from = close + 3;
        }
    }

    /// <summary>The ASCII characters a bare URL may contain: all but white space and <c>&lt;&gt;()[]"'`</c>.</summary>
    private static readonly SearchValues<char> AsciiUrlChars = SearchValues.Create(
        [.. Enumerable.Range(0, 128).Select(c => (char)c).Where(c => !IsUrlStop(c))]);

    /// <summary>What ends a bare URL: white space (as the regex's <c>\s</c> and <see cref="char.IsWhiteSpace(char)"/> see it) and <c>&lt;&gt;()[]"'`</c>.</summary>
    private static bool IsUrlStop(char c) => char.IsWhiteSpace(c) || c is '<' or '>' or '(' or ')' or '[' or ']' or '"' or '\'' or '`';

    /// <summary><c>https?://[^\s&lt;&gt;()\[\]"'`]+</c>: bare URLs, left to right, not overlapping.</summary>
    internal static List<TextSpan> BareUrls(string text)
    {
        var result = new List<TextSpan>();
        int from = 0;
        while (true)
        {
            int at = text.AsSpan(from).IndexOf("http", StringComparison.Ordinal);
            if (at < 0) return result;
            at += from;
            int p = at + 4;
            if (p < text.Length && text[p] == 's') p++;
            if (text.AsSpan(p).StartsWith("://", StringComparison.Ordinal))
            {
                int end = p + 3;
                while (true)
                {
                    // Vectorised over ASCII; a non-ASCII character is looked at alone.
                    int other = text.AsSpan(end).IndexOfAnyExcept(AsciiUrlChars);
                    if (other < 0) { end = text.Length; break; }
                    end += other;
                    if (IsUrlStop(text[end])) break;
                    end++;
                }
                if (end > p + 3)
                {
                    result.Add(TextSpan.FromBounds(at, end));
                    from = end;
                    continue;
                }
            }
            from = at + 1;
        }
    }

    [GeneratedRegex(@"^\s*(記事URL|記事タイトル)\s*[:：]\s*(.*?)\s*$", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex ArticleCommentRegex();

    [GeneratedRegex(@"^\s*glossary-(disable-next-line|disable|enable)\b(.*)$", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex SuppressionRegex();

    [GeneratedRegex(@"\{#(?<id>[^}\s]+)\}\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex BraceIdRegex();

    /// <param name="path">Workspace-relative path with '/' separators.</param>
    /// <param name="text">The file's text.</param>
    /// <param name="isGlossaryByConfig">True when the config's glossary globs match the path.</param>
    public static ParsedDocument Parse(string path, string text, bool isGlossaryByConfig = false)
    {
        var md = Markdown.Parse(text, Pipeline);
        var protectedSpans = new List<TextSpan>();
        var codeSpans = new List<TextSpan>(); // where HTML and comments are not markup
        var links = new List<LinkReference>();
        var rawHeadings = new List<(HeadingBlock Block, TextSpan Span)>();
        FrontMatter? frontMatter = null;
        // Every block and inline of the tree, blocks in document order (inlines in no particular order).
        // An explicit stack, not recursion: deeply nested input must not overflow the thread's stack.
        var stack = new Stack<MarkdownObject>();
        stack.Push(md);
        while (stack.TryPop(out var node))
        {
            PushChildren(stack, node);
            if (node is Block block) CollectBlock(block);
            else if (node is Inline inline) CollectInline(inline);
        }

        void CollectBlock(Block node)
        {
            switch (node)
            {
                case YamlFrontMatterBlock yaml:
                    var fmSpan = TextSpan.FromMarkdig(yaml.Span);
                    protectedSpans.Add(fmSpan);
                    codeSpans.Add(fmSpan);
                    frontMatter = FrontMatterParser.Parse(text, fmSpan);
                    break;
                case HeadingBlock h:
                    var hs = TextSpan.FromMarkdig(h.Span);
                    rawHeadings.Add((h, hs));
                    protectedSpans.Add(hs);
                    break;
                case CodeBlock cb: // fenced and indented
                    var cs = TextSpan.FromMarkdig(cb.Span);
                    protectedSpans.Add(cs);
                    codeSpans.Add(cs);
                    break;
                case HtmlBlock hb:
                    protectedSpans.Add(TextSpan.FromMarkdig(hb.Span));
                    break;
                case CustomContainer cc:
                    var ccs = TextSpan.FromMarkdig(cc.Span);
                    int firstLineEnd = text.IndexOfAny(['\r', '\n'], ccs.Start);
                    protectedSpans.Add(TextSpan.FromBounds(ccs.Start, firstLineEnd < 0 || firstLineEnd > ccs.End ? ccs.End : firstLineEnd));
                    break;
                case LinkReferenceDefinition lrd:
                    protectedSpans.Add(TextSpan.FromMarkdig(lrd.Span));
                    break;
            }
        }

        void CollectInline(Inline node)
        {
            if (node.GetType() == typeof(LiteralInline)) return; // the most common node, and never one of these
            switch (node)
            {
                case CodeInline ci:
                    var cis = TextSpan.FromMarkdig(ci.Span);
                    protectedSpans.Add(cis);
                    codeSpans.Add(cis);
                    break;
                case AutolinkInline al:
                    protectedSpans.Add(TextSpan.FromMarkdig(al.Span));
                    break;
                case HtmlInline hi:
                    protectedSpans.Add(TextSpan.FromMarkdig(hi.Span));
                    break;
                case LinkInline link:
                    var ls = TextSpan.FromMarkdig(link.Span);
                    protectedSpans.Add(ls);
                    if (!link.IsImage && ToLinkReference(text, link) is { } lr) links.Add(lr);
                    break;
            }
        }

        codeSpans.Sort((a, b) => a.Start.CompareTo(b.Start));
        bool InCode(int offset) => SortedSpans.Contains(CollectionsMarshal.AsSpan(codeSpans), offset);

        // HTML comments: article URL / title, suppressions.
        var articleUrls = new List<ArticleUrlComment>();
        bool hasTitle = false;
        var suppressions = new List<SuppressionComment>();
        var lines = new LineIndex(text);
        foreach (var m in Comments(text))
        {
            if (InCode(m.Index)) continue;
            var span = new TextSpan(m.Index, m.Length);
            protectedSpans.Add(span);
            var body = (Index: m.GroupIndex, Value: m.GroupValue);
            var am = ArticleCommentRegex().Match(body.Value);
            if (am.Success)
            {
                if (am.Groups[1].Value == "記事タイトル") { hasTitle = true; continue; }
                var g = am.Groups[2];
                articleUrls.Add(new ArticleUrlComment(g.Value, new TextSpan(body.Index + g.Index, g.Length), span));
                continue;
            }
            var sm = SuppressionRegex().Match(body.Value);
            if (sm.Success)
            {
                var suppressionKind = sm.Groups[1].Value switch
                {
                    "disable-next-line" => SuppressionKind.DisableNextLine,
                    "disable" => SuppressionKind.Disable,
                    _ => SuppressionKind.Enable,
                };
                var rules = sm.Groups[2].Value.Split([' ', ',', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries).ToImmutableArray();
                suppressions.Add(new SuppressionComment(suppressionKind, lines.GetLine(m.Index), rules));
            }
        }

        // HTML anchors: <a href="…">text</a> links and <a id="…"> targets, inline or in HTML blocks.
        var explicitAnchors = new List<string>();
        var explicitIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tag in HtmlScanner.AnchorTags(text))
        {
            if (InCode(tag.Index)) continue;
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
            if (hrefSpan is not { } href) continue;
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

        foreach (var url in BareUrls(text))
            if (!InCode(url.Start)) protectedSpans.Add(url);

        // Headings, slugs, explicit ids.
        var headingInfos = new Heading[rawHeadings.Count];
        var headingTexts = new string[rawHeadings.Count];
        for (int i = 0; i < headingInfos.Length; i++)
        {
            headingInfos[i] = ReadHeading(text, rawHeadings[i].Block, rawHeadings[i].Span);
            headingTexts[i] = headingInfos[i].Text;
        }
        var slugs = HeadingSlug.CreateUnique(headingTexts);
        var headings = ImmutableArray.CreateBuilder<Heading>(headingInfos.Length);
        for (int i = 0; i < headingInfos.Length; i++)
        {
            var h = headingInfos[i] with { Slug = slugs[i] };
            if (h.ExplicitId is { } id)
            {
                // The scan of the whole document found this <a id> too: one string for both (and for the
                // term's anchor, which usually is that id), not two per heading of a large glossary.
                if (explicitIds.TryGetValue(id, out var found)) h = h with { ExplicitId = found };
                else
                {
                    explicitAnchors.Add(id);
                    explicitIds.Add(id);
                }
            }
            headings.Add(h);
        }

        var kind = articleUrls.Count > 0 || hasTitle || isGlossaryByConfig ? DocumentKind.TermList
            : string.Equals(frontMatter?.GetString("type"), "glossary", StringComparison.OrdinalIgnoreCase) ? DocumentKind.GlossaryPage
            : DocumentKind.Article;

        var terms = kind switch
        {
            DocumentKind.TermList => TermListTerms(path, text, headings),
            DocumentKind.GlossaryPage => GlossaryPageTerm(path, text, md, headings, frontMatter),
            _ => ImmutableArray<TermDefinition>.Empty,
        };

        links.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return new ParsedDocument
        {
            Path = path,
            Text = text,
            Lines = lines,
            Kind = kind,
            Headings = headings.ToImmutable(),
            Terms = terms,
            Links = [.. links],
            ArticleUrls = [.. articleUrls],
            HasArticleTitle = hasTitle,
            FrontMatter = frontMatter,
            Suppressions = [.. suppressions],
            ExplicitAnchors = [.. explicitAnchors],
            ProtectedSpans = Merge(protectedSpans),
        };
    }

    private static void PushChildren(Stack<MarkdownObject> stack, MarkdownObject node)
    {
        switch (node)
        {
            case ContainerBlock container:
                for (int i = container.Count - 1; i >= 0; i--) stack.Push(container[i]);
                break;
            case LeafBlock { Inline: { } inline }:
                stack.Push(inline);
                break;
            case ContainerInline inlines:
                for (var child = inlines.FirstChild; child is not null; child = child.NextSibling) stack.Push(child);
                break;
        }
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

    private static Heading ReadHeading(string text, HeadingBlock block, TextSpan span)
    {
        // The heading's own text, from the inline content (ATX: after the #'s; setext: before the underline).
        int start, end;
        if (block.Inline?.FirstChild is { } first && block.Inline.LastChild is { } last && first.Span.Start >= 0)
        {
            start = TextSpan.FromMarkdig(first.Span).Start;
            end = TextSpan.FromMarkdig(last.Span).End;
        }
        else
        {
            start = end = span.End;
        }
        string? explicitId = null;
        TextSpan? idSpan = null, idElement = null;
        int visibleEnd = end;
        if (HtmlScanner.FirstAnchorTag(text, start, end) is { } tag)
        {
            foreach (var a in HtmlScanner.Attributes(text, tag.AttributesStart, tag.AttributesStart + tag.AttributesLength))
            {
                if (a.Name is "id" or "name")
                {
                    explicitId = System.Net.WebUtility.HtmlDecode(text.Substring(a.ValueStart, a.ValueLength));
                    idSpan = new TextSpan(a.ValueStart, a.ValueLength);
                    var (closeIndex, closeLength) = HtmlScanner.FindAnchorClose(text, tag.End, end);
                    int elemEnd = closeIndex >= 0 ? closeIndex + closeLength : tag.End;
                    idElement = TextSpan.FromBounds(tag.Index, elemEnd);
                    if (HtmlScanner.IsBlankWithoutTags(text.AsSpan(tag.Index, end - tag.Index)))
                        visibleEnd = tag.Index;
                    break;
                }
            }
        }
        else if (text.AsSpan(start, end - start).Contains("{#", StringComparison.Ordinal) && BraceIdRegex().Match(text.Substring(start, end - start)) is { Success: true } bm)
        {
            explicitId = bm.Groups["id"].Value;
            idSpan = new TextSpan(start + bm.Groups["id"].Index, bm.Groups["id"].Length);
            idElement = new TextSpan(start + bm.Index, bm.Length);
            visibleEnd = start + bm.Index;
        }
        string headingText = HtmlScanner.StripTags(text.AsSpan(start, visibleEnd - start)).Trim();
        // Trim the span to the visible text.
        int ts = start, te = visibleEnd;
        while (ts < te && char.IsWhiteSpace(text[ts])) ts++;
        while (te > ts && char.IsWhiteSpace(text[te - 1])) te--;
        // Heading span excludes a trailing line break.
        int hEnd = span.End;
        while (hEnd > span.Start && (text[hEnd - 1] == '\n' || text[hEnd - 1] == '\r')) hEnd--;
        return new Heading(block.Level, headingText, TextSpan.FromBounds(span.Start, hEnd), TextSpan.FromBounds(ts, te), string.Empty, explicitId, idSpan, idElement);
    }

    private static ImmutableArray<TermDefinition> TermListTerms(string path, string text, ImmutableArray<Heading>.Builder headings)
    {
        var result = ImmutableArray.CreateBuilder<TermDefinition>();
        for (int i = 0; i < headings.Count; i++)
        {
            var h = headings[i];
            if (h.Level != 2) continue;
            int defStart = LineEndAfter(text, h.Span.End);
            int defEnd = text.Length;
            for (int j = i + 1; j < headings.Count; j++)
                if (headings[j].Level <= 2) { defEnd = headings[j].Span.Start; break; }
            var (words, spans) = SplitEntryWords(text, h.TextSpan);
            if (words.Count == 0) continue;
            result.Add(new TermDefinition(path, words[0], [.. CollectionsMarshal.AsSpan(words)[1..]], null, AnchorCodec.Encode(h.Text, h.ExplicitId), h,
                h.TextSpan, TextSpan.FromBounds(defStart, Math.Max(defStart, defEnd)), [.. spans]));
        }
        return result.ToImmutable();
    }

    /// <summary>Splits heading text on '|' into trimmed entry words with their source spans.</summary>
    private static (List<string> Words, List<TextSpan> Spans) SplitEntryWords(string text, TextSpan span)
    {
        var words = new List<string>();
        var spans = new List<TextSpan>();
        int segStart = span.Start;
        for (int i = span.Start; i <= span.End; i++)
        {
            if (i < span.End && text[i] != '|') continue;
            int s = segStart, e = i;
            while (s < e && char.IsWhiteSpace(text[s])) s++;
            while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
            var word = HtmlScanner.StripTags(text.AsSpan(s, e - s)).Trim();
            if (word.Length > 0) { words.Add(word); spans.Add(TextSpan.FromBounds(s, e)); }
            segStart = i + 1;
        }
        return (words, spans);
    }

    private static ImmutableArray<TermDefinition> GlossaryPageTerm(string path, string text, MarkdownDocument md, ImmutableArray<Heading>.Builder headings, FrontMatter? fm)
    {
        if (fm is null || fm.GetString("title") is not { Length: > 0 } title) return [];
        var titleSpan = fm.Values["title"].ValueSpan;
        var aliases = new List<string>();
        var aliasSpans = new List<TextSpan>();
        foreach (var key in new[] { "e-title", "aliases" })
        {
            if (!fm.Values.TryGetValue(key, out var v)) continue;
            if (v.Scalar is { Length: > 0 } s) { aliases.Add(s.Trim()); aliasSpans.Add(v.ValueSpan); }
            foreach (var item in v.Items) { aliases.Add(item.Trim()); aliasSpans.Add(v.ValueSpan); }
        }
        // The definition: the first section's body (after a leading heading), else the first paragraph.
        int bodyStart = fm.Span.End;
        TextSpan def = new(bodyStart, 0);
        var firstBlock = md.FirstOrDefault(b => b is not YamlFrontMatterBlock && b is not LinkReferenceDefinitionGroup);
        if (firstBlock is HeadingBlock)
        {
            var first = headings.FirstOrDefault(h => h.Span.Start >= bodyStart);
            if (first is not null)
            {
                int s = LineEndAfter(text, first.Span.End);
                int e = headings.FirstOrDefault(h => h.Span.Start > first.Span.Start)?.Span.Start ?? text.Length;
                def = TextSpan.FromBounds(s, Math.Max(s, e));
            }
        }
        else if (firstBlock is not null)
        {
            def = TextSpan.FromMarkdig(firstBlock.Span);
        }
        return [new TermDefinition(path, title.Trim(), [.. aliases], fm.GetString("term")?.Trim(), null, null, titleSpan, def, [titleSpan, .. aliasSpans])];
    }

    private static int LineEndAfter(string text, int offset)
    {
        int i = offset;
        while (i < text.Length && text[i] != '\n' && text[i] != '\r') i++;
        if (i < text.Length && text[i] == '\r') i++;
        if (i < text.Length && text[i] == '\n') i++;
        return i;
    }

    private static ImmutableArray<TextSpan> Merge(List<TextSpan> spans)
    {
        // Sorted as (start, end) pairs packed in longs: a primitive sort, no comparison delegate.
        var keys = new long[spans.Count];
        int n = 0;
        foreach (var s in spans)
            if (s.Length > 0) keys[n++] = (long)s.Start << 32 | (uint)s.End;
        Array.Sort(keys, 0, n);
        var result = ImmutableArray.CreateBuilder<TextSpan>(n);
        for (int i = 0; i < n; i++)
        {
            int start = (int)(keys[i] >> 32), end = (int)keys[i];
            if (result.Count > 0 && start <= result[^1].End)
            {
                if (end > result[^1].End) result[^1] = TextSpan.FromBounds(result[^1].Start, end);
            }
            else result.Add(TextSpan.FromBounds(start, end));
        }
        return result.ToImmutable();
    }
}
