using System.Collections.Immutable;
using System.Text.RegularExpressions;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Features;

public enum CompletionKind
{
    /// <summary>A term, found by an entry word, alias or reading; inserts a link (or the word inside link text).</summary>
    Term,
    /// <summary>An anchor of the document a link targets (inside <c>href="…#</c> or <c>](path#</c>).</summary>
    Anchor,
    /// <summary>A workspace document (inside <c>](</c>).</summary>
    Document,
}

/// <summary>
/// One completion proposal. <see cref="FilterText"/> is the form the user typed so that clients do not
/// filter out kana-folded or reading matches; <see cref="SortText"/> keeps the service's order.
/// <see cref="TermPath"/>/<see cref="TermHeadword"/> identify the term for resolve.
/// </summary>
public sealed record CompletionProposal(
    CompletionKind Kind,
    string Label,
    string? Detail,
    TextEdit Edit,
    string FilterText,
    string SortText,
    string? TermPath = null,
    string? TermHeadword = null);

public sealed record CompletionResult(ImmutableArray<CompletionProposal> Items, bool IsIncomplete)
{
    public static readonly CompletionResult Empty = new([], false);
}

/// <summary>
/// Completion (SPEC §3): terms by prefix of any entry word, alias or reading (kana-folded), inserting a
/// link in the document's own style, or the word alone inside a glossary page's <c>keywords</c>; anchors
/// inside <c>href="…#</c> and <c>](path#</c>; document paths inside <c>](</c>. Prefix search is a binary search over <see cref="EntryWordList"/>.
/// </summary>
public static partial class CompletionService
{
    /// <summary>
    /// At most this many items are returned; more makes the result incomplete, and the client asks again
    /// as the prefix grows (see docs/PERFORMANCE.md, "Completion lists of at most 100 items").
    /// </summary>
    public const int MaxItems = 100;

    /// <summary>How far back a run of word characters is considered for the typed prefix.</summary>
    private const int MaxPrefixChars = 48;

    public static CompletionResult Complete(GlossaryIndex index, ParsedDocument document, int offset)
    {
        if (document.LoadProblem is not null || offset < 0 || offset > document.Text.Length) return CompletionResult.Empty;
        int line = document.Lines.GetLine(offset);
        int lineStart = document.Lines.GetLineStart(line);
        var before = document.Text[lineStart..offset];

        if (HrefAnchorRegex().Match(before) is { Success: true } h)
            return Anchors(index, document, h.Groups["target"].Value, TextSpan.FromBounds(offset - h.Groups["anchor"].Length, offset));
        if (MarkdownAnchorRegex().Match(before) is { Success: true } m)
            return Anchors(index, document, m.Groups["target"].Value, TextSpan.FromBounds(offset - m.Groups["anchor"].Length, offset));
        if (MarkdownPathRegex().Match(before) is { Success: true } p)
            return Documents(index, document, TextSpan.FromBounds(offset - p.Groups["path"].Length, offset), absolute: false);
        if (HrefPathRegex().Match(before) is { Success: true } hp)
            return Documents(index, document, TextSpan.FromBounds(offset - hp.Groups["path"].Length, offset), absolute: LinkTargets.PrefersHtml(document));
        return Terms(index, document, offset);
    }

    /// <summary>The full description of a proposal's term, for completion resolve; null when it no longer exists.</summary>
    /// <param name="uriOf">The URI of a workspace path, for the links of a Markdown definition; the path itself when null.</param>
    public static string? Describe(GlossaryIndex index, string termPath, string headword, bool markdown = true, Func<string, string>? uriOf = null) =>
        index.GetDocument(termPath)?.Terms.FirstOrDefault(t => t.Headword == headword) is { } term
            ? markdown ? TermDescription.ToMarkdown(index, term, uriOf) : TermDescription.ToPlainText(index, term)
            : null;

    /// <summary>
    /// The typed prefix before the cursor: the longest suffix of the run of word characters (Latin
    /// letters, digits, '-', '_', CJK and kana) that begins some entry word. Japanese has no spaces,
    /// so in <c>この記事では転移</c> the prefix is <c>転移</c>. A Latin start needs a word boundary.
    /// </summary>
    internal static (TextSpan Span, string Key) TypedPrefix(string text, int offset, EntryWordList words)
    {
        int runStart = offset;
        while (runStart > 0 && offset - runStart < MaxPrefixChars && IsWordChar(text[runStart - 1])) runStart--;
        if (runStart > 0 && runStart < offset && char.IsLowSurrogate(text[runStart])) runStart++; // the run was cut inside a surrogate pair
        for (int s = runStart; s < offset; s++)
        {
            if (char.IsLowSurrogate(text[s])) continue;
            if (s > 0 && TermKey.IsAsciiWordChar(text[s]) && TermKey.IsAsciiWordChar(text[s - 1])) continue; // inside a Latin word
            if (text[s] is '-' or '_') continue;
            var key = TermKey.Normalize(text[s..offset]);
            if (key.Length > 0 && words.HasPrefix(key)) return (TextSpan.FromBounds(s, offset), key);
        }
        return (new TextSpan(offset, 0), string.Empty);
    }

