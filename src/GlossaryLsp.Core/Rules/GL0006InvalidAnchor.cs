using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;

namespace GlossaryLsp.Core.Rules;

/// <summary>GL0006: a term-list anchor that is not base64 of UTF-8 text (mangled or hand-written).</summary>
public sealed class GL0006InvalidAnchor : Rule
{
    public override RuleDescriptor Descriptor => RuleCatalog.GL0006;

    public override void Analyze(RuleContext context)
    {
        var doc = context.Document;
        Dictionary<(string, string?), (TermDefinition? Term, bool Safe)>? chosen = null;
        for (int i = 0; i < doc.Links.Length; i++)
        {
            var r = context.LinkResolutions[i];
            if (r.Status != LinkStatus.InvalidAnchor) continue;
            var link = doc.Links[i];
            var fix = LinkRetarget.Fix(context, link, r, ref chosen);
            context.Report(link.TargetSpan.IsEmpty ? link.Span : link.TargetSpan,
                $"Anchor '#{r.Fragment}' is not base64 of UTF-8 heading text, so it cannot name a term of {r.TargetPath}",
                fixes: fix is null ? null : [fix]);
        }
    }
}
