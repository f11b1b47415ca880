using System.Collections.Immutable;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Parsing;

/// <summary>The three document shapes of SPEC §1.</summary>
public enum DocumentKind
{
    /// <summary>A: term-list glossary, every h2 defines a term.</summary>
    TermList,
    /// <summary>B: one-term glossary page with <c>type: glossary</c> front matter.</summary>
    GlossaryPage,
    /// <summary>C: any other Markdown.</summary>
    Article,
}

/// <summary>A heading of any level with its anchors.</summary>
public sealed record Heading(
    int Level,
    /// <summary>Heading text: inline source with HTML tags stripped, trimmed. Term headings' anchors are base64 of it.</summary>
    string Text,
    /// <summary>The whole heading line(s) without the line break.</summary>
    TextSpan Span,
    /// <summary>The span of <see cref="Text"/> in the source (trimmed, before any trailing HTML).</summary>
    TextSpan TextSpan,
    /// <summary>GitHub-style slug, numbered for repeats.</summary>
    string Slug,
    /// <summary>An explicit <c>&lt;a id="…"&gt;</c> or <c>{#id}</c>, if any.</summary>
    string? ExplicitId,
    /// <summary>The span of the explicit id's value (inside the quotes).</summary>
    TextSpan? ExplicitIdSpan,
    /// <summary>The span of the whole explicit id element, e.g. <c>&lt;a id="…"&gt;&lt;/a&gt;</c>.</summary>
    TextSpan? ExplicitIdElementSpan);

/// <summary>A term defined in a document: an h2 of a term-list glossary, or a glossary page.</summary>
public sealed record TermDefinition(
    string DocumentPath,
    string Headword,
    ImmutableArray<string> Aliases,
    /// <summary>Kana reading (glossary pages' <c>term</c>), if any.</summary>
    string? Reading,
    /// <summary>Base64 anchor of the heading text (term lists); null for glossary pages.</summary>
    string? Anchor,
    /// <summary>The heading (term lists) or null (glossary pages).</summary>
    Heading? Heading,
    /// <summary>Where the term is named: heading text, or the front matter's title value.</summary>
    TextSpan NameSpan,
    /// <summary>The definition's Markdown: from after the heading to the next h1/h2 (or the page's first section).</summary>
    TextSpan DefinitionSpan,
    /// <summary>For each entry word, its span in the source (same order as <see cref="EntryWords"/>).</summary>
    ImmutableArray<TextSpan> EntryWordSpans)
{
    public IEnumerable<string> EntryWords => Aliases.Prepend(Headword);
}

public enum LinkSyntax
{
    /// <summary><c>&lt;a href="…"&gt;text&lt;/a&gt;</c>, inline or in an HTML block.</summary>
    Html,
    /// <summary><c>[text](target)</c> or <c>&lt;autolink&gt;</c>.</summary>
    MarkdownInline,
    /// <summary><c>[text][ref]</c> / <c>[ref]</c> with a <c>[ref]: target</c> definition.</summary>
    MarkdownReference,
}

/// <summary>One link of a document, with the spans needed to report and rewrite it.</summary>
public sealed record LinkReference(
    LinkSyntax Syntax,
    /// <summary>The raw target as written (href value or Markdown URL), before percent-decoding.</summary>
    string Target,
    /// <summary>The span of the target in the source (for reference links: in the definition).</summary>
    TextSpan TargetSpan,
    /// <summary>The visible link text, tags stripped.</summary>
    string Text,
    /// <summary>The span of the link text (between the tags / brackets).</summary>
    TextSpan TextSpan,
    /// <summary>The whole link: from <c>&lt;a</c> to <c>&lt;/a&gt;</c>, or from <c>[</c> to <c>)</c>.</summary>
    TextSpan Span);

/// <summary>A glossary suppression comment.</summary>
public sealed record SuppressionComment(SuppressionKind Kind, int Line, ImmutableArray<string> Rules);

public enum SuppressionKind { Disable, Enable, DisableNextLine }

/// <summary>A <c>&lt;!-- 記事URL:… --&gt;</c> comment.</summary>
public sealed record ArticleUrlComment(string Url, TextSpan UrlSpan, TextSpan Span);

/// <summary>Parsed YAML front matter: top-level scalar values and sequences with their value spans.</summary>
public sealed record FrontMatter(
    TextSpan Span,
    ImmutableDictionary<string, FrontMatterValue> Values,
    /// <summary>A YAML error message and its span, when the YAML did not parse.</summary>
    string? Error,
    TextSpan ErrorSpan)
{
    public string? GetString(string key) => Values.TryGetValue(key, out var v) ? v.Scalar : null;
}

public sealed record FrontMatterValue(string? Scalar, ImmutableArray<string> Items, TextSpan ValueSpan, TextSpan KeySpan);

/// <summary>A problem that kept a file from being analysed (not UTF-8, binary, too large).</summary>
public sealed record LoadProblem(string Message);
