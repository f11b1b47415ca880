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
            if (link.TextChars.Length == 0 || link.TextSpan.IsEmpty || IsEntryWord(context.Index, term, link)) continue;
            var words = NameList.Join(term.EntryWords, term.Aliases.Length + 1, OutputBounds.NamedEntryWords, " | ", " | ");
            context.Report(link.TextSpan,
                $"Link text '{link.Text}' is not an entry word of '{term.Headword}' ({words})",
                [new RelatedLocation(term.DocumentPath, term.NameSpan, $"'{term.Headword}' is defined here")],
                [CodeFix.Single($"Use the headword '{term.Headword}'", doc.Path, link.TextSpan, term.Headword)]);
        }
    }

    /// <summary>
    /// True when the text has the key of one of the term's entry words or its reading. The usual link
    /// text is an entry word as written, which is decided without normalising anything; else the text's
    /// key is looked up among the index's definitions, not compared with each of the term's words.
    /// </summary>
    private static bool IsEntryWord(GlossaryIndex index, TermDefinition term, LinkReference link)
    {
        var chars = link.TextChars;
        if (chars.SequenceEqual(term.Headword) || term.Reading is { } rd && chars.SequenceEqual(rd)) return true;
        foreach (var alias in term.Aliases)
            if (chars.SequenceEqual(alias)) return true;
        var key = TermKey.Normalize(link.Text);
        if (key.Length == 0) return term.EntryWords.Any(w => TermKey.Normalize(w).Length == 0); // the table holds no empty key
        if (!index.EntryWordTable.TryGetValue(key, out var refs)) return false;
        foreach (var r in refs)
            if (r.Path == term.DocumentPath && ReferenceEquals(index.Resolve(r), term)) return true;
        return false;
    }
}
