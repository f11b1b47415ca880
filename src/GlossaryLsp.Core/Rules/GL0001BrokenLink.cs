using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Index;

namespace GlossaryLsp.Core.Rules;

/// <summary>GL0001: the link's target document does not exist (or lies outside the workspace).</summary>
public sealed class GL0001BrokenLink : Rule
{
    public override RuleDescriptor Descriptor => RuleCatalog.GL0001;

    public override void Analyze(RuleContext context)
    {
        var doc = context.Document;
        for (int i = 0; i < doc.Links.Length; i++)
        {
            var r = context.LinkResolutions[i];
            var link = doc.Links[i];
            var span = link.TargetSpan.IsEmpty ? link.Span : link.TargetSpan;
            if (r.Status == LinkStatus.OutsideWorkspace)
                context.Report(span, $"Link target '{link.Target}' is outside the workspace; it is not checked or read");
            else if (r.Status == LinkStatus.MissingDocument)
                context.Report(span, $"Link target not found: no document at '{r.LookedFor}'");
        }
    }
}
