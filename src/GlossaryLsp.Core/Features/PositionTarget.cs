using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Linking;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Features;

public enum PositionKind
{
    /// <summary>A link (its text or its target); <see cref="PositionTarget.Resolution"/> says where it leads.</summary>
    Link,
    /// <summary>A term's own name: the term heading or a glossary page's title.</summary>
    TermName,
    /// <summary>An ordinary heading.</summary>
    Heading,
    /// <summary>An unlinked mention of a term in prose.</summary>
    Mention,
    /// <summary>A notation variant or declared non-preferred form in prose (GL0013); <see cref="PositionTarget.Term"/> is the preferred form's term, if any.</summary>
    Variant,
    /// <summary>A glossary page's <c>keywords</c> entry that names a term.</summary>
    Keyword,
}

/// <summary>
/// What the cursor is on, and what it refers to. Shared by hover, definition and references so that
/// all three agree. <see cref="Span"/> is what the editor highlights (the link, heading text, mention).
/// </summary>
public sealed record PositionTarget(
    PositionKind Kind,
    TextSpan Span,
    TermDefinition? Term,
    /// <summary>The document referred to (the link's target, the heading's own document).</summary>
    string? TargetPath,
    /// <summary>The heading referred to, for a link to a heading or a heading itself.</summary>
    Heading? Heading,
    LinkReference? Link = null,
    LinkResolution? Resolution = null,
    VariantMention? Variant = null)
{
    /// <summary>
    /// The link, term name, keyword, heading, notation variant or mention at <paramref name="offset"/> (a
    /// cursor right after a word counts), in that order of precedence; null on plain text. A variant comes
    /// before a mention because it wins over the shorter mentions it overlaps (as GL0013 reports it).
    /// </summary>
    public static PositionTarget? At(GlossaryIndex index, ParsedDocument document, int offset)
    {
        if (document.LoadProblem is not null || offset < 0 || offset > document.Text.Length) return null;
        if (document.FindLinkAt(offset) is { } link)
        {
            var r = index.ResolveLink(document, link);
            return new PositionTarget(PositionKind.Link, link.Span, r.Term, r.TargetPath, r.Heading, link, r);
        }
        if (document.FindTermAt(offset) is { } term)
            return new PositionTarget(PositionKind.TermName, term.Heading?.TextSpan ?? term.NameSpan, term, document.Path, term.Heading);
        foreach (var keyword in document.Keywords)
            if (keyword.Span.ContainsOrTouches(offset) && index.ResolveNearest(keyword.Text, document.Path) is { } named)
                return new PositionTarget(PositionKind.Keyword, keyword.Span, named, named.DocumentPath, named.Heading);
        if (document.FindHeadingAt(offset) is { } heading)
            return new PositionTarget(PositionKind.Heading, heading.TextSpan, null, document.Path, heading);
        if (MentionScanner.FindVariantAt(index, document, offset) is { } variant)
            return new PositionTarget(PositionKind.Variant, variant.Span, variant.Term, variant.Term?.DocumentPath, variant.Term?.Heading, Variant: variant);
        if (MentionScanner.FindAt(index, document, offset) is { } mention)
            return new PositionTarget(PositionKind.Mention, mention.Span, mention.Term, mention.Term.DocumentPath, mention.Term.Heading);
        return null;
    }
}
