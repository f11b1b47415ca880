using System.Collections.Immutable;
using GlossaryLsp.Core.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace GlossaryLsp.Core.Parsing;

/// <summary>Reads a document's YAML front matter (between the <c>---</c> lines) with YamlDotNet.</summary>
internal static class FrontMatterParser
{
    public static FrontMatter Parse(string text, TextSpan blockSpan)
    {
        // The YAML starts after the opening "---" line and ends before the closing "---"/"..." line.
        int contentStart = blockSpan.Start;
        while (contentStart < blockSpan.End && text[contentStart] != '\n') contentStart++;
        contentStart = Math.Min(contentStart + 1, blockSpan.End);
        int contentEnd = blockSpan.End;
        int lastLineStart = text.LastIndexOf('\n', Math.Max(blockSpan.End - 1, 0));
        if (lastLineStart >= contentStart) contentEnd = lastLineStart + 1;
        var yaml = text.Substring(contentStart, contentEnd - contentStart);
        var values = ImmutableDictionary.CreateBuilder<string, FrontMatterValue>(StringComparer.Ordinal);
        if (NestingDepth.Yaml(yaml) is { } deep)
        {
            // Not given to YamlDotNet: its time grows with the square of the depth, and its node tree is built recursively.
            int lineStart = contentStart;
            for (int l = 0; l < deep.Line; l++) lineStart = text.IndexOf('\n', lineStart) + 1;
            int lineEnd = text.IndexOfAny(['\r', '\n'], lineStart) is var e and >= 0 && e < contentEnd ? e : contentEnd;
            return new FrontMatter(blockSpan, values.ToImmutable(), $"line {deep.Line + 1} of the front matter {deep.Why}", TextSpan.FromBounds(lineStart, lineEnd));
        }
        // A validation pass over the events first: YamlDotNet throws non-YAML exceptions on some
        // broken input (an unclosed flow sequence), so the last good event's end is the error position.
        if (Validate(yaml) is { } failure)
        {
            int start = contentStart + Math.Clamp(failure.Offset, 0, yaml.Length);
            int end = start;
            while (end < contentEnd && text[end] != '\n' && text[end] != '\r') end++;
            if (end == start) end = Math.Min(start + 1, contentEnd);
            return new FrontMatter(blockSpan, values.ToImmutable(), failure.Message, TextSpan.FromBounds(start, end));
        }
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map)
            {
                if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
                    return new FrontMatter(blockSpan, values.ToImmutable(), null, default);
                return stream.Documents.Count == 0
                    ? new FrontMatter(blockSpan, values.ToImmutable(), null, default)
                    : new FrontMatter(blockSpan, values.ToImmutable(), "front matter is not a YAML mapping of keys to values", blockSpan);
            }
            foreach (var (k, v) in map.Children)
            {
                if (k is not YamlScalarNode { Value: { } key }) continue;
                var keySpan = Span(contentStart, k);
                switch (v)
                {
                    case YamlScalarNode s:
                        values[key] = new FrontMatterValue(s.Value, [], Span(contentStart, s), keySpan);
                        break;
                    case YamlSequenceNode seq:
                        var items = seq.Children.OfType<YamlScalarNode>().ToList();
                        values[key] = new FrontMatterValue(null, [.. items.Select(c => c.Value ?? string.Empty)], Span(contentStart, seq), keySpan)
                        {
                            ItemSpans = [.. items.Select(c => ScalarTextSpan(contentStart, c))],
                        };
                        break;
                    default:
                        values[key] = new FrontMatterValue(null, [], Span(contentStart, v), keySpan);
                        break;
                }
            }
            return new FrontMatter(blockSpan, values.ToImmutable(), null, default);
        }
        catch (YamlException ex)
        {
            int start = contentStart + (int)Math.Clamp(ex.Start.Index, 0, yaml.Length);
            int end = contentStart + (int)Math.Clamp(ex.End.Index, 0, yaml.Length);
            if (end <= start)
            {
                end = start;
                while (end < contentEnd && text[end] != '\n' && text[end] != '\r') end++;
            }
            return new FrontMatter(blockSpan, values.ToImmutable(), ex.Message.Trim(), TextSpan.FromBounds(start, end));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            return new FrontMatter(blockSpan, values.ToImmutable(), ex.Message, blockSpan);
        }
    }

    private static (int Offset, string Message)? Validate(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        int lastGood = 0;
        try
        {
            while (parser.MoveNext())
                if (parser.Current is { } e) lastGood = (int)e.End.Index;
            return null;
        }
        catch (YamlException ex)
        {
            var reason = ex.Message.Contains("): ") ? ex.Message[(ex.Message.IndexOf("): ", StringComparison.Ordinal) + 3)..] : ex.Message;
            return ((int)ex.Start.Index, $"invalid YAML: {reason.Trim()}");
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // The structure broke after the last well-formed event.
            return (lastGood, "invalid YAML: an unclosed bracket, quote or flow collection");
        }
    }

    /// <summary>A scalar's text: its span without the quotes of a quoted scalar.</summary>
    private static TextSpan ScalarTextSpan(int offset, YamlScalarNode node)
    {
        var span = Span(offset, node);
        return node.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted && span.Length >= 2
            ? new TextSpan(span.Start + 1, span.Length - 2)
            : span;
    }

    private static TextSpan Span(int offset, YamlNode node) =>
        TextSpan.FromBounds(offset + (int)node.Start.Index, offset + Math.Max((int)node.Start.Index, (int)node.End.Index));
}
