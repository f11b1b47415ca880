using System.Collections.Immutable;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Linking;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Rules;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Features;

public enum CodeActionCategory
{
    /// <summary>A fix of a diagnostic, or linking the mention under the cursor.</summary>
    QuickFix,
    /// <summary>A whole-document action ("Link all terms in this document").</summary>
    Source,
}

/// <summary>A code action as a value: its edits, and the diagnostic it fixes, if any.</summary>
public sealed record CodeActionProposal(string Title, CodeActionCategory Category, ImmutableArray<DocumentEdit> Edits, bool IsPreferred, Diagnostic? Diagnostic = null);

/// <summary>
/// Code actions for a range: every fix of the diagnostics that overlap it (computed by the rules, not
/// here), "Link this mention" for unlinked mentions in the range, "Add '語' to a glossary" for a
/// selection or broken link that names no term (<see cref="TermCreation"/>), and "Link all terms in this
/// document" with the configured linker mode when it would change anything.
/// </summary>
public static class CodeActionService
{
    public const string LinkAllTitle = "Link all terms in this document";

    /// <param name="diagnostics">The document's diagnostics when the caller has them cached; else they are computed.</param>
    /// <param name="includeSource">Whether to compute the whole-document action (a full mention scan): editors ask for
    /// code actions on every cursor move, but show source actions only when asked.</param>
    public static ImmutableArray<CodeActionProposal> GetActions(GlossaryIndex index, ParsedDocument document, TextSpan range,
        IReadOnlyList<Diagnostic>? diagnostics = null, bool includeSource = true)
    {
        if (document.LoadProblem is not null) return [];
        var result = ImmutableArray.CreateBuilder<CodeActionProposal>();
        var fixedSpans = new HashSet<TextSpan>();
        diagnostics ??= DocumentAnalyzer.Analyze(index, document);
        foreach (var d in diagnostics)
        {
            if (!Touches(d.Span, range)) continue;
            foreach (var fix in d.Fixes)
            {
                result.Add(new CodeActionProposal(fix.Title, CodeActionCategory.QuickFix, fix.EditsIn(index), fix.IsPreferred, d));
                if (d.Id == "GL0009") fixedSpans.Add(d.Span);
            }
        }

        // Mentions are found on whole lines (so a selection inside a word still finds it), then kept when they meet the range.
        var lines = document.Lines.WholeLines(range);
        foreach (var mention in MentionScanner.FindMentionsIn(index, document, lines))
        {
            if (!Touches(mention.Span, range)) continue;
            if (fixedSpans.Contains(mention.Span)) continue; // GL0009's own fix already offers it
            if (TermLinker.LinkMention(index, document, mention) is not { } edit) continue;
            var where = mention.Term.DocumentPath == document.Path ? "this document" : mention.Term.DocumentPath;
            result.Add(new CodeActionProposal($"Link “{mention.Text}” to {mention.Term.Headword} ({where})", CodeActionCategory.QuickFix,
                [new DocumentEdit(document.Path, [edit])], IsPreferred: false));
        }

        result.AddRange(TermCreation.Propose(index, document, range, diagnostics));

        if (!includeSource) return result.ToImmutable();
        var all = TermLinker.LinkAll(index, document, index.Config.LinkerMode);
        if (!all.IsEmpty)
            result.Add(new CodeActionProposal(LinkAllTitle, CodeActionCategory.Source, [new DocumentEdit(document.Path, all)], IsPreferred: false));
        return result.ToImmutable();
    }

    /// <summary>Overlap, where an empty range (a cursor) touching a span's edge counts.</summary>
    private static bool Touches(TextSpan span, TextSpan range) =>
        span.Overlaps(range) || range.IsEmpty && span.ContainsOrTouches(range.Start) || span.IsEmpty && range.ContainsOrTouches(span.Start);
}
