using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Rules;

/// <summary>GL0010: a link to a term whose text is none of that term's entry words.</summary>
public sealed class GL0010LinkTextMismatch : Rule
{
    public override RuleDescriptor Descriptor => RuleCatalog.GL0010;

    public override void Analyze(RuleContext context)
    {
        var doc = context.Document;
        for (int i = 0; i < doc.Links.Length; i++)
        {
            var r = context.LinkResolutions[i];
            if (r.Status != LinkStatus.Resolved || r.Term is not { } term) continue;
            var link = doc.Links[i];
            if (link.Text.Length == 0 || link.TextSpan.IsEmpty) continue;
            if (IsEntryWord(term, link.Text)) continue;
            context.Report(link.TextSpan,
                $"Link text '{link.Text}' is not an entry word of '{term.Headword}' ({string.Join(" | ", term.EntryWords)})",
                [new RelatedLocation(term.DocumentPath, term.NameSpan, $"'{term.Headword}' is defined here")],
                [CodeFix.Single($"Use the headword '{term.Headword}'", doc.Path, link.TextSpan, term.Headword)]);
        }
    }

    /// <summary>
    /// True when the text has the key of one of the term's entry words or its reading. The usual link
    /// text is an entry word as written, which is decided without normalising anything.
    /// </summary>
    private static bool IsEntryWord(TermDefinition term, string text)
    {
        if (term.Headword == text || term.Aliases.Contains(text) || term.Reading == text) return true;
        var key = TermKey.Normalize(text);
        if (TermKey.Normalize(term.Headword) == key) return true;
        foreach (var alias in term.Aliases)
            if (TermKey.Normalize(alias) == key) return true;
        return term.Reading is { } reading && TermKey.Normalize(reading) == key;
    }
}
