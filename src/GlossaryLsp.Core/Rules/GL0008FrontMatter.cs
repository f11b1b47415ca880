using System.Text.RegularExpressions;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Rules;

/// <summary>GL0008: front matter that is not valid YAML, or a glossary page without a <c>title</c> (it defines no term).</summary>
public sealed partial class GL0008FrontMatter : Rule
{
    public override RuleDescriptor Descriptor => RuleCatalog.GL0008;

    // The parser's reason without its prefixes: positions inside the YAML block mean nothing to the author.
    [GeneratedRegex(@"^(invalid YAML:\s*)?(\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*)?", RegexOptions.CultureInvariant)]
    private static partial Regex YamlPositionPrefix();

    public override void Analyze(RuleContext context)
    {
        var doc = context.Document;
        if (doc.FrontMatter is not { } fm) return;
        if (fm.Error is { } error)
        {
            // The whole offending line: the parser's own position is often one character wide or past the problem.
            var span = Line(doc, fm.ErrorSpan.IsEmpty && fm.ErrorSpan.Start == 0 ? fm.Span.Start : fm.ErrorSpan.Start);
            context.Report(span, $"Front matter is not valid YAML: {YamlPositionPrefix().Replace(error, "")}");
            return;
        }
        if (doc.Kind != DocumentKind.GlossaryPage) return;
        if (fm.Values.TryGetValue("title", out var title))
        {
            if (string.IsNullOrWhiteSpace(title.Scalar))
                context.Report(title.Scalar is null && title.Items.IsEmpty && title.ValueSpan.IsEmpty ? title.KeySpan : TextSpan.FromBounds(title.KeySpan.Start, Math.Max(title.KeySpan.End, title.ValueSpan.End)),
                    "Glossary page has an empty 'title'; it defines no term");
            return;
        }
        var type = fm.Values.TryGetValue("type", out var t) ? TextSpan.FromBounds(t.KeySpan.Start, Math.Max(t.KeySpan.End, t.ValueSpan.End)) : Line(doc, fm.Span.Start);
        context.Report(type, "Glossary page (type: glossary) has no 'title'; it defines no term");
    }

    /// <summary>The line holding an offset, without its indentation and line break.</summary>
    private static TextSpan Line(ParsedDocument doc, int offset)
    {
        int line = doc.Lines.GetLine(offset);
        int start = doc.Lines.GetLineStart(line), end = doc.Lines.GetLineEnd(line);
        while (start < end && char.IsWhiteSpace(doc.Text[start])) start++;
        while (end > start && char.IsWhiteSpace(doc.Text[end - 1])) end--;
        return TextSpan.FromBounds(start, end);
    }
}
