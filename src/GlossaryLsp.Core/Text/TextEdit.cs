using System.Collections.Immutable;

namespace GlossaryLsp.Core.Text;

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

/// <summary>Edits to one document.</summary>
public sealed record DocumentEdit(string Path, ImmutableArray<TextEdit> Edits);
