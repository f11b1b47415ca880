using GlossaryLsp.Core.Index;
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
            var key = TermKey.Normalize(link.Text);
            if (term.EntryWords.Any(w => TermKey.Normalize(w) == key) || term.Reading is { } rd && TermKey.Normalize(rd) == key) continue;
            context.Report(link.TextSpan,
                $"Link text '{link.Text}' is not an entry word of '{term.Headword}' ({string.Join(" | ", term.EntryWords)})",
                [new RelatedLocation(term.DocumentPath, term.NameSpan, $"'{term.Headword}' is defined here")],
                [CodeFix.Single($"Use the headword '{term.Headword}'", doc.Path, link.TextSpan, term.Headword)]);
        }
    }
}
