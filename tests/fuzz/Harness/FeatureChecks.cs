using GlossaryLsp.Core.Features;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Linking;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Rules;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Fuzz;

/// <summary>
/// The editor features at a few positions of a document (its edges, middle, links, term names and
/// mentions): none throws, and every position they return is a valid span of the document it names.
/// </summary>
public static class FeatureChecks
{
    /// <summary>Positions per document: enough to reach links, headings and mentions, few enough to keep an execution short.</summary>
    private const int MaxOffsets = 16;

    public static void Check(GlossaryIndex index, ParsedDocument doc, IReadOnlyList<Diagnostic> diagnostics)
    {
        if (doc.LoadProblem is not null) return;
        foreach (var offset in Offsets(index, doc))
        {
            var at = $"{doc.Path}@{offset}";
            foreach (var markdown in (bool[])[true, false])
                if (HoverService.GetHover(index, doc, offset, markdown) is { } hover)
                {
                    SpanChecks.Check(doc.Text, hover.Span, $"hover at {at}");
                    if (string.IsNullOrEmpty(hover.Contents)) throw new InvariantViolation($"hover at {at} is empty");
                }
            foreach (var loc in NavigationService.GetDefinition(index, doc, offset)) SpanChecks.Check(index, loc.Path, loc.Span, $"definition at {at}");
            foreach (var loc in NavigationService.GetReferences(index, doc, offset, includeDeclaration: true)) SpanChecks.Check(index, loc.Path, loc.Span, $"reference at {at}");
            foreach (var item in CompletionService.Complete(index, doc, offset).Items)
            {
                SpanChecks.Apply(doc, [item.Edit], $"completion '{item.Label}' at {at}");
                if (item.TermPath is { } tp && item.TermHeadword is { } hw) _ = CompletionService.Describe(index, tp, hw);
            }
            foreach (var action in CodeActionService.GetActions(index, doc, new TextSpan(offset, 0), diagnostics, includeSource: offset == 0))
                foreach (var edit in action.Edits) SpanChecks.Apply(index, edit, $"code action '{action.Title}' at {at}");
            CheckRename(index, doc, offset, at);
        }
        CheckOutline(doc, DocumentSymbolService.GetOutline(doc));
        foreach (var fold in FoldingService.GetFolds(doc))
            if (fold.StartLine < 0 || fold.StartLine > fold.EndLine || fold.EndLine >= doc.Lines.LineCount)
                throw new InvariantViolation($"fold {fold} of {doc.Path} is outside its {doc.Lines.LineCount} lines");
        foreach (var link in DocumentLinkService.GetLinks(index, doc))
        {
            SpanChecks.Check(doc.Text, link.Span, $"document link in {doc.Path}");
            if (link.TargetSpan is { } ts) SpanChecks.Check(index, link.TargetPath, ts, $"document link target from {doc.Path}");
        }
    }

    /// <summary>Workspace symbols for every query a user could start with (empty, the first letter of a headword).</summary>
    public static void CheckSymbols(GlossaryIndex index)
    {
        var queries = new List<string> { "" };
        if (index.AllTerms.FirstOrDefault() is { Headword.Length: > 0 } t) queries.Add(t.Headword[..(char.IsHighSurrogate(t.Headword[0]) && t.Headword.Length > 1 ? 2 : 1)]);
        foreach (var q in queries)
            foreach (var s in WorkspaceSymbolService.Search(index, q)) SpanChecks.Check(index, s.Path, s.NameSpan, $"workspace symbol '{s.Name}'");
    }

    private static void CheckRename(GlossaryIndex index, ParsedDocument doc, int offset, string at)
    {
        if (TermRenamer.Prepare(index, doc.Path, offset) is not { } prepared) return;
        SpanChecks.Check(doc.Text, prepared.Span, $"prepareRename at {at}");
        var result = TermRenamer.Rename(index, prepared.Term, prepared.EntryWord, prepared.EntryWord + "X");
        foreach (var edit in result.Edits) SpanChecks.Apply(index, edit, $"rename at {at}");
    }

    private static void CheckOutline(ParsedDocument doc, IEnumerable<OutlineNode> nodes)
    {
        foreach (var n in nodes)
        {
            SpanChecks.Check(doc.Text, n.Range, $"outline '{n.Name}' of {doc.Path}");
            SpanChecks.Check(doc.Text, n.NameSpan, $"outline name '{n.Name}' of {doc.Path}");
            if (!n.Range.Contains(n.NameSpan)) throw new InvariantViolation($"outline '{n.Name}' of {doc.Path}: name {n.NameSpan} outside its range {n.Range}");
            CheckOutline(doc, n.Children);
        }
    }

    private static IEnumerable<int> Offsets(GlossaryIndex index, ParsedDocument doc)
    {
        int length = doc.Text.Length;
        var offsets = new SortedSet<int> { 0, length, length / 2, length / 3 };
        foreach (var l in doc.Links.Take(3)) offsets.UnionWith([l.Span.Start, l.TextSpan.Start + 1, l.TargetSpan.End]);
        foreach (var t in doc.Terms.Take(3)) offsets.UnionWith([t.NameSpan.Start + 1, t.NameSpan.End]);
        foreach (var m in MentionScanner.FindMentions(index, doc).Take(3)) offsets.UnionWith([m.Span.Start, m.Span.End]);
        // As the server asks: a position inside a surrogate pair is rounded down to the pair's start (ProtocolConversions).
        var text = doc.Text;
        return offsets.Where(o => o >= 0 && o <= length)
            .Select(o => o > 0 && o < length && char.IsLowSurrogate(text[o]) && char.IsHighSurrogate(text[o - 1]) ? o - 1 : o)
            .Distinct()
            .Take(MaxOffsets);
    }
}
