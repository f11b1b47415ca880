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
    /// <param name="chosen">The term chosen per (link text, target document) in this document so far: a document
    /// may hold thousands of the same broken link, and a word thousands of definitions to choose from.</param>
    public static CodeFix? Fix(RuleContext context, LinkReference link, LinkResolution resolution, ref Dictionary<(string, string?), (TermDefinition? Term, bool Safe)>? chosen)
    {
        if (link.Text.Length == 0 || link.TargetSpan.IsEmpty) return null;
        chosen ??= [];
        if (!chosen.TryGetValue((link.Text, resolution.TargetPath), out var choice))
            chosen[(link.Text, resolution.TargetPath)] = choice = Choose(context, link.Text, resolution.TargetPath);
        if (choice.Term is not { } term) return null;
        var newTarget = LinkTargets.For(context.Index, context.Document, term, LinkTargets.IsAbsolute(link.Target));
        if (newTarget == link.Target) return null;
        return CodeFix.Single($"Link to '{term.Headword}' in {term.DocumentPath}", context.Document.Path, link.TargetSpan, newTarget, isSafe: choice.Safe);
    }

    /// <summary>
    /// The term the text names: in the document the link already points at, else the nearest definition;
    /// safe to apply unasked (lint --fix) when exactly one term matches the text.
    /// </summary>
    private static (TermDefinition? Term, bool Safe) Choose(RuleContext context, string text, string? targetPath)
    {
        var definitions = context.Index.FindDefinitions(text);
        if (definitions.Count == 0) return (null, false);
        var term = definitions.FirstOrDefault(d => d.DocumentPath == targetPath) ?? GlossaryIndex.Nearest(definitions, context.Document.Path);
        return (term, definitions.Distinct().Take(2).Count() == 1);
    }
}
