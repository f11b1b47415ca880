using System.Collections.Immutable;
using GlossaryLsp.Core.Parsing;

namespace GlossaryLsp.Core.Features;

public enum FoldKind { Section, FrontMatter, Code, Comment }

/// <summary>A foldable range of whole lines (0-based, inclusive).</summary>
public sealed record Fold(int StartLine, int EndLine, FoldKind Kind);

/// <summary>
/// Folding ranges: every heading section (term sections included) up to its last non-blank line, the
/// front matter, fenced code blocks and multi-line HTML comments.
/// </summary>
public static class FoldingService
{
    public static ImmutableArray<Fold> GetFolds(ParsedDocument document)
    {
        if (document.LoadProblem is not null) return [];
        var lines = document.Lines;
        var text = document.Text;
        var folds = new List<Fold>();
        if (document.FrontMatter is { } fm)
            Add(folds, lines.GetLine(fm.Span.Start), lines.GetLine(DocumentSymbolService.TrimEnd(text, fm.Span.End, fm.Span.Start)), FoldKind.FrontMatter);

        var headings = document.Headings;
        for (int i = 0; i < headings.Length; i++)
        {
            var h = headings[i];
            int next = i + 1;
            while (next < headings.Length && headings[next].Level > h.Level) next++;
            int end = next < headings.Length ? headings[next].Span.Start : text.Length;
            end = DocumentSymbolService.TrimEnd(text, end, h.Span.End);
            Add(folds, lines.GetLine(h.Span.Start), lines.GetLine(end), FoldKind.Section);
        }

        // Fenced code blocks and HTML comments, by lines (outside the front matter).
        int firstLine = document.FrontMatter is { } f ? lines.GetLine(DocumentSymbolService.TrimEnd(text, f.Span.End, f.Span.Start)) + 1 : 0;
        string? fence = null;
        int fenceStart = 0, commentStart = -1;
        for (int line = firstLine; line < lines.LineCount; line++)
        {
            var content = text.AsSpan(lines.GetLineStart(line), lines.GetLineEnd(line) - lines.GetLineStart(line));
            var trimmed = content.TrimStart(' ');
            if (content.Length - trimmed.Length > 3) trimmed = ReadOnlySpan<char>.Empty; // indented code, not a fence
            if (fence is not null)
            {
                if (trimmed.StartsWith(fence) && trimmed.TrimEnd().Length >= fence.Length && trimmed.Trim(fence[0]).Trim().IsEmpty)
                {
                    Add(folds, fenceStart, line, FoldKind.Code);
                    fence = null;
                }
                continue;
            }
            if (commentStart < 0 && (trimmed.StartsWith("```") || trimmed.StartsWith("~~~")))
            {
                char c = trimmed[0];
                int n = 0;
                while (n < trimmed.Length && trimmed[n] == c) n++;
                fence = new string(c, n);
                fenceStart = line;
                continue;
            }
            if (commentStart < 0)
            {
                int open = content.IndexOf("<!--");
                if (open >= 0 && content[(open + 4)..].IndexOf("-->") < 0) commentStart = line;
            }
            else if (content.IndexOf("-->") >= 0)
            {
                Add(folds, commentStart, line, FoldKind.Comment);
                commentStart = -1;
            }
        }
        if (fence is not null) Add(folds, fenceStart, lines.LineCount - 1, FoldKind.Code); // unclosed: to the end, as Markdown does
        return [.. folds.OrderBy(x => x.StartLine).ThenByDescending(x => x.EndLine)];
    }

    private static void Add(List<Fold> folds, int start, int end, FoldKind kind)
    {
        if (end > start) folds.Add(new Fold(start, end, kind));
    }
}
