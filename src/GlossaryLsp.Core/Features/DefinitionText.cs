using System.Net;
using System.Text;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace GlossaryLsp.Core.Features;

/// <summary>
/// A definition's Markdown as a reader sees it: <see cref="ToPlainText"/> for clients and terminals that
/// show text as is, <see cref="ToMarkdown"/> with every link made one the client can follow.
/// </summary>
public static class DefinitionText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePreciseSourceLocation().UsePipeTables().Build();

    /// <summary>
    /// The text without markup: links (HTML, inline, reference, autolinks) become their text, emphasis and
    /// code markers, HTML tags, heading markers and link definitions go, entities and escapes are decoded.
    /// List bullets, quote markers, table pipes and line breaks stay as written. Never throws.
    /// </summary>
    public static string ToPlainText(string markdown)
    {
        if (markdown.Length == 0) return markdown;
        MarkdownDocument md;
        try
        {
            md = Markdown.Parse(markdown, Pipeline);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return HtmlScanner.StripTags(markdown);
        }
        var edits = new List<TextEdit>();
        foreach (var node in md.Descendants()) AddPlainEdits(markdown, node, edits);
        return Apply(markdown, edits);
    }

    /// <summary>
    /// The Markdown of <paramref name="span"/> of a document with each of its links written
    /// <c>[text](target)</c>: a link resolving to a workspace term or heading targets its line
    /// (<c>file:///…/ml.md#L12</c>, 1-based), to a workspace document that document's URI; other HTML
    /// links their target as written; other Markdown links stay as they are. Resolves only the links in the span.
    /// </summary>
    /// <param name="uriOf">The URI of a workspace path (the front end knows the file system).</param>
    public static string ToMarkdown(GlossaryIndex index, ParsedDocument document, TextSpan span, Func<string, string> uriOf)
    {
        if (span.End > document.Text.Length) return string.Empty;
        var edits = new List<TextEdit>();
        foreach (var link in document.Links)
        {
            if (!span.Contains(link.Span) || link.Span.IsEmpty) continue;
            string? target = DocumentLinkService.Resolve(index, document, link) is { } resolved
                ? uriOf(resolved.TargetPath) + (resolved.TargetSpan is { } at && index.GetDocument(resolved.TargetPath) is { } targetDoc
                    ? $"#L{targetDoc.Lines.GetLine(at.Start) + 1}" : "")
                : link.Syntax == LinkSyntax.Html ? link.Target : null;
            if (target is null) continue;
            var text = document.Text.Substring(link.TextSpan.Start, link.TextSpan.Length);
            edits.Add(new TextEdit(TextSpan.FromBounds(link.Span.Start - span.Start, link.Span.End - span.Start), $"[{text}]({Destination(target)})"));
        }
        return Apply(document.Text.Substring(span.Start, span.Length), edits);
    }

    /// <summary>
    /// The Markdown with a fenced code block left open at its end (a definition cut in its middle) closed,
    /// so that what follows is not read as code.
    /// </summary>
    public static string CloseOpenFence(string markdown)
    {
        if (markdown.IndexOf("``", StringComparison.Ordinal) < 0 && markdown.IndexOf("~~", StringComparison.Ordinal) < 0) return markdown;
        try
        {
            return Markdown.Parse(markdown, Pipeline).Descendants<FencedCodeBlock>().LastOrDefault() is { ClosingFencedCharCount: 0 } open
                ? markdown + "\n" + new string(open.FencedChar, Math.Max(3, open.OpeningFencedCharCount))
                : markdown;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return markdown;
        }
    }

    /// <summary>A link destination as Markdown reads it: in angle brackets when it holds spaces or parentheses.</summary>
    private static string Destination(string target) =>
        target.AsSpan().IndexOfAny(" \t()") >= 0 && target.AsSpan().IndexOfAny("<>\r\n") < 0 ? $"<{target}>" : target;

    private static void AddPlainEdits(string text, MarkdownObject node, List<TextEdit> edits)
    {
        switch (node)
        {
            case EmphasisInline e when e.Span.Length >= 2 * e.DelimiterCount:
                var span = TextSpan.FromMarkdig(e.Span);
                edits.Add(new TextEdit(new TextSpan(span.Start, e.DelimiterCount), ""));
                edits.Add(new TextEdit(new TextSpan(span.End - e.DelimiterCount, e.DelimiterCount), ""));
                break;
            case CodeInline c:
                edits.Add(new TextEdit(TextSpan.FromMarkdig(c.Span), c.Content));
                break;
            case AutolinkInline a:
                edits.Add(new TextEdit(TextSpan.FromMarkdig(a.Span), a.Url));
                break;
            case LinkInline l:
                AddLinkEdits(l, edits);
                break;
            case HtmlInline h:
                edits.Add(new TextEdit(TextSpan.FromMarkdig(h.Span), ""));
                break;
            case HtmlEntityInline entity:
                edits.Add(new TextEdit(TextSpan.FromMarkdig(entity.Span), entity.Transcoded.ToString()));
                break;
            case LiteralInline { IsFirstCharacterEscaped: true } lit when lit.Span.Start < text.Length && text[lit.Span.Start] == '\\':
                edits.Add(new TextEdit(new TextSpan(lit.Span.Start, 1), ""));
                break;
            case LineBreakInline { IsHard: true, IsBackslash: true } br:
                edits.Add(new TextEdit(new TextSpan(br.Span.Start, 1), ""));
                break;
            case HeadingBlock { IsSetext: false, Inline.FirstChild: { } first } h:
                edits.Add(new TextEdit(TextSpan.FromBounds(h.Span.Start, first.Span.Start), ""));
                break;
            case FencedCodeBlock f:
                AddFenceEdits(text, f, edits);
                break;
            case HtmlBlock h:
                var whole = TextSpan.FromMarkdig(h.Span);
                edits.Add(new TextEdit(whole, WebUtility.HtmlDecode(HtmlScanner.StripTags(text.AsSpan(whole.Start, whole.Length)))));
                break;
            case LinkReferenceDefinition d:
                edits.Add(new TextEdit(WithLineBreak(text, TextSpan.FromMarkdig(d.Span)), ""));
                break;
        }
    }

    /// <summary>A link or image keeps its text: what is before its first child and after its last goes.</summary>
    private static void AddLinkEdits(LinkInline link, List<TextEdit> edits)
    {
        var span = TextSpan.FromMarkdig(link.Span);
        if (link.FirstChild is null || link.LastChild is null)
        {
            edits.Add(new TextEdit(span, ""));
            return;
        }
        edits.Add(new TextEdit(TextSpan.FromBounds(span.Start, link.FirstChild.Span.Start), ""));
        edits.Add(new TextEdit(TextSpan.FromBounds(TextSpan.FromMarkdig(link.LastChild.Span).End, span.End), ""));
    }

    /// <summary>The fence lines of a fenced code block go; its content stays.</summary>
    private static void AddFenceEdits(string text, FencedCodeBlock f, List<TextEdit> edits)
    {
        var span = TextSpan.FromMarkdig(f.Span);
        // An unclosed fence at the end of the text ends one past it in Markdig's span.
        if (span.End > text.Length) span = TextSpan.FromBounds(Math.Min(span.Start, text.Length), text.Length);
        int openEnd = text.IndexOf('\n', span.Start, span.Length);
        if (openEnd < 0)
        {
            edits.Add(new TextEdit(span, ""));
            return;
        }
        edits.Add(new TextEdit(TextSpan.FromBounds(span.Start, openEnd + 1), ""));
        if (f.ClosingFencedCharCount == 0) return;
        int closeStart = text.LastIndexOf('\n', span.End - 1, span.End - openEnd - 1);
        if (closeStart > openEnd) edits.Add(new TextEdit(TextSpan.FromBounds(closeStart, span.End), ""));
    }

    /// <summary>The span and the line break right after it, if any.</summary>
    private static TextSpan WithLineBreak(string text, TextSpan span)
    {
        int end = span.End;
        if (end < text.Length && text[end] == '\r') end++;
        if (end < text.Length && text[end] == '\n') end++;
        return TextSpan.FromBounds(span.Start, end);
    }

    /// <summary>Applies edits in order of their start; an edit outside the text or overlapping an earlier one is dropped.</summary>
    private static string Apply(string text, List<TextEdit> edits)
    {
        if (edits.Count == 0) return text;
        edits.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : a.Span.Length.CompareTo(b.Span.Length));
        var sb = new StringBuilder(text.Length);
        int copied = 0;
        foreach (var edit in edits)
        {
            if (edit.Span.Start < copied || edit.Span.Length < 0 || edit.Span.End > text.Length) continue;
            sb.Append(text, copied, edit.Span.Start - copied).Append(edit.NewText);
            copied = edit.Span.End;
        }
        return sb.Append(text, copied, text.Length - copied).ToString();
    }
}
