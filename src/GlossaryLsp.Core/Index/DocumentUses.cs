using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Index;

/// <summary>One place of a document that uses a term: a link that resolves to it, or a mention of it.</summary>
internal readonly record struct UsePlace(TextSpan Span, bool IsLink);

/// <summary>
/// What one document's links and mentions point at: each term it uses (its own terms too), with how
/// many of its links resolve to it, how many times it mentions it, and where (so that a code lens's
/// places are read here, not scanned again). Sorted by term (path, then index); places in text order.
/// </summary>
internal sealed class DocumentUses
{
    private static readonly Comparer<TermRef> ByTerm = Comparer<TermRef>.Create(Compare);

    /// <summary>For each of <see cref="Terms"/>, where its places start in <see cref="_places"/> (one more at the end).</summary>
    private readonly int[] _starts;
    private readonly UsePlace[] _places;

    private DocumentUses(TermRef[] terms, int[] links, int[] mentions, int[] starts, UsePlace[] places)
    {
        Terms = terms;
        Links = links;
        Mentions = mentions;
        _starts = starts;
        _places = places;
    }

    public static DocumentUses None { get; } = new([], [], [], [0], []);

    public TermRef[] Terms { get; }
    /// <summary>For each of <see cref="Terms"/>, how many links of the document resolve to it.</summary>
    public int[] Links { get; }
    /// <summary>For each of <see cref="Terms"/>, how many times the document's prose mentions it.</summary>
    public int[] Mentions { get; }

    /// <summary>The uses of a document's links and mentions (any order, repeats counted).</summary>
    public static DocumentUses Of(IEnumerable<(TermRef Term, TextSpan Span, bool IsLink)> uses)
    {
        var all = uses.ToArray();
        if (all.Length == 0) return None;
        Array.Sort(all, (a, b) => Compare(a.Term, b.Term) is var c && c != 0 ? c : a.Span.Start.CompareTo(b.Span.Start));
        var terms = new List<TermRef>();
        var links = new List<int>();
        var mentions = new List<int>();
        var starts = new List<int>();
        var places = new UsePlace[all.Length];
        for (int i = 0; i < all.Length; i++)
        {
            if (i == 0 || all[i].Term != all[i - 1].Term)
            {
                terms.Add(all[i].Term);
                links.Add(0);
                mentions.Add(0);
                starts.Add(i);
            }
            if (all[i].IsLink) links[^1]++;
            else mentions[^1]++;
            places[i] = new UsePlace(all[i].Span, all[i].IsLink);
        }
        starts.Add(all.Length);
        return new DocumentUses([.. terms], [.. links], [.. mentions], [.. starts], places);
    }

    /// <summary>True when both use the same terms the same number of times (the places may differ).</summary>
    public bool SameCounts(DocumentUses other) =>
        ReferenceEquals(this, other) || Terms.AsSpan().SequenceEqual(other.Terms) && Links.AsSpan().SequenceEqual(other.Links) && Mentions.AsSpan().SequenceEqual(other.Mentions);

    /// <summary>True when both use the same terms at the same places.</summary>
    public bool SameAs(DocumentUses other) => ReferenceEquals(this, other) || SameCounts(other) && _places.AsSpan().SequenceEqual(other._places);

    /// <summary>True when the document links to or mentions the term.</summary>
    public bool Uses(TermRef term) => Find(term) >= 0;

    /// <summary>How many of the document's links resolve to the term, and how many times it mentions it.</summary>
    public (int Links, int Mentions) CountsOf(TermRef term) => Find(term) is var i and >= 0 ? (Links[i], Mentions[i]) : (0, 0);

    /// <summary>Where the document links to or mentions the term, in text order.</summary>
    public ReadOnlySpan<UsePlace> PlacesOf(TermRef term) => Find(term) is var i and >= 0 ? _places.AsSpan(_starts[i], _starts[i + 1] - _starts[i]) : default;

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

    private int Find(TermRef term) => Array.BinarySearch(Terms, term, ByTerm);
}
