using System.Collections.Immutable;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Parsing;

/// <summary>
/// Everything the index and the rules need from one Markdown file, computed once per text version.
/// Immutable; the index holds one per workspace document and swaps it when the document changes.
/// </summary>
public sealed class ParsedDocument
{
    public required string Path { get; init; }
    public required string Text { get; init; }
    public required LineIndex Lines { get; init; }
    public required DocumentKind Kind { get; init; }
    public ImmutableArray<Heading> Headings { get; init; } = [];
    public ImmutableArray<TermDefinition> Terms { get; init; } = [];
    public ImmutableArray<LinkReference> Links { get; init; } = [];
    public ImmutableArray<ArticleUrlComment> ArticleUrls { get; init; } = [];
    public bool HasArticleTitle { get; init; }
    public FrontMatter? FrontMatter { get; init; }
    /// <summary>A glossary page's <c>keywords</c> (its related terms), in order; empty for other documents.</summary>
    public ImmutableArray<Keyword> Keywords { get; init; } = [];
    public ImmutableArray<SuppressionComment> Suppressions { get; init; } = [];
    /// <summary>Explicit anchors anywhere in the document (<c>&lt;a id&gt;</c>, <c>name</c>, <c>{#id}</c>).</summary>
    public ImmutableArray<string> ExplicitAnchors { get; init; } = [];
    /// <summary>Sorted, non-overlapping spans where no term mention may be found (SPEC §1).</summary>
    public ImmutableArray<TextSpan> ProtectedSpans { get; init; } = [];
    /// <summary>Set when the file could not be analysed; then the document is otherwise empty.</summary>
    public LoadProblem? LoadProblem { get; init; }
    /// <summary>
    /// Where an <c>&lt;a</c> tag that never closes begins (-1 if none): the rest of the text is protected,
    /// and no edit may insert markup after it, as its first <c>&gt;</c> would close the tag.
    /// </summary>
    public int UnclosedTagStart { get; init; } = -1;

    /// <summary>The folder of <see cref="Path"/> ("" at the workspace root).</summary>
    public string Folder => WorkspacePaths.FolderOf(Path);

    public static ParsedDocument Unreadable(string path, LoadProblem problem) => new()
    {
        Path = path, Text = string.Empty, Lines = new LineIndex(string.Empty), Kind = DocumentKind.Article, LoadProblem = problem,
    };

    public string GetText(TextSpan span) => Text.Substring(span.Start, span.Length);

    public bool IsProtected(int offset) => SortedSpans.Contains(ProtectedSpans.AsSpan(), offset);

    /// <summary>The parts of <paramref name="within"/> outside every protected span, in order: where mentions are searched.</summary>
    public IEnumerable<TextSpan> ProseWithin(TextSpan within) => SortedSpans.Gaps(ProtectedSpans, within);

    public TermDefinition? FindTermAt(int offset) =>
        Terms.FirstOrDefault(t => t.Heading is { } h ? h.Span.ContainsOrTouches(offset) : t.NameSpan.ContainsOrTouches(offset));

    public LinkReference? FindLinkAt(int offset) => Links.FirstOrDefault(l => l.Span.ContainsOrTouches(offset) && offset < l.Span.End || l.TargetSpan.ContainsOrTouches(offset));

    public Heading? FindHeadingAt(int offset) => Headings.FirstOrDefault(h => h.Span.ContainsOrTouches(offset));
}
