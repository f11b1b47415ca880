using System.Collections.Immutable;

namespace GlossaryLsp.Core.Text;

/// <summary>Searches in spans sorted by start and not overlapping (protected spans, code spans).</summary>
public static class SortedSpans
{
    /// <summary>True when a span contains <paramref name="offset"/>: one binary search.</summary>
    public static bool Contains(ReadOnlySpan<TextSpan> spans, int offset) => IndexAt(spans, offset) >= 0;

    /// <summary>True when one of the spans contains all of <paramref name="span"/>: one binary search.</summary>
    public static bool Containing(ReadOnlySpan<TextSpan> spans, TextSpan span) => IndexAt(spans, span.Start) is var i and >= 0 && spans[i].Contains(span);

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

    /// <summary>The index of the span that contains <paramref name="offset"/>, or -1.</summary>
    private static int IndexAt(ReadOnlySpan<TextSpan> spans, int offset)
    {
        int lo = 0, hi = spans.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (spans[mid].End <= offset) lo = mid + 1;
            else if (spans[mid].Start > offset) hi = mid - 1;
            else return mid;
        }
        return -1;
    }
}
