using System.Globalization;

namespace GlossaryLsp.Core.Text;

/// <summary>
/// How deeply a text nests, found by one linear scan before a parser sees it (SPEC §7, deep nesting).
/// Markdig and YamlDotNet spend time that grows with the square of the depth on every nested line (and
/// Markdig then refuses more than <see cref="MaxLevels"/> levels anyway), so a document nesting deeper
/// is reported instead of parsed.
/// </summary>
public static class NestingDepth
{
    /// <summary>Nesting levels a document may have: Markdig's own limit.</summary>
    public const int MaxLevels = 128;

    /// <summary>Columns of indentation a line may have: four per level (a list item's content indent).</summary>
    public const int MaxIndentation = 4 * MaxLevels;

    /// <summary>
    /// The first line (0-based) nesting deeper than the limits, and why; null when none does. A Markdown
    /// line nests by its leading run of indentation, block quote markers (<c>&gt;</c>) and list bullets.
    /// </summary>
    public static (int Line, string Why)? Markdown(string text) => FirstTooDeep(text, yaml: false);

    /// <summary>Same for YAML: by indentation, and by flow collections (<c>[</c>, <c>{</c>) still open at each point.</summary>
    public static (int Line, string Why)? Yaml(string text) => FirstTooDeep(text, yaml: true);

    private static (int Line, string Why)? FirstTooDeep(string text, bool yaml)
    {
        int line = 0, flow = 0;
        for (int start = 0; start < text.Length; line++)
        {
            // Indentation counts from the last marker: the spaces between "> > >" nest by the markers, not by columns.
            int columns = 0, widest = 0, markers = 0, i = start;
            for (; i < text.Length; i++)
            {
                char c = text[i];
                if (c == ' ') columns++;
                else if (c == '\t') columns += 4 - (columns % 4);
                else if (!yaml && (c == '>' || c is '-' or '*' or '+' && i + 1 < text.Length && text[i + 1] is ' ' or '\t')) (markers, columns) = (markers + 1, 0);
                else break;
                widest = Math.Max(widest, columns);
            }
            columns = widest;
            if (columns > MaxIndentation)
                return (line, string.Create(CultureInfo.InvariantCulture,
                    $"is indented {columns:N0} columns; nesting over {MaxLevels} levels ({MaxIndentation} columns) is not analysed"));
            if (markers > MaxLevels)
                return (line, string.Create(CultureInfo.InvariantCulture,
                    $"nests {markers:N0} block quotes and list items; nesting over {MaxLevels} levels is not analysed"));
            int end = text.IndexOfAny(['\n', '\r'], i);
            if (end < 0) end = text.Length;
            if (yaml && (flow = FlowDepth(text, i, end, flow)) > MaxLevels)
                return (line, $"opens more than {MaxLevels} nested [ ] or {{ }} collections; nesting over {MaxLevels} levels is not analysed");
            start = end < text.Length && text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? end + 2 : end + 1;
        }
        return null;
    }

    /// <summary>The flow collections open after a line, quoted strings and comments skipped; the deepest point counts.</summary>
    private static int FlowDepth(string text, int from, int end, int depth)
    {
        char quote = '\0';
        for (int i = from; i < end; i++)
        {
            char c = text[i];
            if (quote != '\0')
            {
                if (c == '\\' && quote == '"') i++;
                else if (c == quote) quote = '\0';
                continue;
            }
            switch (c)
            {
                case '"' or '\'':
                    quote = c;
                    break;
                case '#' when i == from || text[i - 1] is ' ' or '\t':
                    return depth;
                case '[' or '{':
                    if (++depth > MaxLevels) return depth;
                    break;
                case ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    break;
            }
        }
        return depth;
    }
}
