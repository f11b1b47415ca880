using System.Collections.Immutable;
using GlossaryLsp.Core.Parsing;

namespace GlossaryLsp.Core.Index;

/// <summary>
/// A document's anchors → what they name, built once per set of definitions (<see cref="DocumentFacts"/>).
/// Ranks keep the order of a linear search: terms (base64 anchor or explicit id) first, then headings
/// (slug or explicit id), then any other explicit anchor. One dictionary of packed values (rank, and
/// the term of a heading's rank), sized to its entries: what a target names is read back from the
/// document, so any parse with the same definitions (<see cref="DerivedTables.SameDefinitions"/>) reads it.
/// </summary>
internal sealed class AnchorTable
{
    /// <summary>Anchor → rank in the low 32 bits; for a heading, its term's index + 1 in the high 32 bits (0: none).</summary>
    private readonly Dictionary<string, long> _targets;

    public AnchorTable(ParsedDocument doc)
    {
        var terms = doc.Terms;
        var headings = doc.Headings;
        _targets = new Dictionary<string, long>(terms.Length + headings.Length, StringComparer.Ordinal);
        // The first term of each heading (terms and headings are both in document order).
        var termOf = new int[headings.Length];
        int from = 0;
        for (int t = 0; t < terms.Length; t++)
        {
            if (terms[t].Heading is not { } th) continue;
            int at = IndexOf(headings, th, from);
            if (at < 0) continue;
            if (termOf[at] == 0) termOf[at] = t + 1;
            from = at;
        }
        int rank = 0;
        foreach (var t in terms)
        {
            long target = rank++;
            if (t.Anchor is not null) _targets.TryAdd(t.Anchor, target);
            if (t.Heading?.ExplicitId is { } id) _targets.TryAdd(id, target);
        }
        for (int h = 0; h < headings.Length; h++)
        {
            long target = (long)termOf[h] << 32 | (uint)rank++;
            _targets.TryAdd(headings[h].Slug, target);
            if (headings[h].ExplicitId is { } id) _targets.TryAdd(id, target);
        }
        foreach (var a in doc.ExplicitAnchors) _targets.TryAdd(a, rank);
        _targets.TrimExcess();
    }

    public static int Rank(long target) => (int)target;

    /// <summary>The term and heading a found target names.</summary>
    public static (TermDefinition? Term, Heading? Heading) Target(ParsedDocument doc, long target)
    {
        int rank = (int)target;
        if (rank < doc.Terms.Length) return (doc.Terms[rank], doc.Terms[rank].Heading);
        rank -= doc.Terms.Length;
        if (rank >= doc.Headings.Length) return (null, null);
        int term = (int)(target >> 32) - 1;
        return (term >= 0 ? doc.Terms[term] : null, doc.Headings[rank]);
    }

    /// <summary>Looks an anchor up; <paramref name="key"/> is the table's equal string.</summary>
    public bool TryFind(ReadOnlySpan<char> anchor, out string? key, out long target)
    {
        if (_targets.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(anchor, out key, out target)) return true;
        key = null;
        return false;
    }

    /// <summary>Where <paramref name="heading"/> is in <paramref name="headings"/>, searched from <paramref name="from"/> on first; -1 when absent.</summary>
    internal static int IndexOf(ImmutableArray<Heading> headings, Heading heading, int from)
    {
        for (int i = from; i < headings.Length; i++)
            if (ReferenceEquals(headings[i], heading)) return i;
        for (int i = 0; i < from && i < headings.Length; i++)
            if (ReferenceEquals(headings[i], heading)) return i;
        return -1;
    }
}
