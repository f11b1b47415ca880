using System.Collections.Immutable;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Fuzz;

/// <summary>An invariant of the product that a (fuzz) input broke: the message says which, where.</summary>
public sealed class InvariantViolation(string message) : Exception(message);

/// <summary>
/// Checks of positions a feature returns: inside the document's text, start ≤ end, and on UTF-16
/// boundaries (never between the two halves of a surrogate pair, so every client encoding can express it).
/// </summary>
public static class SpanChecks
{
    public static void Check(string text, TextSpan span, string what)
    {
        if (span.Start < 0 || span.Length < 0 || span.End > text.Length)
            throw new InvariantViolation($"{what}: {span} is not inside the text ({text.Length} UTF-16 units)");
        if (SplitsPair(text, span.Start) || SplitsPair(text, span.End))
            throw new InvariantViolation($"{what}: {span} splits a surrogate pair");
    }

    /// <summary>A span in the document at <paramref name="path"/>; a path that is no document of the index is a violation.</summary>
    public static void Check(GlossaryIndex index, string path, TextSpan span, string what)
    {
        if (index.GetDocument(path) is not { } doc) throw new InvariantViolation($"{what}: {path} is not a document of the workspace");
        Check(doc.Text, span, $"{what} in {path}");
    }

    /// <summary>Edits that are each inside the document and on boundaries, do not overlap, and apply.</summary>
    public static string Apply(GlossaryIndex index, DocumentEdit edit, string what)
    {
        if (index.GetDocument(edit.Path) is not { LoadProblem: null } doc) throw new InvariantViolation($"{what}: edits {edit.Path}, which is not an analysed document");
        return Apply(doc, edit.Edits, what);
    }

    public static string Apply(ParsedDocument doc, IEnumerable<TextEdit> edits, string what)
    {
        var sorted = edits.OrderBy(e => e.Span.Start).ThenBy(e => e.Span.End).ToList();
        for (int i = 0; i < sorted.Count; i++)
        {
            Check(doc.Text, sorted[i].Span, $"{what}: edit {i}");
            if (i > 0 && sorted[i].Span.Start < sorted[i - 1].Span.End)
                throw new InvariantViolation($"{what}: edits {sorted[i - 1].Span} and {sorted[i].Span} overlap in {doc.Path}");
        }
        return TextEdit.Apply(doc.Text, sorted);
    }

    /// <summary>Everything a parse locates: headings, terms, links, article URLs, front matter, protected spans.</summary>
    public static void CheckStructure(ParsedDocument doc)
    {
        var text = doc.Text;
        var what = $"parse of {doc.Path}";
        foreach (var h in doc.Headings)
        {
            Check(text, h.Span, $"{what}: heading span");
            Check(text, h.TextSpan, $"{what}: heading text");
            if (h.ExplicitIdSpan is { } id) Check(text, id, $"{what}: heading id");
            if (h.ExplicitIdElementSpan is { } el) Check(text, el, $"{what}: heading id element");
        }
        foreach (var t in doc.Terms)
        {
            Check(text, t.NameSpan, $"{what}: term name");
            Check(text, t.DefinitionSpan, $"{what}: definition");
            foreach (var w in t.EntryWordSpans) Check(text, w, $"{what}: entry word");
            if (t.DocumentPath != doc.Path) throw new InvariantViolation($"{what}: term '{t.Headword}' says it is in {t.DocumentPath}");
        }
        foreach (var l in doc.Links)
        {
            Check(text, l.Span, $"{what}: link");
            Check(text, l.TextSpan, $"{what}: link text");
            Check(text, l.TargetSpan, $"{what}: link target");
            _ = l.Text;
            _ = l.Target;
        }
        foreach (var a in doc.ArticleUrls)
        {
            Check(text, a.Span, $"{what}: article URL comment");
            Check(text, a.UrlSpan, $"{what}: article URL");
        }
        if (doc.FrontMatter is { } fm)
        {
            Check(text, fm.Span, $"{what}: front matter");
            Check(text, fm.ErrorSpan, $"{what}: front matter error");
            foreach (var v in fm.Values.Values)
            {
                Check(text, v.KeySpan, $"{what}: front matter key");
                Check(text, v.ValueSpan, $"{what}: front matter value");
            }
        }
        CheckSorted(text, doc.ProtectedSpans, $"{what}: protected spans");
    }

    private static void CheckSorted(string text, ImmutableArray<TextSpan> spans, string what)
    {
        for (int i = 0; i < spans.Length; i++)
        {
            Check(text, spans[i], what);
            if (i > 0 && spans[i].Start < spans[i - 1].End) throw new InvariantViolation($"{what}: {spans[i]} after {spans[i - 1]} is out of order or overlaps");
        }
    }

    private static bool SplitsPair(string text, int offset) =>
        offset > 0 && offset < text.Length && char.IsHighSurrogate(text[offset - 1]) && char.IsLowSurrogate(text[offset]);
}
