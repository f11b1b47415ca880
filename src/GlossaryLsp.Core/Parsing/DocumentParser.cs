using System.Collections.Immutable;
using System.Runtime.InteropServices;
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

    /// <summary>The parse itself; <see cref="Parse"/> guards it.</summary>
    private static ParsedDocument ParseMarkdown(string path, string text, bool isGlossaryByConfig)
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

        // Markdig can end a block one past the text (an unclosed ":::" container at the end of a file).
        TextSpan BlockSpan(Block b)
        {
            var span = TextSpan.FromMarkdig(b.Span);
            return span.End <= text.Length ? span : TextSpan.FromBounds(Math.Min(span.Start, text.Length), text.Length);
        }

        void CollectBlock(Block node)
        {
            switch (node)
            {
                case YamlFrontMatterBlock yaml:
                    var fmSpan = BlockSpan(yaml);
                    protectedSpans.Add(fmSpan);
                    codeSpans.Add(fmSpan);
                    frontMatter = FrontMatterParser.Parse(text, fmSpan);
                    break;
                case HeadingBlock h:
                    var hs = BlockSpan(h);
                    rawHeadings.Add((h, hs));
                    protectedSpans.Add(hs);
                    break;
                case CodeBlock cb: // fenced and indented
                    var cs = BlockSpan(cb);
                    protectedSpans.Add(cs);
                    codeSpans.Add(cs);
                    break;
                case HtmlBlock hb:
                    protectedSpans.Add(BlockSpan(hb));
                    break;
                case CustomContainer cc:
                    var ccs = BlockSpan(cc);
                    int firstLineEnd = text.IndexOfAny(['\r', '\n'], ccs.Start);
                    protectedSpans.Add(TextSpan.FromBounds(ccs.Start, firstLineEnd < 0 || firstLineEnd > ccs.End ? ccs.End : firstLineEnd));
                    break;
                case LinkReferenceDefinition lrd:
                    protectedSpans.Add(BlockSpan(lrd));
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
        var lines = new LineIndex(text);
        var (articleUrls, hasTitle, suppressions, readings) = ReadComments(text, codeSpans, lines, protectedSpans, frontMatter);
        var explicitAnchors = new List<string>();
        var explicitIds = new HashSet<string>(StringComparer.Ordinal);
        int unclosedTag = ReadHtmlAnchors(text, codeSpans, protectedSpans, links, explicitAnchors, explicitIds);
        foreach (var url in BareUrls(text))
            if (!InCode(codeSpans, url.Start)) protectedSpans.Add(url);
        var headings = ReadHeadings(text, rawHeadings, explicitAnchors, explicitIds);

        var kind = articleUrls.Count > 0 || hasTitle || isGlossaryByConfig ? DocumentKind.TermList
            : string.Equals(frontMatter?.GetString("type"), "glossary", StringComparison.OrdinalIgnoreCase) ? DocumentKind.GlossaryPage
            : DocumentKind.Article;

        var terms = kind switch
        {
            DocumentKind.TermList => TermListTerms(path, text, headings, readings),
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
            Keywords = kind == DocumentKind.GlossaryPage ? KeywordsOf(text, frontMatter) : [],
            Suppressions = [.. suppressions],
            ExplicitAnchors = [.. explicitAnchors],
            ProtectedSpans = Merge(protectedSpans),
            UnclosedTagStart = unclosedTag,
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

    /// <summary>True when the offset is inside one of the (sorted) code spans, where HTML and comments are not markup.</summary>
    private static bool InCode(List<TextSpan> codeSpans, int offset) => SortedSpans.Contains(CollectionsMarshal.AsSpan(codeSpans), offset);

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
