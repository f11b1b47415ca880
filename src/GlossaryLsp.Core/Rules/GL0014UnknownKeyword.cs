using GlossaryLsp.Core.Config;

namespace GlossaryLsp.Core.Rules;

/// <summary>
/// GL0014: a <c>keywords</c> entry of a glossary page that names no term of the workspace. A keyword names
/// a term as link text does (<c>GlossaryIndex.FindDefinitions</c>: any entry word or reading, compared
/// after NFKC, case and kana folding), so <c>てんいがくしゅう</c> and <c>transfer learning</c> name 転移学習.
/// </summary>
public sealed class GL0014UnknownKeyword : Rule
{
    public override RuleDescriptor Descriptor => RuleCatalog.GL0014;

    public override void Analyze(RuleContext context)
    {
        foreach (var keyword in context.Document.Keywords)
            if (context.Index.FindDefinitions(keyword.Text).Count == 0)
                context.Report(keyword.Span, $"Keyword '{keyword.Text}' names no term of the workspace");
    }
}