    private static CompletionResult Terms(GlossaryIndex index, ParsedDocument document, int offset)
    {
        if (document.FrontMatter is { } fm && fm.Span.Contains(offset))
            return KeywordCompletion.TypedKeyword(document, offset) is { } typedKeyword ? Keywords(index, document, typedKeyword) : CompletionResult.Empty;
        // Inside a link's text or a heading a link makes no sense: insert the word only.
        var link = document.Links.FirstOrDefault(l => l.TextSpan.ContainsOrTouches(offset));
        var heading = document.FindHeadingAt(offset);
        bool wordOnly = link is not null || heading is not null;
        if (!wordOnly && offset > 0 && document.IsProtected(offset - 1)) return CompletionResult.Empty; // code, comments, HTML

        var words = index.EntryWords;
        var (prefixSpan, key) = TypedPrefix(document.Text, offset, words);
        // Word characters before the cursor that begin no entry word: nothing to offer yet (ask again as typing goes on).
        if (key.Length == 0 && offset > 0 && IsWordChar(document.Text[offset - 1])) return new CompletionResult([], true);
        char before = prefixSpan.Start > 0 ? document.Text[prefixSpan.Start - 1] : '\n';
        // A '[' just typed starts a link by hand: the link replaces it. Other trigger characters outside a link context offer nothing.
        if (before == '[' && !wordOnly) prefixSpan = TextSpan.FromBounds(prefixSpan.Start - 1, prefixSpan.End);
        else if (key.Length == 0 && before is '#' or '(' or '"' or '\'') return CompletionResult.Empty;
        return TermProposals(index, document, key, prefixSpan, wordOnly, skip: null);
    }

    /// <summary>Inside a glossary page's <c>keywords</c> list: the terms the typed text begins, as words; none already listed.</summary>
    private static CompletionResult Keywords(GlossaryIndex index, ParsedDocument document, TextSpan typedSpan)
    {
        var key = TermKey.Normalize(document.Text.Substring(typedSpan.Start, typedSpan.Length));
        var listed = new HashSet<TermDefinition>(ReferenceEqualityComparer.Instance);
        foreach (var keyword in document.Keywords)
            if (!keyword.Span.ContainsOrTouches(typedSpan.End) && index.ResolveNearest(keyword.Text, document.Path) is { } named) listed.Add(named);
        listed.UnionWith(document.Terms);
        return TermProposals(index, document, key, typedSpan, wordOnly: true, listed.Contains);
    }

    /// <summary>One proposal per term (nearest definition) with an entry word or reading that starts with <paramref name="key"/>, in key order.</summary>
    /// <param name="skip">Terms not to offer.</param>
    private static CompletionResult TermProposals(GlossaryIndex index, ParsedDocument document, string key, TextSpan prefixSpan, bool wordOnly, Func<TermDefinition, bool>? skip)
    {
        var words = index.EntryWords;
        var typed = document.Text.Substring(prefixSpan.Start, prefixSpan.Length);
        var (start, end) = words.PrefixRange(key);
        var items = ImmutableArray.CreateBuilder<CompletionProposal>(Math.Min(end - start, MaxItems));
        var seen = new HashSet<(string, int, string)>();
        bool capped = false;
        for (int i = start; i < end; i++)
        {
            if (items.Count >= MaxItems) { capped = true; break; }
            var refs = index.EntryWordTable[words.Keys[i]];
            var definitions = refs.Select(index.Resolve).ToList();
            if (IndexNearest(definitions, document.Path) is not int best) continue;
            var term = definitions[best];
            if (skip?.Invoke(term) == true) continue;
            var spelling = EntryWordList.SpellingOf(index, refs[best], words.Keys[i]);
            var label = refs[best].IsReading ? term.Headword : spelling;
            if (!seen.Add((term.DocumentPath, term.NameSpan.Start, label))) continue; // a reading beside its own headword
            var newText = wordOnly ? label : LinkTargets.NewLink(index, document, term, label);
            var detail = EntryWordList.Describe(term) + (refs[best].IsReading ? $"（{spelling}）" : "") + " — " + term.DocumentPath;
            items.Add(new CompletionProposal(CompletionKind.Term, label, detail, new TextEdit(prefixSpan, newText),
                key.Length > 0 ? typed : typed + label, items.Count.ToString("D4"), term.DocumentPath, term.Headword));
        }
        return new CompletionResult(items.ToImmutable(), capped || key.Length == 0 && items.Count > 0);
    }

