using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Parsing;

/// <summary>The one entry point of parsing: bad input becomes a <see cref="LoadProblem"/>, never an exception (SPEC §7).</summary>
public static partial class DocumentParser
{
    /// <summary>
    /// Lines longer than this are not parsed (SPEC §7): Markdig's inline parser is quadratic on some long
    /// lines (e.g. unclosed "[x](" repeated), and authored glossaries stay far below it.
    /// </summary>
    public const int MaxLineLength = 20_000;

    /// <summary>
    /// Parses a Markdown file; a line over <see cref="MaxLineLength"/>, nesting deeper than
    /// <see cref="NestingDepth.MaxLevels"/> or a parser failure gives an unreadable document saying why.
    /// </summary>
    /// <param name="path">Workspace-relative path with '/' separators.</param>
    /// <param name="text">The file's text.</param>
    /// <param name="isGlossaryByConfig">True when the config's glossary globs match the path.</param>
    public static ParsedDocument Parse(string path, string text, bool isGlossaryByConfig = false)
    {
        if (HasLongLine(text) && LongestLine(text) is { Length: > MaxLineLength } longest)
            return ParsedDocument.Unreadable(path, new LoadProblem(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"line {longest.Line + 1} is {longest.Length:N0} characters long; lines over {MaxLineLength:N0} characters are not analysed")));
        if (NestingDepth.Markdown(text) is { } deep)
            return ParsedDocument.Unreadable(path, new LoadProblem(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"line {deep.Line + 1:N0} {deep.Why}")));
        try
        {
            return ParseMarkdown(path, text, isGlossaryByConfig);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return ParsedDocument.Unreadable(path, new LoadProblem($"could not be parsed ({e.GetType().Name}: {e.Message})"));
        }
    }

    /// <summary>Whether a line is longer than <see cref="MaxLineLength"/>: one backward search per window of that length, not one search per line.</summary>
    private static bool HasLongLine(string text)
    {
        // `start` is where a line begins; a window of MaxLineLength + 1 characters without a line break holds a long line.
        for (int start = 0; text.Length - start > MaxLineLength;)
        {
            int last = text.AsSpan(start, MaxLineLength + 1).LastIndexOfAny('\n', '\r');
            if (last < 0) return true;
            start += last + 1;
        }
        return false;
    }

    private static (int Line, int Length) LongestLine(string text)
    {
        int line = 0, start = 0, bestLine = 0, best = 0;
        var span = text.AsSpan();
        while (true)
        {
            int nl = span[start..].IndexOfAny('\n', '\r');
            int end = nl < 0 ? text.Length : start + nl;
            if (end - start > best) { best = end - start; bestLine = line; }
            if (nl < 0) return (bestLine, best);
            start = end + 1;
            if (text[end] == '\r' && start < text.Length && text[start] == '\n') start++;
            line++;
        }
    }
}
