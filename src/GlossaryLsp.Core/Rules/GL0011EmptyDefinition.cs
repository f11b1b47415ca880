using System.Text.RegularExpressions;
using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Parsing;

namespace GlossaryLsp.Core.Rules;

/// <summary>
/// GL0011: a term whose definition holds nothing but white space (or HTML comments, which readers do
/// not see). Hover shows the definition, so an empty one leaves the reader with nothing.
/// </summary>
public sealed partial class GL0011EmptyDefinition : Rule
{
    public override RuleDescriptor Descriptor => RuleCatalog.GL0011;

    public override void Analyze(RuleContext context)
    {
        var doc = context.Document;
        foreach (var term in doc.Terms)
        {
            var span = term.DefinitionSpan;
            if (span.End > doc.Text.Length || HasVisibleText(doc.Text.AsSpan(span.Start, span.Length))) continue;
            var where = doc.Kind == DocumentKind.GlossaryPage ? "the page body has no first paragraph or section" : "nothing before the next heading";
            context.Report(term.NameSpan, $"Term '{term.Headword}' has an empty definition ({where})");
        }
    }

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex CommentRegex();

    /// <summary>Text other than white space and HTML comments; decided without allocating in the usual case.</summary>
    private static bool HasVisibleText(ReadOnlySpan<char> body)
    {
        int first = 0;
        while (first < body.Length && char.IsWhiteSpace(body[first])) first++;
        if (first == body.Length) return false;
        if (!body[first..].StartsWith("<!--")) return true;
        return !string.IsNullOrWhiteSpace(CommentRegex().Replace(body.ToString(), ""));
    }
}
