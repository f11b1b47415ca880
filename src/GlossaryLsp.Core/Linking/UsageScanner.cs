using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Linking;

/// <summary>
/// Which terms of other documents a document uses: its links that resolve to a term, and its mentions
/// (<see cref="MentionScanner"/>, nearest definition). The snapshot's <see cref="TermUsage"/> adds them up;
/// this is the only way to it, so that every reader (GL0015, <c>glossary terms</c>) counts alike.
/// </summary>
public static class UsageScanner
{
    /// <summary>The snapshot's usage table: made on first use (a mention scan of every document), or derived from an earlier snapshot's.</summary>
    internal static TermUsage Usage(GlossaryIndex index) => index.GetUsage(UsesOf);

    /// <summary>How many links of other documents resolve to the term, and how many times they mention it.</summary>
    internal static (int Links, int Mentions) CountsOf(GlossaryIndex index, TermDefinition term)
    {
        if (RefOf(index, term) is not { } r) return (0, 0);
        var usage = Usage(index);
        return (usage.LinksTo(r.Path, r.Index), usage.MentionsOf(r.Path, r.Index));
    }

    /// <summary>Links and mentions of one document in other documents' terms.</summary>
    internal static DocumentUses UsesOf(GlossaryIndex index, ParsedDocument document)
    {
        var linked = new List<TermRef>();
        var mentioned = new List<TermRef>();
        foreach (var (term, _, isLink) in Uses(index, document))
            if (RefOf(index, term) is { } r) (isLink ? linked : mentioned).Add(r);
        return DocumentUses.Of(linked, mentioned);
    }

    /// <summary>
    /// Where the documents that use <paramref name="term"/> (per the snapshot's usage table) link to it or
    /// mention it: the places <see cref="Usage"/> counts, in path order, then text order.
    /// </summary>
    internal static IReadOnlyList<(string Path, TextSpan Span, bool IsLink)> PlacesOf(GlossaryIndex index, TermDefinition term)
    {
        if (RefOf(index, term) is not { } target) return [];
        var usage = Usage(index);
        var users = index.Documents.Keys.Where(path => usage.UsesOf(path).Uses(target)).Order(StringComparer.Ordinal).ToArray();
        var found = new List<(string Path, TextSpan Span, bool IsLink)>[users.Length];
        Parallel.For(0, users.Length, i =>
        {
            var doc = index.Documents[users[i]];
            found[i] = [.. Uses(index, doc).Where(u => ReferenceEquals(u.Term, term)).Select(u => (doc.Path, u.Span, u.IsLink)).OrderBy(u => u.Span.Start)];
        });
        return [.. found.SelectMany(f => f)];
    }

    /// <summary>The one scan: each link of the document that resolves to another document's term, then each mention of one.</summary>
    private static IEnumerable<(TermDefinition Term, TextSpan Span, bool IsLink)> Uses(GlossaryIndex index, ParsedDocument document)
    {
        if (document.LoadProblem is not null) yield break;
        foreach (var link in document.Links)
            if (index.ResolveLink(document, link) is { Status: LinkStatus.Resolved, Term: { } term } && term.DocumentPath != document.Path)
                yield return (term, link.Span, true);
        foreach (var mention in MentionScanner.FindMentions(index, document))
            if (mention.Term.DocumentPath != document.Path) yield return (mention.Term, mention.Span, false);
    }

    /// <summary>The term's place in its document: a binary search by position (terms are in text order), then a check by reference.</summary>
    private static TermRef? RefOf(GlossaryIndex index, TermDefinition term)
    {
        if (index.GetDocument(term.DocumentPath) is not { } doc) return null;
        var terms = doc.Terms;
        int lo = 0, hi = terms.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            int start = terms[mid].NameSpan.Start;
            if (start == term.NameSpan.Start && ReferenceEquals(terms[mid], term)) return new TermRef(doc.Path, mid);
            if (start < term.NameSpan.Start) lo = mid + 1;
            else hi = mid - 1;
        }
        int at = terms.IndexOf(term);
        return at >= 0 ? new TermRef(doc.Path, at) : null;
    }
}
