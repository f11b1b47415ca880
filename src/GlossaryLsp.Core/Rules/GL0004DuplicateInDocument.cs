using System.Text;
using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Rules;

/// <summary>
/// GL0004: one entry word defined by two headings of the same term-list glossary, so links, hover and
/// completion cannot tell the definitions apart. Reported on the later occurrence, with the first as
/// related information; no fix, because which definition to keep is an editorial choice.
/// Words that are identical after NFKC are an error; words that differ only in what <see cref="TermKey"/>
/// folds (case, '-'/'_'/space, hiragana/katakana) are reported at most as a warning: their anchors
/// differ, so existing links still reach one definition each (the public corpus has such a pair).
/// </summary>
public sealed class GL0004DuplicateInDocument : Rule
{
    public override RuleDescriptor Descriptor => RuleCatalog.GL0004;

    public override void Analyze(RuleContext context)
    {
        var doc = context.Document;
        if (doc.Kind != DocumentKind.TermList) return;
        var first = new Dictionary<string, (TermDefinition Term, string Word, TextSpan Span)>(StringComparer.Ordinal);
        // The index's keys of this document: each entry word normalised once per parse, not per rule run.
        var (keys, starts) = context.Index.EntryWordKeys(doc);
        for (int t = 0; t < doc.Terms.Length; t++)
        {
            var term = doc.Terms[t];
            for (int i = 0; i < starts[t + 1] - starts[t]; i++)
            {
                var key = keys[starts[t] + i];
                if (key.Length == 0) continue;
                var word = i == 0 ? term.Headword : term.Aliases[i - 1];
                var span = i < term.EntryWordSpans.Length ? term.EntryWordSpans[i] : term.NameSpan;
                if (!first.TryGetValue(key, out var earlier))
                {
                    first[key] = (term, word, span);
                    continue;
                }
                var where = ReferenceEquals(earlier.Term, term)
                    ? "earlier in the same heading"
                    : $"by the heading '{earlier.Term.Heading?.Text ?? earlier.Term.Headword}' on line {doc.Lines.GetLine(earlier.Span.Start) + 1}";
                var related = new[] { new RelatedLocation(doc.Path, earlier.Span, $"'{earlier.Word}' is first defined here") };
                bool identical = TermKey.Nfkc(word) == TermKey.Nfkc(earlier.Word);
                if (identical)
                    context.Report(span, $"Entry word '{word}' is already defined {where}", related);
                else
                    context.Report(context.Severity < DiagnosticSeverity.Warning ? context.Severity : DiagnosticSeverity.Warning, span,
                        $"Entry word '{word}' is the same entry word as '{earlier.Word}' (they differ only in case, '-', '_', spaces or kana), already defined {where}", related);
            }
        }
    }
}
