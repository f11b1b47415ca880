using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using GlossaryLsp.Core.Text;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace GlossaryLsp.Core.Parsing;

/// <summary>The parser's headings and terms: heading text, slugs and ids; term-list and glossary-page terms (SPEC §1).</summary>
public static partial class DocumentParser
{
    [GeneratedRegex(@"\{#(?<id>[^}\s]+)\}\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex BraceIdRegex();

    /// <summary>The headings with their slugs (numbered for repeats) and explicit ids; an id found only here joins the explicit anchors.</summary>
    private static ImmutableArray<Heading>.Builder ReadHeadings(
        string text, List<(HeadingBlock Block, TextSpan Span)> rawHeadings, List<string> explicitAnchors, HashSet<string> explicitIds)
    {
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
        return headings;
    }

    private static Heading ReadHeading(string text, HeadingBlock block, TextSpan span)
    {
        // The heading's own text, from the inline content (ATX: after the #'s; setext: before the underline).
        // Read from the lines as CommonMark defines them: Markdig's inline spans can stop early (an open '[')
        // or be misplaced (a tab after the '#'s).
        var (start, end) = block.IsSetext ? SetextContent(text, span) : AtxContent(text, span);
        string? explicitId = null;
        TextSpan? idSpan = null, idElement = null;
        int visibleEnd = end;
        // The first <a> tag of the heading that has an id (an <a> without one before it is part of the text).
        var tag = HtmlScanner.FirstAnchorTag(text, start, end);
        while (tag is { } t && !HasId(text, t)) tag = HtmlScanner.FirstAnchorTag(text, t.End, end);
        if (tag is { } idTag)
        {
            foreach (var a in HtmlScanner.Attributes(text, idTag.AttributesStart, idTag.AttributesStart + idTag.AttributesLength))
            {
                if (a.Name is "id" or "name")
                {
                    explicitId = System.Net.WebUtility.HtmlDecode(text.Substring(a.ValueStart, a.ValueLength));
                    idSpan = new TextSpan(a.ValueStart, a.ValueLength);
                    var (closeIndex, closeLength) = HtmlScanner.FindAnchorClose(text, idTag.End, end);
                    int elemEnd = closeIndex >= 0 ? closeIndex + closeLength : idTag.End;
                    idElement = TextSpan.FromBounds(idTag.Index, elemEnd);
                    if (HtmlScanner.IsBlankWithoutTags(text.AsSpan(idTag.Index, end - idTag.Index)))
                        visibleEnd = idTag.Index;
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


    private static bool HasId(string text, HtmlScanner.Tag tag)
    {
        foreach (var a in HtmlScanner.Attributes(text, tag.AttributesStart, tag.AttributesStart + tag.AttributesLength))
            if (a.Name is "id" or "name") return true;
        return false;
    }

    /// <summary>The content of a setext heading: its lines before the underline, without leading and trailing blanks.</summary>
    private static (int Start, int End) SetextContent(string text, TextSpan span)
    {
        int end = span.End;
        while (end > span.Start && text[end - 1] is '\r' or '\n') end--;
        end = text.AsSpan(span.Start, end - span.Start).LastIndexOfAny('\r', '\n') is var nl and >= 0 ? span.Start + nl : span.Start;
        while (end > span.Start && char.IsWhiteSpace(text[end - 1])) end--;
        int start = span.Start;
        while (start < end && text[start] is ' ' or '\t') start++;
        return (start, end);
    }

    /// <summary>The content of an ATX heading line: after the opening '#'s and blanks, before trailing blanks and a closing '#' sequence.</summary>
    private static (int Start, int End) AtxContent(string text, TextSpan span)
    {
        int lineEnd = text.AsSpan(span.Start, span.Length).IndexOfAny('\r', '\n') is var nl and >= 0 ? span.Start + nl : span.End;
        int start = span.Start;
        while (start < lineEnd && text[start] == ' ') start++;
        while (start < lineEnd && text[start] == '#') start++;
        while (start < lineEnd && text[start] is ' ' or '\t') start++;
        int end = lineEnd;
        while (end > start && text[end - 1] is ' ' or '\t') end--;
        int closing = end;
        while (closing > start && text[closing - 1] == '#') closing--;
        if (closing < end && (closing == start || text[closing - 1] is ' ' or '\t')) end = closing;
        while (end > start && text[end - 1] is ' ' or '\t') end--;
        return (start, end);
    }

    /// <param name="readings">The reading comments of the document, in text order.</param>
    private static ImmutableArray<TermDefinition> TermListTerms(string path, string text, ImmutableArray<Heading>.Builder headings, List<ReadingComment> readings)
    {
        var result = ImmutableArray.CreateBuilder<TermDefinition>();
        int nextReading = 0;
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
            // A reading comment alone on the line right after the heading is the term's, not its definition's.
            while (nextReading < readings.Count && readings[nextReading].Span.Start < defStart) nextReading++;
            ReadingComment? reading = null;
            if (nextReading < readings.Count && IsAloneOnLine(text, readings[nextReading].Span, defStart))
            {
                reading = readings[nextReading];
                defStart = LineEndAfter(text, reading.Span.End);
            }
            result.Add(new TermDefinition(path, words[0], [.. CollectionsMarshal.AsSpan(words)[1..]], reading?.Reading, AnchorCodec.Encode(h.Text, h.ExplicitId), h,
                h.TextSpan, TextSpan.FromBounds(defStart, Math.Max(defStart, defEnd)), [.. spans], reading?.ReadingSpan));
        }
        return result.ToImmutable();
    }

    /// <summary>True when <paramref name="span"/> is the only thing but spaces and tabs on the line starting at <paramref name="lineStart"/>.</summary>
    private static bool IsAloneOnLine(string text, TextSpan span, int lineStart)
    {
        for (int i = lineStart; i < span.Start; i++)
            if (text[i] is not (' ' or '\t')) return false;
        for (int i = span.End; i < text.Length && text[i] is not ('\n' or '\r'); i++)
            if (text[i] is not (' ' or '\t')) return false;
        return true;
    }

    /// <summary>A glossary page's <c>keywords</c>: the list's items (or a single value), blank ones left out.</summary>
    private static ImmutableArray<Keyword> KeywordsOf(string text, FrontMatter? fm)
    {
        if (fm is null || !fm.Values.TryGetValue("keywords", out var value)) return [];
        if (value.Scalar is { } scalar)
        {
            if (string.IsNullOrWhiteSpace(scalar)) return [];
            var span = value.ValueSpan;
            bool quoted = span.Length >= 2 && text[span.Start] is '"' or '\'' && text[span.End - 1] == text[span.Start];
            return [new Keyword(scalar.Trim(), quoted ? new TextSpan(span.Start + 1, span.Length - 2) : span)];
        }
        var result = ImmutableArray.CreateBuilder<Keyword>(value.Items.Length);
        for (int i = 0; i < value.Items.Length && i < value.ItemSpans.Length; i++)
            if (!string.IsNullOrWhiteSpace(value.Items[i])) result.Add(new Keyword(value.Items[i].Trim(), value.ItemSpans[i]));
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
        var reading = fm.GetString("term")?.Trim();
        TextSpan? readingSpan = reading is { Length: > 0 } ? fm.Values["term"].ValueSpan : null;
        return [new TermDefinition(path, title.Trim(), [.. aliases], reading, null, null, titleSpan, def, [titleSpan, .. aliasSpans], readingSpan)];
    }

    private static int LineEndAfter(string text, int offset)
    {
        int i = offset;
        while (i < text.Length && text[i] != '\n' && text[i] != '\r') i++;
        if (i < text.Length && text[i] == '\r') i++;
        if (i < text.Length && text[i] == '\n') i++;
        return i;
    }
}
