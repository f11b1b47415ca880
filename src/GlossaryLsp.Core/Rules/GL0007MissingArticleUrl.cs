using System.Collections.Immutable;
using System.Text.RegularExpressions;
using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Rules;

/// <summary>
/// GL0007: a term-list glossary without exactly one well-formed <c>記事URL</c> comment (absolute
/// http(s) URL ending in '#'). The article URL is how other documents' links reach this file, so the
/// fix writes the URL the base-URL mapping gives this path, when a mapping is known.
/// </summary>
public sealed partial class GL0007MissingArticleUrl : Rule
{
    public override RuleDescriptor Descriptor => RuleCatalog.GL0007;

    public override void Analyze(RuleContext context)
    {
        var doc = context.Document;
        if (doc.Kind != DocumentKind.TermList) return;
        var expected = context.Index.ExpectedArticleUrl(doc.Path);
        var urls = doc.ArticleUrls;
        if (urls.Length == 0)
        {
            // After the 記事タイトル comment when there is one: the order the corpus uses.
            var title = TitleCommentRegex().Match(doc.Text);
            int at = title.Success ? title.Index + title.Length : 0;
            var span = title.Success ? new TextSpan(title.Index, title.Value.TrimEnd('\r', '\n', ' ', '\t').Length) : new TextSpan(0, 0);
            var newline = doc.Text.Contains("\r\n") ? "\r\n" : "\n";
            var comment = $"<!-- 記事URL:{expected} -->";
            var insert = title.Success
                ? (title.Groups[1].Success ? comment + newline : newline + comment)
                : comment + newline + newline;
            context.Report(span,
                "Term-list glossary has no article URL comment (<!-- 記事URL:https://…# -->); links to its terms cannot be mapped to it",
                fixes: expected is null ? null : [CodeFix.Single($"Add <!-- 記事URL:{expected} -->", doc.Path, new TextSpan(at, 0), insert)]);
            return;
        }
        if (urls.Length > 1)
        {
            for (int i = 1; i < urls.Length; i++)
            {
                var keep = expected is not null ? urls.FirstOrDefault(u => u.Url == expected) ?? urls[0] : urls[0];
                var fixes = new List<CodeFix>();
                if (urls.All(u => u.Url == keep.Url) || expected is not null)
                {
                    var edits = urls.Where(u => !ReferenceEquals(u, keep)).Select(u => new TextEdit(WholeLines(doc, u.Span), "")).ToList();
                    if (keep.Url != (expected ?? keep.Url)) edits.Add(new TextEdit(keep.UrlSpan, expected!));
                    fixes.Add(new CodeFix($"Keep only <!-- 記事URL:{expected ?? keep.Url} -->", [new DocumentEdit(doc.Path, [.. edits.OrderBy(e => e.Span.Start)])]));
                }
                context.Report(urls[i].Span,
                    $"Term-list glossary has {urls.Length} article URL comments; it must have exactly one",
                    [new RelatedLocation(doc.Path, urls[0].Span, "the first article URL comment")],
                    fixes);
            }
            return;
        }
        var url = urls[0];
        if (ArticleUrlComment.WellFormedProblem(url.Url) is not { } problem) return;
        CodeFix? fix = null;
        if (expected is not null) fix = CodeFix.Single($"Use the article URL {expected}", doc.Path, url.UrlSpan, expected);
        else if (ArticleUrlComment.IsAbsoluteHttp(url.Url) && !url.Url.EndsWith('#')) fix = CodeFix.Single("Append '#'", doc.Path, new TextSpan(url.UrlSpan.End, 0), "#");
        context.Report(url.UrlSpan.IsEmpty ? url.Span : url.UrlSpan, $"Article URL '{url.Url}' {problem}", fixes: fix is null ? null : [fix]);
    }

    [GeneratedRegex(@"<!--\s*記事タイトル\s*[:：][^\r\n]*?-->[^\S\r\n]*(\r\n|\n|\r)?", RegexOptions.CultureInvariant)]
    private static partial Regex TitleCommentRegex();

    /// <summary>The comment's span extended to its whole line(s) when nothing else is on them.</summary>
    private static TextSpan WholeLines(ParsedDocument doc, TextSpan span)
    {
        int startLine = doc.Lines.GetLine(span.Start), endLine = doc.Lines.GetLine(span.End);
        int lineStart = doc.Lines.GetLineStart(startLine), lineEnd = doc.Lines.GetLineEnd(endLine);
        bool alone = string.IsNullOrWhiteSpace(doc.Text[lineStart..span.Start]) && string.IsNullOrWhiteSpace(doc.Text[span.End..lineEnd]);
        return alone ? TextSpan.FromBounds(lineStart, doc.Lines.GetLineEndIncludingBreak(endLine)) : span;
    }
}
