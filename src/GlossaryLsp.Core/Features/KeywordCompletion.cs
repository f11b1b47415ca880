using System.Text.RegularExpressions;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Features;

/// <summary>
/// Where the cursor is in a glossary page's <c>keywords</c> list, for completion. Read from the lines of
/// the front matter rather than its YAML, which is often invalid halfway through typing an item.
/// </summary>
internal static partial class KeywordCompletion
{
    /// <summary>
    /// The text typed so far of the keyword at <paramref name="offset"/> (after <c>- </c> or <c>[</c>/<c>,</c>
    /// and an opening quote), when the offset is in the <c>keywords</c> list of a glossary page, block or
    /// flow style; null elsewhere.
    /// </summary>
    public static TextSpan? TypedKeyword(ParsedDocument document, int offset)
    {
        if (document.FrontMatter is not { } fm || !fm.Span.Contains(offset)) return null;
        // Halfway through an item the YAML may not parse, and then the page is not known to be a glossary page.
        if (document.Kind != DocumentKind.GlossaryPage && (fm.Error is null || !GlossaryType().IsMatch(document.GetText(fm.Span)))) return null;
        var lines = document.Lines;
        int line = lines.GetLine(offset);
        int lineStart = lines.GetLineStart(line);
        var before = document.Text[lineStart..offset];
        if (FlowItem().Match(before) is { Success: true } flow)
            return new TextSpan(offset - flow.Groups["typed"].Length, flow.Groups["typed"].Length);
        if (BlockItem().Match(before) is not { Success: true } item) return null;
        // The list's key: the nearest line above that is not an item, a comment or blank.
        for (int l = line - 1; l >= 0 && lines.GetLineStart(l) >= fm.Span.Start; l--)
        {
            var text = document.Text[lines.GetLineStart(l)..lines.GetLineEnd(l)];
            if (string.IsNullOrWhiteSpace(text) || OtherItemOrComment().IsMatch(text)) continue;
            return KeywordsKey().IsMatch(text) ? new TextSpan(offset - item.Groups["typed"].Length, item.Groups["typed"].Length) : null;
        }
        return null;
    }

    [GeneratedRegex(@"^keywords[ \t]*:[ \t]*\[(?:[^\]\r\n]*,)?[ \t]*[""']?(?<typed>[^,\]""'\r\n]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex FlowItem();

    [GeneratedRegex(@"^[ \t]*-[ \t]+[""']?(?<typed>[^""'#\r\n]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex BlockItem();

    [GeneratedRegex(@"^[ \t]*(-([ \t]|$)|#)", RegexOptions.CultureInvariant)]
    private static partial Regex OtherItemOrComment();

    [GeneratedRegex(@"^keywords[ \t]*:[ \t]*(#.*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex KeywordsKey();

    [GeneratedRegex(@"^type[ \t]*:[ \t]*[""']?glossary[""']?[ \t]*\r?$", RegexOptions.Multiline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GlossaryType();
}
