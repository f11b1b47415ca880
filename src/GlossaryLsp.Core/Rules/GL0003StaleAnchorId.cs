using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Rules;

/// <summary>
/// GL0003: a term heading's <c>&lt;a id&gt;</c> is not the anchor of its current text (the heading was
/// edited by hand). The fix regenerates the id and moves the links that used the old id to the new one,
/// so that fixing the id never breaks a link; being the one correction, it is safe (<c>lint --fix</c>).
/// </summary>
public sealed class GL0003StaleAnchorId : Rule
{
    public override RuleDescriptor Descriptor => RuleCatalog.GL0003;

    public override void Analyze(RuleContext context)
    {
        var doc = context.Document;
        if (doc.Kind != DocumentKind.TermList) return;
        foreach (var term in doc.Terms)
        {
            if (term.Heading is not { ExplicitId: { } id, ExplicitIdSpan: { } idSpan } || term.Anchor is not { } anchor || id == anchor) continue;
            var was = AnchorCodec.TryDecode(id, out var oldText) ? $" (it encodes '{oldText}')" : "";
            // The links are found when the fix is applied (CodeFix.EditsIn): while a heading is typed this rule fires on every keystroke.
            var fix = new CodeFix($"Regenerate the id from '{term.Heading.Text}'", [new DocumentEdit(doc.Path, [new TextEdit(idSpan, anchor)])],
                Retarget: new AnchorRetarget(doc.Path, id, anchor), IsSafe: true);
            context.Report(idSpan,
                $"Heading id is not the anchor of the heading text '{term.Heading.Text}'{was}; expected '{anchor}'",
                fixes: [fix]);
        }
    }
}
