using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;

namespace GlossaryLsp.Core.Rules;

/// <summary>
/// The fix shared by GL0002 and GL0006: point a broken link at the term its link text names. It is safe
/// (<c>lint --fix</c>) only when exactly one term has that entry word; with several, the editor offers
/// the nearest and the author chooses.
/// </summary>
internal static class LinkRetarget
{
    public static CodeFix? Fix(RuleContext context, LinkReference link, LinkResolution resolution)
    {
        if (link.Text.Length == 0 || link.TargetSpan.IsEmpty) return null;
        var definitions = context.Index.FindDefinitions(link.Text);
        if (definitions.Count == 0) return null;
        // Prefer the document the link already points at, then the nearest definition.
        var term = definitions.FirstOrDefault(d => d.DocumentPath == resolution.TargetPath)
                   ?? GlossaryIndex.Nearest(definitions, context.Document.Path)!;
        var newTarget = LinkTargets.For(context.Index, context.Document, term, LinkTargets.IsAbsolute(link.Target));
        if (newTarget == link.Target) return null;
        return CodeFix.Single($"Link to '{term.Headword}' in {term.DocumentPath}", context.Document.Path, link.TargetSpan, newTarget, isSafe: definitions.Distinct().Count() == 1);
    }
}
