using System.Globalization;
using System.Text;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Features;

/// <summary>
/// How a term is described to a person (hover, <c>glossary show</c>, completion resolve, look-up):
/// headword, aliases, reading, the definition's Markdown, a glossary page's related terms, where it is
/// defined and how many other documents define it too. Protocol-free: plain Markdown or plain text.
/// </summary>
public static class TermDescription
{
    /// <summary>Definitions longer than this are cut (hover popups are not documents).</summary>
    public const int MaxDefinitionChars = 4000;

    /// <summary>Hover popups show at most this many lines of a definition, then where it continues.</summary>
    public const int MaxDefinitionLines = 20;

    /// <param name="uriOf">The URI of a workspace path, for the links of the definition; the path itself when null.</param>
    public static string ToMarkdown(GlossaryIndex index, TermDefinition term, Func<string, string>? uriOf = null)
    {
        uriOf ??= path => path;
        var sb = new StringBuilder();
        sb.Append("**").Append(EscapeMarkdown(term.Headword)).Append("**");
        if (term.Aliases.Length > 0) sb.Append(" | ").Append(Aliases(term, EscapeMarkdown));
        sb.Append('\n');
        if (term.Reading is { Length: > 0 } reading) sb.Append("\n読み: ").Append(EscapeMarkdown(reading)).Append('\n');
        var (doc, excerpt, continuesAt) = Excerpt(index, term, MaxDefinitionLines);
        var definition = doc is null ? "" : DefinitionText.ToMarkdown(index, doc, excerpt, uriOf).Replace("\r\n", "\n");
        if (continuesAt is not null) definition = DefinitionText.CloseOpenFence(definition);
        sb.Append('\n').Append(definition.Length > 0 ? definition : "*(no definition)*").Append('\n');
        if (continuesAt is int line)
            sb.Append($"\n… (continues in [{EscapeMarkdown(term.DocumentPath)}:{line}]({uriOf(term.DocumentPath)}#L{line}))\n");
        if (RelatedTerms.ToMarkdown(index, term, uriOf) is { } related) sb.Append('\n').Append(related).Append('\n');
        sb.Append("\n---\n\n").Append(Location(index, term, markdown: true)).Append('\n');
        return sb.ToString();
    }

    /// <param name="maxLines">How many lines of the definition are shown before "… (continues in path:line)".</param>
    public static string ToPlainText(GlossaryIndex index, TermDefinition term, int maxLines = MaxDefinitionLines)
    {
        var sb = new StringBuilder();
        sb.Append(term.Headword);
        if (term.Aliases.Length > 0) sb.Append(" | ").Append(Aliases(term, a => a));
        sb.Append('\n');
        if (term.Reading is { Length: > 0 } reading) sb.Append("読み: ").Append(reading).Append('\n');
        var (doc, excerpt, continuesAt) = Excerpt(index, term, maxLines);
        var definition = doc is null ? "" : DefinitionText.ToPlainText(doc.Text.Substring(excerpt.Start, excerpt.Length)).Replace("\r\n", "\n").Trim();
        sb.Append('\n').Append(definition.Length > 0 ? definition : "(no definition)").Append('\n');
        if (continuesAt is int line) sb.Append($"… (continues in {term.DocumentPath}:{line})\n");
        if (RelatedTerms.ToPlainText(index, term) is { } related) sb.Append('\n').Append(related).Append('\n');
        sb.Append('\n').Append(Location(index, term, markdown: false)).Append('\n');
        return sb.ToString();
    }

    /// <summary>Text as Markdown shows it literally (its markup characters escaped).</summary>
    public static string EscapeMarkdown(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (char c in s)
        {
            if (c is '\\' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '#') sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>The definition's Markdown, trimmed (and cut at <see cref="MaxDefinitionChars"/>).</summary>
    public static string Definition(GlossaryIndex index, TermDefinition term)
    {
        if (index.GetDocument(term.DocumentPath) is not { } doc) return string.Empty;
        var span = term.DefinitionSpan;
        if (span.End > doc.Text.Length) return string.Empty;
        var text = doc.Text.Substring(span.Start, span.Length).Replace("\r\n", "\n").Trim();
        return text.Length > MaxDefinitionChars ? text[..MaxDefinitionChars].TrimEnd() + " …" : text;
    }

    /// <summary>"Defined in path:line" and, when others define it too, how many and the nearest few (SPEC §7).</summary>
    public static string Location(GlossaryIndex index, TermDefinition term, bool markdown)
    {
        var doc = index.GetDocument(term.DocumentPath);
        int line = (doc?.Lines.GetPosition(term.NameSpan.Start).Line ?? 0) + 1;
        var where = markdown ? $"Defined in `{term.DocumentPath}:{line}`" : $"Defined in {term.DocumentPath}:{line}";
        var others = OtherDefinitions.DocumentsDefining(index, term);
        int count = others.DocumentCount;
        if (count == 0) return where;
        var list = NameList.Join(others.NearestDocuments.Select(o => markdown ? $"`{o}`" : o), count, OutputBounds.NamedDocuments, ", ", ", ");
        // Spelled out rather than Humanizer's ToQuantity, which builds its whole vocabulary on first use.
        return string.Create(CultureInfo.InvariantCulture, $"{where}; also defined in {count:N0} other document{(count == 1 ? "" : "s")}: {list}");
    }

    /// <summary>The aliases as listed under the headword: the first <see cref="OutputBounds.ShownAliases"/>, then how many more.</summary>
    private static string Aliases(TermDefinition term, Func<string, string> escape) =>
        NameList.Join(term.Aliases.Select(escape), term.Aliases.Length, OutputBounds.ShownAliases, " | ", " | ");

    /// <summary>
    /// The part of a definition a reader is shown: its span without surrounding white space, cut at a line
    /// start after <paramref name="maxLines"/> lines or <see cref="MaxDefinitionChars"/>, and when cut the
    /// 1-based line where the rest begins.
    /// </summary>
    private static (ParsedDocument? Doc, TextSpan Span, int? ContinuesAt) Excerpt(GlossaryIndex index, TermDefinition term, int maxLines)
    {
        if (index.GetDocument(term.DocumentPath) is not { } doc || term.DefinitionSpan.End > doc.Text.Length) return (null, default, null);
        var text = doc.Text;
        int start = term.DefinitionSpan.Start, end = term.DefinitionSpan.End;
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (start == end) return (doc, new TextSpan(start, 0), null);
        int first = doc.Lines.GetLine(start);
        int cut = doc.Lines.GetLine(end - 1) - first >= maxLines ? doc.Lines.GetLineStart(first + maxLines) : end;
        if (cut - start > MaxDefinitionChars)
        {
            int line = doc.Lines.GetLine(start + MaxDefinitionChars);
            cut = line > first ? doc.Lines.GetLineStart(line) : start + MaxDefinitionChars;
            if (char.IsLowSurrogate(text[cut])) cut--;
        }
        if (cut >= end) return (doc, TextSpan.FromBounds(start, end), null);
        int next = cut;
        while (next < end && char.IsWhiteSpace(text[next])) next++;
        while (cut > start && char.IsWhiteSpace(text[cut - 1])) cut--;
        return (doc, TextSpan.FromBounds(start, cut), doc.Lines.GetLine(next) + 1);
    }
}
