using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Linking;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Rules;

/// <summary>
/// GL0013 (SPEC §8): prose that writes a notation variant of an entry word (found by the mention scan,
/// <see cref="MentionScanner.FindVariants"/>), a form <c>variants:</c> declares non-preferred, or a form a
/// prh dictionary would rewrite; and two terms whose entry words are variants of each other, on the
/// later definition (<see cref="GL0013NearDuplicates"/>). The fix writes the preferred form (safe for
/// <c>lint --fix</c>); for a glossary term the editor also gets "write it and link it".
/// </summary>
public sealed class GL0013NotationVariant : Rule
{
    public override RuleDescriptor Descriptor => RuleCatalog.GL0013;

    public override void Analyze(RuleContext context)
    {
        var found = MentionScanner.FindVariants(context.Index, context.Document);
        Report(context, found, null);
    }

    /// <summary>
    /// The findings <see cref="Analyze"/> makes on <paramref name="lines"/> (whole lines, in order) and every
    /// near-duplicate definition: what changes in a document whose other lines cannot hold a changed word.
    /// </summary>
    /// <param name="spans">The document's <see cref="MentionScanner.VariantSpans"/>.</param>
    internal static void AnalyzeLines(RuleContext context, IReadOnlyList<TextSpan> spans, IReadOnlyList<TextSpan> lines)
    {
        Report(context, MentionScanner.FindVariantsIn(context.Index, context.Document, spans, lines), lines);
    }

    /// <summary>Where the configuration declares a form non-preferred: its file name and line (<c>glossary.yml:3</c>).</summary>
    internal static string DeclaredIn(GlossaryIndex index, DeclaredVariant declared) =>
        $"{Path.GetFileName(index.Config.SourcePath ?? GlossaryConfigLoader.FileName)}:{declared.Line}";

    /// <summary>prh's findings, only those inside the spans variants are looked for, without the one deliberate difference.</summary>
    internal static IEnumerable<PrhDiff> PrhFindings(PrhDictionary prh, ParsedDocument doc)
    {
        var spans = MentionScanner.VariantSpans(doc);
        int k = 0;
        foreach (var d in prh.FindAll(doc.Text))
        {
            while (k < spans.Count && spans[k].End <= d.Index) k++;
            if (k == spans.Count || !spans[k].Contains(TextSpan.FromBounds(d.Index, d.End))) continue;
            if (CutsBeforeProlongedSoundMark(doc.Text, d)) continue;
            yield return d;
        }
    }

    /// <param name="lines">Where prh's findings are reported: null for everywhere.</param>
    private static void Report(RuleContext context, IReadOnlyList<VariantMention> found, IReadOnlyList<TextSpan>? lines)
    {
        foreach (var v in found) ReportVariant(context, v);
        if (context.Index.Config.Prh is { } prh) ReportPrh(context, prh, found, lines);
        GL0013NearDuplicates.Report(context);
    }

    /// <summary>
    /// prh's classic boundary bug: a match ending in a katakana letter right before ー (サーバ in サーバー,
    /// rewritten to サーバーー) cuts a word; such a match is not reported.
    /// </summary>
    private static bool CutsBeforeProlongedSoundMark(string text, PrhDiff d)
    {
        char last = d.Matched[^1];
        return d.End < text.Length && text[d.End] is VariantFold.ProlongedSoundMark or '\uFF70'
            && last != VariantFold.ProlongedSoundMark && VariantFold.Classify(last) == VariantFold.Script.Katakana;
    }

    /// <summary>Where a term names the preferred form: that entry word's span, else the term's name.</summary>
    private static TextSpan SpanOf(TermDefinition term, string word)
    {
        int i = term.EntryWords.ToList().IndexOf(word);
        return i >= 0 && i < term.EntryWordSpans.Length ? term.EntryWordSpans[i] : term.NameSpan;
    }

    private static void ReportVariant(RuleContext context, VariantMention v)
    {
        var doc = context.Document;
        var related = new List<RelatedLocation>();
        string message;
        if (v.Declared is { } declared)
        {
            message = $"'{v.Text}' is declared a non-preferred form of '{v.Preferred}' in {DeclaredIn(context.Index, declared)}; write '{v.Preferred}'";
        }
        else
        {
            message = $"'{v.Text}' is a notation variant of '{v.Preferred}', defined in {v.Term!.DocumentPath}; write '{v.Preferred}'";
        }
        if (v.Term is { } term) related.Add(new RelatedLocation(term.DocumentPath, SpanOf(term, v.Preferred), $"'{v.Preferred}' is defined here"));
        var fixes = new List<CodeFix> { CodeFix.Single($"Write '{v.Preferred}'", doc.Path, v.Span, v.Preferred, isSafe: true) };
        if (v.Term is { } t && !doc.Links.Any(l => l.Span.Overlaps(v.Span)) && !(t.DocumentPath == doc.Path && t.Anchor is null))
        {
            var link = LinkTargets.NewLink(context.Index, doc, t, v.Preferred);
            var where = t.DocumentPath == doc.Path ? "this document" : t.DocumentPath;
            fixes.Add(CodeFix.Single($"Write '{v.Preferred}' and link it to its definition in {where}", doc.Path, v.Span, link) with { IsPreferred = false });
        }
        context.Report(v.Span, message, related, fixes);
    }

    private static void ReportPrh(RuleContext context, PrhDictionary prh, IReadOnlyList<VariantMention> found, IReadOnlyList<TextSpan>? lines)
    {
        var doc = context.Document;
        foreach (var d in PrhFindings(prh, doc))
        {
            var span = TextSpan.FromBounds(d.Index, d.End);
            if (lines is not null && !lines.Any(l => l.Contains(span))) continue;
            if (found.Any(v => v.Span == span && v.Preferred == d.Replacement)) continue; // the same finding already made
            var note = d.Rule.Note is { Length: > 0 } n ? $" ({n})" : "";
            context.Report(span,
                $"'{d.Matched}' is a non-preferred form of '{d.Replacement}' in the prh dictionary {d.Rule.File}:{d.Rule.Line}{note}; write '{d.Replacement}'",
                fixes: [CodeFix.Single($"Write '{d.Replacement}'", doc.Path, span, d.Replacement, isSafe: true)]);
        }
    }
}
