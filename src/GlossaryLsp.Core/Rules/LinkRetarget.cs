using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;

namespace GlossaryLsp.Core.Rules;

/// <summary>The fix shared by GL0002 and GL0006: point a broken link at the term its link text names.</summary>
internal static class LinkRetarget
{
    /// <param name="chosen">The term chosen per (link text, target document) in this document so far: a document
    /// may hold thousands of the same broken link, and a word thousands of definitions to choose from.</param>
    public static CodeFix? Fix(RuleContext context, LinkReference link, LinkResolution resolution, ref Dictionary<(string, string?), TermDefinition?>? chosen)
    {
        if (link.Text.Length == 0 || link.TargetSpan.IsEmpty) return null;
        chosen ??= [];
        if (!chosen.TryGetValue((link.Text, resolution.TargetPath), out var term))
            chosen[(link.Text, resolution.TargetPath)] = term = Choose(context, link.Text, resolution.TargetPath);
        if (term is null) return null;
        var newTarget = LinkTargets.For(context.Index, context.Document, term, LinkTargets.IsAbsolute(link.Target));
        if (newTarget == link.Target) return null;
        return CodeFix.Single($"Link to '{term.Headword}' in {term.DocumentPath}", context.Document.Path, link.TargetSpan, newTarget);
    }

    /// <summary>The term the text names: in the document the link already points at, else the nearest definition.</summary>
    private static TermDefinition? Choose(RuleContext context, string text, string? targetPath)
    {
        var definitions = context.Index.FindDefinitions(text);
        if (definitions.Count == 0) return null;
        return definitions.FirstOrDefault(d => d.DocumentPath == targetPath) ?? GlossaryIndex.Nearest(definitions, context.Document.Path);
    }
}
