using GlossaryLsp.Core.Config;
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
            if (link.TextChars.Length == 0 || link.TextSpan.IsEmpty || IsEntryWord(term, link)) continue;
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
    private static bool IsEntryWord(TermDefinition term, LinkReference link)
    {
        var chars = link.TextChars;
        if (chars.SequenceEqual(term.Headword) || term.Reading is { } rd && chars.SequenceEqual(rd)) return true;
        foreach (var alias in term.Aliases)
            if (chars.SequenceEqual(alias)) return true;
        var key = TermKey.Normalize(link.Text);
        if (TermKey.Normalize(term.Headword) == key) return true;
        foreach (var alias in term.Aliases)
            if (TermKey.Normalize(alias) == key) return true;
        return term.Reading is { } reading && TermKey.Normalize(reading) == key;
    }
}
