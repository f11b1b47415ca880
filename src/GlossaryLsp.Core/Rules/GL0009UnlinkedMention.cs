using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Linking;

namespace GlossaryLsp.Core.Rules;

/// <summary>
/// GL0009: a defined term mentioned in prose without a link (only when the config asks for it). Mentions
/// are the term linker's (<see cref="MentionScanner"/>); the fix is the linker's edit for that mention.
/// </summary>
public sealed class GL0009UnlinkedMention : Rule
{
    public override RuleDescriptor Descriptor => RuleCatalog.GL0009;

    public override void Analyze(RuleContext context)
    {
        var doc = context.Document;
        foreach (var mention in MentionScanner.FindMentions(context.Index, doc))
        {
            var term = mention.Term;
            var fix = TermLinker.LinkMention(context.Index, doc, mention) is { } edit
                ? CodeFix.Single($"Link '{mention.Text}' to its definition in {term.DocumentPath}", doc.Path, edit.Span, edit.NewText)
                : null;
            context.Report(mention.Span,
                $"'{mention.Text}' is defined in {term.DocumentPath}; link it",
                [new RelatedLocation(term.DocumentPath, term.NameSpan, $"'{term.Headword}' is defined here")],
                fix is null ? null : [fix]);
        }
    }
}
