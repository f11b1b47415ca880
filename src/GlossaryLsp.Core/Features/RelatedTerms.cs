using System.Text;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;

namespace GlossaryLsp.Core.Features;

/// <summary>
/// A glossary page's related terms (SPEC §1 B): the terms its <c>keywords</c> name, each resolved as link
/// text is (any entry word or reading, nearest definition), once each, in keyword order, without the
/// page's own term. Keywords that name no term are GL0014's, not listed here.
/// </summary>
public static class RelatedTerms
{
    /// <summary>A description lists at most this many, then "and N more".</summary>
    public const int MaxShown = 20;

    public static IReadOnlyList<TermDefinition> Of(GlossaryIndex index, TermDefinition term)
    {
        if (index.GetDocument(term.DocumentPath) is not { Keywords.IsEmpty: false } page) return [];
        var result = new List<TermDefinition>();
        var seen = new HashSet<TermDefinition>(ReferenceEqualityComparer.Instance) { term };
        foreach (var keyword in page.Keywords)
            if (index.ResolveNearest(keyword.Text, page.Path) is { } related && seen.Add(related)) result.Add(related);
        return result;
    }

    /// <summary>"Related terms: [転移学習](uri#L5), …" with each term linked to its line; null when there are none.</summary>
    /// <param name="uriOf">The URI of a workspace path.</param>
    public static string? ToMarkdown(GlossaryIndex index, TermDefinition term, Func<string, string> uriOf) =>
        Write(Of(index, term), related =>
        {
            int line = (index.GetDocument(related.DocumentPath)?.Lines.GetLine(related.NameSpan.Start) ?? 0) + 1;
            return $"[{LinkTargets.EscapeMarkdownLinkText(related.Headword)}]({uriOf(related.DocumentPath)}#L{line})";
        });

    /// <summary>"Related terms: 転移学習, …"; null when there are none.</summary>
    public static string? ToPlainText(GlossaryIndex index, TermDefinition term) => Write(Of(index, term), related => related.Headword);

    private static string? Write(IReadOnlyList<TermDefinition> related, Func<TermDefinition, string> write)
    {
        if (related.Count == 0) return null;
        var sb = new StringBuilder("Related terms: ");
        for (int i = 0; i < related.Count && i < MaxShown; i++)
            sb.Append(i == 0 ? "" : ", ").Append(write(related[i]));
        if (related.Count > MaxShown) sb.Append($" and {related.Count - MaxShown} more");
        return sb.ToString();
    }
}
