using System.Text.RegularExpressions;
using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Rules;

/// <summary>
/// GL0008: front matter that is not valid YAML, or a glossary page without a <c>title</c> (it defines no
/// term). The one obvious fix: a plain value holding ": " or " #" (<c>title: 知識蒸留: 入門</c>) is quoted,
/// offered only when the quoted front matter then parses.
/// </summary>
public sealed partial class GL0008FrontMatter : Rule
{
    public override RuleDescriptor Descriptor => RuleCatalog.GL0008;

    public override void Analyze(RuleContext context)
    {
        var doc = context.Document;
        if (doc.FrontMatter is not { } fm) return;
        if (fm.Error is { } error)
        {
            // The whole offending line: the parser's own position is often one character wide or past the problem.
            var span = Line(doc, fm.ErrorSpan.IsEmpty && fm.ErrorSpan.Start == 0 ? fm.Span.Start : fm.ErrorSpan.Start);
            var fix = QuoteValueFix(doc, span);
            context.Report(span, $"Front matter is not valid YAML: {YamlPositionPrefix().Replace(error, "")}", fixes: fix is null ? null : [fix]);
            return;
        }
        if (doc.Kind != DocumentKind.GlossaryPage) return;
        if (fm.Values.TryGetValue("title", out var title))
        {
            if (string.IsNullOrWhiteSpace(title.Scalar))
                context.Report(
                    title.Scalar is null && title.Items.IsEmpty && title.ValueSpan.IsEmpty
                        ? title.KeySpan
                        : TextSpan.FromBounds(title.KeySpan.Start, Math.Max(title.KeySpan.End, title.ValueSpan.End)),
                    "Glossary page has an empty 'title'; it defines no term");
            return;
        }
        var type = fm.Values.TryGetValue("type", out var t) ? TextSpan.FromBounds(t.KeySpan.Start, Math.Max(t.KeySpan.End, t.ValueSpan.End)) : Line(doc, fm.Span.Start);
        context.Report(type, "Glossary page (type: glossary) has no 'title'; it defines no term");
    }

    // The parser's reason without its prefixes: positions inside the YAML block mean nothing to the author.
    [GeneratedRegex(@"^(invalid YAML:\s*)?(\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*)?", RegexOptions.CultureInvariant)]
    private static partial Regex YamlPositionPrefix();

    // "key: plain value" on one line, the value not already quoted, a flow collection, a block scalar or an anchor.
    [GeneratedRegex(@"^(?<key>[^\s:#'""\[\]{}][^:#]*?):[ \t]+(?<value>[^\s'""\[{|>&*!%@`][^\r\n]*?)[ \t]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainValueLine();

    /// <summary>Quotes the value of a "key: value" line when the value holds YAML syntax and quoting makes the front matter parse.</summary>
    private static CodeFix? QuoteValueFix(ParsedDocument doc, TextSpan line)
    {
        var m = PlainValueLine().Match(doc.GetText(line));
        if (!m.Success) return null;
        var value = m.Groups["value"];
        if (!value.Value.Contains(": ") && !value.Value.Contains(" #") && !value.Value.EndsWith(':')) return null;
        var quoted = "\"" + value.Value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
        var edit = new TextEdit(new TextSpan(line.Start + value.Index, value.Length), quoted);
        var reparsed = DocumentParser.Parse(doc.Path, TextEdit.Apply(doc.Text, [edit]));
        if (reparsed.FrontMatter is not { Error: null }) return null;
        return new CodeFix($"Quote the value of '{m.Groups["key"].Value.Trim()}'", [new DocumentEdit(doc.Path, [edit])]);
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
