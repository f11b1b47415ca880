using System.Collections.Immutable;

namespace GlossaryLsp.Core.Text;

/// <summary>Searches in spans sorted by start and not overlapping (protected spans, code spans).</summary>
public static class SortedSpans
{
    /// <summary>True when a span contains <paramref name="offset"/>: one binary search.</summary>
    public static bool Contains(ReadOnlySpan<TextSpan> spans, int offset)
    {
        int lo = 0, hi = spans.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (spans[mid].End <= offset) lo = mid + 1;
            else if (spans[mid].Start > offset) hi = mid - 1;
            else return true;
        }
        return false;
    }

    /// <summary>True when one of <paramref name="spans"/> (sorted, apart) contains all of <paramref name="span"/>: one binary search.</summary>
    public static bool Containing(IReadOnlyList<TextSpan> spans, TextSpan span)
    {
        int lo = 0, hi = spans.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (spans[mid].End <= span.Start) lo = mid + 1;
            else if (spans[mid].Start > span.Start) hi = mid - 1;
            else return spans[mid].Contains(span);
        }
        return false;
    }

    /// <summary>The parts of <paramref name="within"/> that no span covers, in order.</summary>
    public static IEnumerable<TextSpan> Gaps(ImmutableArray<TextSpan> spans, TextSpan within)
    {
        int pos = within.Start;
        // The first span that ends after the start.
        int lo = 0, hi = spans.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (spans[mid].End <= pos) lo = mid + 1; else hi = mid;
        }
        for (int k = lo; k < spans.Length; k++)
        {
            var p = spans[k];
            if (p.End <= pos) continue;
            if (p.Start >= within.End) break;
            if (p.Start > pos) yield return TextSpan.FromBounds(pos, p.Start);
            pos = Math.Max(pos, p.End);
        }
        if (pos < within.End) yield return TextSpan.FromBounds(pos, within.End);
    }
}
