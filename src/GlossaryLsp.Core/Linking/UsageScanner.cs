using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Linking;

/// <summary>
/// Which terms a document uses, and where: its links that resolve to a term, and its mentions
/// (<see cref="MentionScanner"/>, nearest definition). The snapshot's <see cref="TermUsage"/> adds them up;
/// this is the only way to it, so that every reader counts alike: GL0015 and <c>glossary terms</c> the
/// uses by other documents, the code lens and the hover on a term's name those of the whole workspace.
/// </summary>
public static class UsageScanner
{
    /// <summary>
    /// Makes the snapshot's usage table ahead of its first use, on the calling thread (<see cref="UsageCell.TryPrepare"/>);
    /// false when stopped by <paramref name="cancellation"/> or by a request that made it first.
    /// </summary>
    public static bool TryPrepare(GlossaryIndex index, CancellationToken cancellation) => index.TryPrepareUsage(UsesOf, cancellation);

    /// <summary>The snapshot's usage table: made on first use (a mention scan of every document), or derived from an earlier snapshot's.</summary>
    internal static TermUsage Usage(GlossaryIndex index) => index.GetUsage(UsesOf);

    /// <summary>How many links in the workspace resolve to the term, and how many times it is mentioned (its own document's too).</summary>
    internal static (int Links, int Mentions) WorkspaceCountsOf(GlossaryIndex index, TermDefinition term) =>
        RefOf(index, term) is { } r ? Usage(index).WorkspaceCountsOf(r) : (0, 0);

    /// <summary>The links and mentions of one document, each with the term it points at (its own terms too).</summary>
    internal static DocumentUses UsesOf(GlossaryIndex index, ParsedDocument document) =>
        DocumentUses.Of(Uses(index, document).Select(u => (Ref: RefOf(index, u.Term), u.Span, u.IsLink)).Where(u => u.Ref is not null)
            .Select(u => (u.Ref!.Value, u.Span, u.IsLink)));

    /// <summary>
    /// Where <paramref name="term"/> is linked to or mentioned in the workspace, read from the snapshot's
    /// usage table: the places <see cref="WorkspaceCountsOf"/> counts, in path order, then text order.
    /// </summary>
    internal static IReadOnlyList<(string Path, TextSpan Span, bool IsLink)> PlacesOf(GlossaryIndex index, TermDefinition term)
    {
        if (RefOf(index, term) is not { } target) return [];
        var usage = Usage(index);
        var places = new List<(string Path, TextSpan Span, bool IsLink)>();
        void AddFrom(string path)
        {
            foreach (var place in usage.UsesOf(path).PlacesOf(target)) places.Add((path, place.Span, place.IsLink));
        }
        // The documents that use some term of the defining one, and that one itself, in path order.
        bool own = false;
        foreach (var user in usage.UsersOf(target.Path))
        {
            if (!own && string.CompareOrdinal(target.Path, user) < 0) { AddFrom(target.Path); own = true; }
            AddFrom(user);
        }
        if (!own) AddFrom(target.Path);
        return places;
    }

    /// <summary>
    /// The one scan: each link of the document that resolves to a term (but a term's own heading linking
    /// to it), then each mention of one (headings and front matter are never scanned for mentions).
    /// </summary>
    private static IEnumerable<(TermDefinition Term, TextSpan Span, bool IsLink)> Uses(GlossaryIndex index, ParsedDocument document)
    {
        if (document.LoadProblem is not null) yield break;
        foreach (var link in document.Links)
            if (index.ResolveLink(document, link) is { Status: LinkStatus.Resolved, Term: { } term } && !InOwnHeading(term, document, link.Span))
                yield return (term, link.Span, true);
        foreach (var mention in MentionScanner.FindMentions(index, document))
            yield return (mention.Term, mention.Span, false);
    }

    private static bool InOwnHeading(TermDefinition term, ParsedDocument document, TextSpan span) =>
        term.DocumentPath == document.Path && term.Heading is { } heading && heading.Span.Start <= span.Start && span.End <= heading.Span.End;

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
