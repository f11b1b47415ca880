using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;

namespace GlossaryLsp.Core.Rules;

/// <summary>GL0002: the target document exists but has no term or heading with that anchor.</summary>
public sealed class GL0002BrokenAnchor : Rule
{
    public override RuleDescriptor Descriptor => RuleCatalog.GL0002;

    public override void Analyze(RuleContext context)
    {
        var doc = context.Document;
        Dictionary<(string, string?), (TermDefinition? Term, bool Safe)>? chosen = null;
        for (int i = 0; i < doc.Links.Length; i++)
        {
            var r = context.LinkResolutions[i];
            if (r.Status != LinkStatus.MissingAnchor) continue;
            var link = doc.Links[i];
            var target = context.Index.GetDocument(r.TargetPath!);
            var decoded = Text.AnchorCodec.TryDecode(r.Fragment!, out var heading) ? $" ('{heading}')" : "";
            var fix = LinkRetarget.Fix(context, link, r, ref chosen);
            context.Report(link.TargetSpan.IsEmpty ? link.Span : link.TargetSpan,
                $"No term or heading with anchor '#{r.Fragment}'{decoded} in {r.TargetPath}",
                target is null ? null : [new RelatedLocation(target.Path, new Text.TextSpan(0, 0), "the linked document")],
                fix is null ? null : [fix]);
        }
    }
}
