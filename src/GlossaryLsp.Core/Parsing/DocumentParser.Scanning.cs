using System.Buffers;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Parsing;

/// <summary>The parser's scans of the raw text: HTML comments and bare URLs, which Markdig leaves to it.</summary>
public static partial class DocumentParser
{
    /// <summary>The ASCII characters a bare URL may contain: all but white space and <c>&lt;&gt;()[]"'`</c>.</summary>
    private static readonly SearchValues<char> AsciiUrlChars = SearchValues.Create(
        [.. Enumerable.Range(0, 128).Select(c => (char)c).Where(c => !IsUrlStop(c))]);

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

    /// <summary>What ends a bare URL: white space (as the regex's <c>\s</c> and <see cref="char.IsWhiteSpace(char)"/> see it) and <c>&lt;&gt;()[]"'`</c>.</summary>
    private static bool IsUrlStop(char c) => char.IsWhiteSpace(c) || c is '<' or '>' or '(' or ')' or '[' or ']' or '"' or '\'' or '`';

    [GeneratedRegex(@"^\s*(記事URL|記事タイトル)\s*[:：]\s*(.*?)\s*$", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex ArticleCommentRegex();

    [GeneratedRegex(@"^\s*glossary-(disable-next-line|disable|enable)\b(.*)$", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex SuppressionRegex();

    /// <summary>A reading comment's body: <c>読み:てんいがくしゅう</c> or <c>reading: …</c> (SPEC §1).</summary>
    [GeneratedRegex(@"^\s*(?:読み|[Rr]eading)\s*[:：]\s*(?<reading>.*?)\s*$", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex ReadingCommentRegex();

    /// <summary>A full-line YAML comment of front matter that is a suppression: <c># glossary-disable-next-line GL0014</c>.</summary>
    [GeneratedRegex(@"^[ \t]*#(?<body>[ \t]*glossary-[^\r\n]*?)\r?$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex YamlSuppressionLineRegex();

    /// <summary>
    /// HTML comments outside code (each one protected): article URL and title comments, suppressions and
    /// reading comments; then the suppressions written as YAML comments in the front matter, where an
    /// HTML comment would be YAML text.
    /// </summary>
    private static CommentScan ReadComments(string text, List<TextSpan> codeSpans, LineIndex lines, List<TextSpan> protectedSpans, FrontMatter? frontMatter)
    {
        var articleUrls = new List<ArticleUrlComment>();
        bool hasTitle = false;
        var suppressions = new List<SuppressionComment>();
        var readings = new List<ReadingComment>();
        if (frontMatter is not null)
        {
            foreach (Match y in YamlSuppressionLineRegex().Matches(text.Substring(frontMatter.Span.Start, frontMatter.Span.Length)))
                if (Suppression(y.Groups["body"].Value, lines.GetLine(frontMatter.Span.Start + y.Index)) is { } s) suppressions.Add(s);
        }
        foreach (var m in Comments(text))
        {
            if (InCode(codeSpans, m.Index)) continue;
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
            if (Suppression(body.Value, lines.GetLine(m.Index)) is { } suppression)
            {
                suppressions.Add(suppression);
                continue;
            }
            var rm = ReadingCommentRegex().Match(body.Value);
            if (rm.Success && rm.Groups["reading"].Length > 0)
                readings.Add(new ReadingComment(rm.Groups["reading"].Value, new TextSpan(body.Index + rm.Groups["reading"].Index, rm.Groups["reading"].Length), span));
        }
        return new CommentScan(articleUrls, hasTitle, suppressions, readings);
    }

    /// <summary>The suppression a comment's body states (<c>glossary-disable GL0009</c>, …), if it is one.</summary>
    private static SuppressionComment? Suppression(string body, int line)
    {
        var sm = SuppressionRegex().Match(body);
        if (!sm.Success) return null;
        var suppressionKind = sm.Groups[1].Value switch
        {
            "disable-next-line" => SuppressionKind.DisableNextLine,
            "disable" => SuppressionKind.Disable,
            _ => SuppressionKind.Enable,
        };
        var rules = sm.Groups[2].Value.Split([' ', ',', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries).ToImmutableArray();
        return new SuppressionComment(suppressionKind, line, rules);
    }

    /// <summary>A match and its one group (a comment's body).</summary>
    internal readonly record struct ScanMatch(int Index, int Length, int GroupIndex, string GroupValue);

    /// <summary>What the comment scan found: article URL comments, whether there is a title comment, suppressions (in line order) and reading comments.</summary>
    private sealed record CommentScan(List<ArticleUrlComment> ArticleUrls, bool HasTitle, List<SuppressionComment> Suppressions, List<ReadingComment> Readings);

    /// <summary>A <c>&lt;!-- 読み:… --&gt;</c> comment: the reading, where it is written, and the whole comment.</summary>
    private sealed record ReadingComment(string Reading, TextSpan ReadingSpan, TextSpan Span);
}
