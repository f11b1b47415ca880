using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Linking;

namespace GlossaryLsp.Core.Rules;

/// <summary>
/// GL0015 (off unless configured): a term that no other document links to or mentions. Reads the
/// snapshot's term usage (<see cref="UsageScanner"/>), which the first use makes with a mention scan of
/// every document; <see cref="UsageDependents"/> keeps the findings right as other documents change.
/// </summary>
public sealed class GL0015UnusedTerm : Rule
{
    public override RuleDescriptor Descriptor => RuleCatalog.GL0015;

    public override void Analyze(RuleContext context)
    {
        var doc = context.Document;
        if (doc.Terms.IsEmpty) return;
        var usage = UsageScanner.Usage(context.Index);
        for (int t = 0; t < doc.Terms.Length; t++)
        {
            if (usage.IsUsed(doc.Path, t)) continue;
            var term = doc.Terms[t];
            context.Report(term.NameSpan, $"Term '{term.Headword}' is not linked to or mentioned by any other document");
        }
    }
}
