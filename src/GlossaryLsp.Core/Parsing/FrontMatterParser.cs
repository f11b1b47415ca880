using System.Collections.Immutable;
using GlossaryLsp.Core.Text;
using YamlDotNet.Core;
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
                        values[key] = new FrontMatterValue(null,
                            [.. seq.Children.OfType<YamlScalarNode>().Select(c => c.Value ?? string.Empty)], Span(contentStart, seq), keySpan);
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

    private static TextSpan Span(int offset, YamlNode node) =>
        TextSpan.FromBounds(offset + (int)node.Start.Index, offset + Math.Max((int)node.Start.Index, (int)node.End.Index));
}
