namespace GlossaryLsp.Core.Text;

/// <summary>A half-open range of UTF-16 code units in a document's text: [Start, End).</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;
    public bool IsEmpty => Length == 0;

    public static TextSpan FromBounds(int start, int end) => new(start, end - start);

    /// <summary>Markdig's <c>SourceSpan.End</c> is inclusive; this is the one place that converts it.</summary>
    public static TextSpan FromMarkdig(Markdig.Syntax.SourceSpan span) =>
        span.IsEmpty ? new TextSpan(Math.Max(span.Start, 0), 0) : FromBounds(span.Start, span.End + 1);

    public bool Contains(int offset) => offset >= Start && offset < End;
    /// <summary>True when the offset is inside or at the end edge (a cursor right after a word).</summary>
    public bool ContainsOrTouches(int offset) => offset >= Start && offset <= End;
    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;
    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;

    public override string ToString() => $"[{Start}..{End})";
}

/// <summary>A replacement of <see cref="Span"/> by <see cref="NewText"/> in one document.</summary>
public sealed record TextEdit(TextSpan Span, string NewText)
{
    /// <summary>Applies non-overlapping edits (any order) to a text.</summary>
    public static string Apply(string text, IEnumerable<TextEdit> edits)
    {
        var sorted = edits.OrderBy(e => e.Span.Start).ThenBy(e => e.Span.End).ToList();
        var sb = new System.Text.StringBuilder(text.Length + 64);
        int pos = 0;
        foreach (var e in sorted)
        {
            if (e.Span.Start < pos) throw new ArgumentException($"overlapping edits at {e.Span}");
            sb.Append(text, pos, e.Span.Start - pos).Append(e.NewText);
            pos = e.Span.End;
        }
        sb.Append(text, pos, text.Length - pos);
        return sb.ToString();
    }
}
