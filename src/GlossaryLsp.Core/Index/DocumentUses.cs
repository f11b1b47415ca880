namespace GlossaryLsp.Core.Index;

/// <summary>
/// What one document's links and mentions point at in other documents: each term it uses, with how
/// many of its links resolve to it and how many times it mentions it. A document's uses of its own
/// terms are left out (SPEC §2 GL0015: "no other document"). Sorted by term (path, then index).
/// </summary>
internal sealed class DocumentUses
{
    private DocumentUses(TermRef[] terms, int[] links, int[] mentions)
    {
        Terms = terms;
        Links = links;
        Mentions = mentions;
    }

    public static DocumentUses None { get; } = new([], [], []);

    public TermRef[] Terms { get; }
    /// <summary>For each of <see cref="Terms"/>, how many links of the document resolve to it.</summary>
    public int[] Links { get; }
    /// <summary>For each of <see cref="Terms"/>, how many times the document's prose mentions it.</summary>
    public int[] Mentions { get; }

    /// <summary>The uses from a document's resolved link targets and mentioned terms (any order, repeats counted).</summary>
    public static DocumentUses Of(IEnumerable<TermRef> linked, IEnumerable<TermRef> mentioned)
    {
        var counts = new Dictionary<TermRef, (int Links, int Mentions)>();
        foreach (var t in linked) counts[t] = counts.GetValueOrDefault(t) is var c ? (c.Links + 1, c.Mentions) : default;
        foreach (var t in mentioned) counts[t] = counts.GetValueOrDefault(t) is var c ? (c.Links, c.Mentions + 1) : default;
        if (counts.Count == 0) return None;
        var terms = counts.Keys.ToArray();
        Array.Sort(terms, Compare);
        return new DocumentUses(terms, [.. terms.Select(t => counts[t].Links)], [.. terms.Select(t => counts[t].Mentions)]);
    }

    /// <summary>True when both use the same terms the same number of times.</summary>
    public bool SameAs(DocumentUses other) =>
        ReferenceEquals(this, other) || Terms.AsSpan().SequenceEqual(other.Terms) && Links.AsSpan().SequenceEqual(other.Links) && Mentions.AsSpan().SequenceEqual(other.Mentions);

    /// <summary>True when the document links to or mentions the term.</summary>
    public bool Uses(TermRef term) => Array.BinarySearch(Terms, term, Comparer<TermRef>.Create(Compare)) >= 0;

    /// <summary>The documents whose terms this document uses, each once, in path order.</summary>
    public IEnumerable<string> TargetPaths()
    {
        for (int i = 0; i < Terms.Length; i++)
            if (i == 0 || Terms[i].Path != Terms[i - 1].Path) yield return Terms[i].Path;
    }

    private static int Compare(TermRef a, TermRef b)
    {
        int byPath = string.CompareOrdinal(a.Path, b.Path);
        return byPath != 0 ? byPath : a.Index.CompareTo(b.Index);
    }
}
