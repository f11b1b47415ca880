using System.Collections.Immutable;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Features;

public enum OutlineKind { Term, Heading }

/// <summary>One node of a document's outline: <see cref="Range"/> is the whole section, <see cref="NameSpan"/> the name.</summary>
public sealed record OutlineNode(string Name, string? Detail, OutlineKind Kind, TextSpan Range, TextSpan NameSpan, ImmutableArray<OutlineNode> Children);

/// <summary>
/// Document symbols: the heading hierarchy, where a heading that defines a term is shown by its
/// headword with its aliases as detail; a glossary page is one term whose children are its headings.
/// </summary>
public static class DocumentSymbolService
{
    public static ImmutableArray<OutlineNode> GetOutline(ParsedDocument document)
    {
        if (document.LoadProblem is not null) return [];
        var termsByHeading = document.Terms.Where(t => t.Heading is not null).ToDictionary(t => (object)t.Heading!, t => t, ReferenceEqualityComparer.Instance);
        var nodes = BuildLevel(document, termsByHeading, 0, document.Headings.Length, 0);
        if (document.Kind == DocumentKind.GlossaryPage && document.Terms.FirstOrDefault() is { } page)
        {
            var whole = TextSpan.FromBounds(0, TrimEnd(document.Text, document.Text.Length, 0));
            return [new OutlineNode(page.Headword, Detail(page), OutlineKind.Term, whole, page.NameSpan, nodes)];
        }
        return nodes;
    }

    /// <summary>Moves an end offset back over trailing white space and line breaks, not before <paramref name="min"/>.</summary>
    internal static int TrimEnd(string text, int end, int min)
    {
        while (end > min && char.IsWhiteSpace(text[end - 1])) end--;
        return end;
    }

    private static ImmutableArray<OutlineNode> BuildLevel(ParsedDocument document, Dictionary<object, TermDefinition> terms, int from, int to, int parentLevel)
    {
        var headings = document.Headings;
        var result = ImmutableArray.CreateBuilder<OutlineNode>();
        int i = from;
        while (i < to)
        {
            var h = headings[i];
            int next = i + 1;
            while (next < to && headings[next].Level > h.Level) next++;
            int sectionEnd = next < headings.Length ? headings[next].Span.Start : document.Text.Length;
            var range = TextSpan.FromBounds(h.Span.Start, Math.Max(h.Span.End, TrimEnd(document.Text, sectionEnd, h.Span.End)));
            var children = BuildLevel(document, terms, i + 1, next, h.Level);
            result.Add(terms.TryGetValue(h, out var term)
                ? new OutlineNode(term.Headword, Detail(term), OutlineKind.Term, range, h.TextSpan, children)
                : new OutlineNode(h.Text.Length > 0 ? h.Text : "(empty heading)", null, OutlineKind.Heading, range, h.TextSpan, children));
            i = next;
        }
        return result.ToImmutable();
    }

    private static string? Detail(TermDefinition term) => EntryWordList.DescribeAliases(term);
}
