using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;

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

    /// <summary>Links and mentions of one document in other documents' terms.</summary>
    internal static DocumentUses UsesOf(GlossaryIndex index, ParsedDocument document)
    {
        if (document.LoadProblem is not null) return DocumentUses.None;
        var linked = new List<TermRef>();
        foreach (var link in document.Links)
            if (index.ResolveLink(document, link) is { Status: LinkStatus.Resolved, Term: { } term } && term.DocumentPath != document.Path
                && RefOf(index, term) is { } r) linked.Add(r);
        var mentioned = new List<TermRef>();
        foreach (var mention in MentionScanner.FindMentions(index, document))
            if (mention.Term.DocumentPath != document.Path && RefOf(index, mention.Term) is { } r) mentioned.Add(r);
        return DocumentUses.Of(linked, mentioned);
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
