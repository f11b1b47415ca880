namespace GlossaryLsp.Core.Text;

/// <summary>
/// Zero-based line/character position in UTF-16 code units, as LSP and the CLI's JSON report it.
/// </summary>
public readonly record struct LinePosition(int Line, int Character) : IComparable<LinePosition>
{
    public int CompareTo(LinePosition other) => Line != other.Line ? Line.CompareTo(other.Line) : Character.CompareTo(other.Character);
    public override string ToString() => $"{Line}:{Character}";
}

public readonly record struct LineRange(LinePosition Start, LinePosition End);

/// <summary>
/// Maps UTF-16 offsets to line/character and back for one document. Lines end at "\n", "\r\n" or a
/// lone "\r"; the line terminator belongs to the line it ends. Positions past a line's end clamp to it.
/// </summary>
public sealed class LineIndex
{
    private readonly int[] _lineStarts;
    private readonly int _length;
    private readonly string _text;

    public LineIndex(string text)
    {
        _text = text;
        _length = text.Length;
        var starts = new List<int>(Math.Max(16, text.Length / 40)) { 0 };
        var span = text.AsSpan();
        int i = 0;
        while (true)
        {
            int nl = span[i..].IndexOfAny('\r', '\n');
            if (nl < 0) break;
            i += nl;
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            starts.Add(++i);
        }
        _lineStarts = starts.ToArray();
    }

    public int LineCount => _lineStarts.Length;

    public int GetLineStart(int line) => _lineStarts[Math.Clamp(line, 0, _lineStarts.Length - 1)];

    /// <summary>Start of the next line (or the text's length): the end of this line including its terminator.</summary>
    public int GetLineEndIncludingBreak(int line) => line + 1 < _lineStarts.Length ? _lineStarts[line + 1] : _length;

    /// <summary>The end of the line's content, excluding "\r\n"/"\n"/"\r".</summary>
    public int GetLineEnd(int line)
    {
        int start = GetLineStart(line);
        int end = GetLineEndIncludingBreak(Math.Clamp(line, 0, _lineStarts.Length - 1));
        if (end > start && _text[end - 1] == '\n') end--;
        if (end > start && _text[end - 1] == '\r') end--;
        return end;
    }

    /// <summary>From the start of the line holding the span's start to the end (without its break) of the line holding its end.</summary>
    public TextSpan WholeLines(TextSpan span) => TextSpan.FromBounds(GetLineStart(GetLine(span.Start)), GetLineEnd(GetLine(span.End)));

    public int GetLine(int offset)
    {
        offset = Math.Clamp(offset, 0, _length);
        int idx = Array.BinarySearch(_lineStarts, offset);
        return idx >= 0 ? idx : ~idx - 1;
    }

    public LinePosition GetPosition(int offset)
    {
        offset = Math.Clamp(offset, 0, _length);
        int line = GetLine(offset);
        return new LinePosition(line, offset - _lineStarts[line]);
    }

    public LineRange GetRange(TextSpan span) => new(GetPosition(span.Start), GetPosition(span.End));

    /// <summary>The offset of a position; out-of-range lines and characters clamp to the text.</summary>
    public int GetOffset(LinePosition position)
    {
        if (position.Line < 0) return 0;
        if (position.Line >= _lineStarts.Length) return _length;
        int start = _lineStarts[position.Line];
        return Math.Clamp(start + Math.Max(0, position.Character), start, GetLineEnd(position.Line));
    }

    public int GetOffset(int line, int character) => GetOffset(new LinePosition(line, character));
}
