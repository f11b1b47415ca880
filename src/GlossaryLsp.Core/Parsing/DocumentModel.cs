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

public enum LinkSyntax
{
    /// <summary><c>&lt;a href="…"&gt;text&lt;/a&gt;</c>, inline or in an HTML block.</summary>
    Html,
    /// <summary><c>[text](target)</c> or <c>&lt;autolink&gt;</c>.</summary>
    MarkdownInline,
    /// <summary><c>[text][ref]</c> / <c>[ref]</c> with a <c>[ref]: target</c> definition.</summary>
    MarkdownReference,
}

public enum SuppressionKind { Disable, Enable, DisableNextLine }

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
    /// <summary>
    /// Kana reading of the headword, if any: a glossary page's <c>term</c>, or a term-list term's
    /// <c>&lt;!-- 読み:… --&gt;</c> comment on the line after its heading (SPEC §1). The one reading of a
    /// term: hover, <c>glossary show</c>, completion and inlay hints read it here.
    /// </summary>
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
    ImmutableArray<TextSpan> EntryWordSpans,
    /// <summary>Where <see cref="Reading"/> is written: inside the reading comment, or the <c>term</c> value.</summary>
    TextSpan? ReadingSpan = null)
{
    /// <summary>Compares terms by <see cref="SameIdentity"/>, e.g. to count a document's terms as a multiset.</summary>
    public static IEqualityComparer<TermDefinition> IdentityComparer { get; } = new IdentityEquality();

    public IEnumerable<string> EntryWords => Aliases.Prepend(Headword);

    /// <summary>True when both name the same term: the same entry words, reading and anchor (spans aside).</summary>
    public bool SameIdentity(TermDefinition other) =>
        Headword == other.Headword && Aliases.AsSpan().SequenceEqual(other.Aliases.AsSpan()) && Reading == other.Reading && Anchor == other.Anchor;

    private sealed class IdentityEquality : IEqualityComparer<TermDefinition>
    {
        public bool Equals(TermDefinition? x, TermDefinition? y) => x is null ? y is null : y is not null && x.SameIdentity(y);

        public int GetHashCode(TermDefinition term)
        {
            var hash = new HashCode();
            hash.Add(term.Headword);
            foreach (var alias in term.Aliases) hash.Add(alias);
            hash.Add(term.Reading);
            hash.Add(term.Anchor);
            return hash.ToHashCode();
        }
    }
}

/// <summary>
/// One link of a document, with the spans needed to report and rewrite it. The target and the text are
/// read from the document's text when they are written there as they are (the usual case) rather than
/// held as copies: a large workspace has hundreds of thousands of links (SPEC §6 memory budget).
/// </summary>
public sealed class LinkReference
{
    private readonly string _source;
    private readonly string? _target;
    private readonly string? _text;
    private readonly TextSpan _textInSource;

    /// <param name="syntax">How the link is written.</param>
    /// <param name="target">The target when it differs from <paramref name="source"/> at <paramref name="targetSpan"/> (e.g. HTML-decoded); null when it is that text.</param>
    /// <param name="targetSpan">The span of the target in the source.</param>
    /// <param name="text">The visible text when it differs from <paramref name="source"/> at
    /// <paramref name="textInSource"/> (tags stripped, decoded); null when it is that text.</param>
    /// <param name="textInSource">Where the visible text is in the source when <paramref name="text"/> is null.</param>
    /// <param name="textSpan">The span between the tags / brackets.</param>
    /// <param name="span">The whole link.</param>
    /// <param name="source">The document's text.</param>
    public LinkReference(LinkSyntax syntax, string? target, TextSpan targetSpan, string? text, TextSpan textInSource, TextSpan textSpan, TextSpan span, string source)
    {
        Syntax = syntax;
        _target = target;
        TargetSpan = targetSpan;
        _text = text;
        _textInSource = textInSource;
        TextSpan = textSpan;
        Span = span;
        _source = source;
    }

    public LinkSyntax Syntax { get; }

    /// <summary>The raw target as written (href value or Markdown URL), before percent-decoding.</summary>
    public string Target => _target ?? _source.Substring(TargetSpan.Start, TargetSpan.Length);

    /// <summary><see cref="Target"/> without making a string of it (link resolution reads every link).</summary>
    public ReadOnlySpan<char> TargetChars => _target is not null ? _target.AsSpan() : _source.AsSpan(TargetSpan.Start, TargetSpan.Length);

    /// <summary>The span of the target in the source (for reference links: in the definition).</summary>
    public TextSpan TargetSpan { get; }

    /// <summary>
    /// The source's characters at <see cref="TargetSpan"/>, where an edit of the target goes (unlike
    /// <see cref="TargetChars"/>, never decoded); empty when the span is empty or outside the source.
    /// Read in place: fixes and the dependency tracker scan every link of the workspace.
    /// </summary>
    public ReadOnlySpan<char> TargetInSource => TargetSpan.End <= _source.Length ? _source.AsSpan(TargetSpan.Start, TargetSpan.Length) : default;

    /// <summary>The visible link text, tags stripped.</summary>
    public string Text => _text ?? _source.Substring(_textInSource.Start, _textInSource.Length);

    /// <summary><see cref="Text"/> without making a string of it.</summary>
    public ReadOnlySpan<char> TextChars => _text is not null ? _text.AsSpan() : _source.AsSpan(_textInSource.Start, _textInSource.Length);

    /// <summary>Where the visible text is written as it is in the source; null when it differs (tags stripped, decoded).</summary>
    public TextSpan? TextInSource => _text is null ? _textInSource : null;

    /// <summary>The span of the link text (between the tags / brackets).</summary>
    public TextSpan TextSpan { get; }

    /// <summary>The whole link: from <c>&lt;a</c> to <c>&lt;/a&gt;</c>, or from <c>[</c> to <c>)</c>.</summary>
    public TextSpan Span { get; }

    public override string ToString() => $"{Syntax} [{Text}]({Target}) at {Span}";
}

/// <summary>A glossary suppression comment.</summary>
public sealed record SuppressionComment(SuppressionKind Kind, int Line, ImmutableArray<string> Rules);

/// <summary>A <c>&lt;!-- 記事URL:… --&gt;</c> comment.</summary>
public sealed record ArticleUrlComment(string Url, TextSpan UrlSpan, TextSpan Span)
{
    /// <summary>
    /// Why an article URL is malformed (GL0007), or null when it is an absolute http(s) URL ending in '#'
    /// that can be written into a link as it is (no white space, quotes or angle brackets).
    /// </summary>
    public static string? WellFormedProblem(string url)
    {
        if (url.Length == 0) return "is empty";
        if (!IsAbsoluteHttp(url)) return "is not an absolute http(s) URL";
        if (!url.EndsWith('#')) return "does not end in '#' (anchors are appended to it)";
        return null;
    }

    public static bool IsAbsoluteHttp(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps)
        && !url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '"' or '<' or '>');
}

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

public sealed record FrontMatterValue(string? Scalar, ImmutableArray<string> Items, TextSpan ValueSpan, TextSpan KeySpan)
{
    /// <summary>For each of <see cref="Items"/>, its text in the source (inside the quotes of a quoted item).</summary>
    public ImmutableArray<TextSpan> ItemSpans { get; init; } = [];
}

/// <summary>A <c>keywords</c> entry of a glossary page's front matter (SPEC §1 B): a related term, named as written.</summary>
public sealed record Keyword(string Text, TextSpan Span);

/// <summary>A problem that kept a file from being analysed (not UTF-8, binary, too large).</summary>
public sealed record LoadProblem(string Message);