    private static int? IndexNearest(List<TermDefinition> definitions, string fromPath) =>
        GlossaryIndex.Nearest(definitions, fromPath) is { } nearest ? definitions.IndexOf(nearest) : null;

    private static bool IsWordChar(char c) =>
        TermKey.IsAsciiWordChar(c) || c is '-' or '_' || c >= '\u3040' && c <= '\u30FF' || c >= '\u3400' && c <= '\u9FFF' ||
        c >= '\uF900' && c <= '\uFAFF' || c >= '\uFF10' && c <= '\uFF9F' || char.IsSurrogate(c) || c >= '\u00C0' && c <= '\u024F';

    private static CompletionResult Anchors(GlossaryIndex index, ParsedDocument document, string target, TextSpan replace)
    {
        var resolution = index.ResolveTarget(document, target);
        if (resolution.Status != LinkStatus.Resolved || resolution.TargetPath is null || index.GetDocument(resolution.TargetPath) is not { } targetDoc)
            return CompletionResult.Empty;
        var items = ImmutableArray.CreateBuilder<CompletionProposal>();
        var termHeadings = new HashSet<Heading>(ReferenceEqualityComparer.Instance);
        foreach (var term in targetDoc.Terms)
        {
            if (term.Heading is { } th) termHeadings.Add(th);
            if (term.Anchor is null) continue;
            var label = term.Heading?.Text ?? term.Headword;
            items.Add(new CompletionProposal(CompletionKind.Anchor, label, term.DocumentPath, new TextEdit(replace, term.Anchor),
                label, items.Count.ToString("D4"), term.DocumentPath, term.Headword));
        }
        foreach (var h in targetDoc.Headings)
        {
            if (termHeadings.Contains(h)) continue;
            var anchor = h.ExplicitId ?? h.Slug;
            if (anchor.Length == 0) continue;
            items.Add(new CompletionProposal(CompletionKind.Anchor, h.Text, $"{new string('#', h.Level)} {h.Text} — {targetDoc.Path}",
                new TextEdit(replace, anchor), h.Text + " " + anchor, items.Count.ToString("D4")));
        }
        bool capped = items.Count > MaxItems;
        return new CompletionResult(capped ? items.Take(MaxItems).ToImmutableArray() : items.ToImmutable(), capped);
    }

    /// <param name="absolute">Insert the document's published URL (term-list style) when it has one, else the relative path.</param>
    private static CompletionResult Documents(GlossaryIndex index, ParsedDocument document, TextSpan replace, bool absolute)
    {
        var typed = document.Text.Substring(replace.Start, replace.Length);
        var items = ImmutableArray.CreateBuilder<CompletionProposal>();
        bool capped = false;
        foreach (var (path, doc) in index.Documents)
        {
            if (path == document.Path) continue;
            var relative = WorkspacePaths.Relative(document.Path, path);
            var insert = absolute && index.GetArticleUrl(doc) is { } url ? LinkAddress.WithoutHash(url) : relative;
            if (typed.Length > 0 && !insert.Contains(typed, StringComparison.OrdinalIgnoreCase) && !path.Contains(typed, StringComparison.OrdinalIgnoreCase)) continue;
            if (items.Count >= MaxItems) { capped = true; break; }
            var title = doc.FrontMatter?.GetString("title") ?? doc.Headings.FirstOrDefault()?.Text;
            items.Add(new CompletionProposal(CompletionKind.Document, relative, title, new TextEdit(replace, insert), insert, items.Count.ToString("D4")));
        }
        return new CompletionResult(items.ToImmutable(), capped);
    }

    [GeneratedRegex(@"\bhref\s*=\s*[""']?(?<target>[^""'#\s>]*)#(?<anchor>[^""'#\s>]*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HrefAnchorRegex();

    [GeneratedRegex(@"\]\((?<target>[^()\s#]*)#(?<anchor>[^()\s#]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex MarkdownAnchorRegex();

    [GeneratedRegex(@"\]\((?<path>[^()\s#]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex MarkdownPathRegex();

    [GeneratedRegex(@"\bhref\s*=\s*[""'](?<path>[^""'#\s>]*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HrefPathRegex();
}
