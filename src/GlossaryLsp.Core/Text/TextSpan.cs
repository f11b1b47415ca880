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
