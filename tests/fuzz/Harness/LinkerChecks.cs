using System.Collections.Immutable;
using System.Text.RegularExpressions;
using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Linking;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Rules;
using GlossaryLsp.Core.Text;
using GlossaryLsp.Core.Workspace;

namespace GlossaryLsp.Fuzz;

/// <summary>
/// The term linker (<c>glossary link</c>, SPEC §4) on every document: its edits are inside the text and
/// apply; each inserts only link markup around the author's own text (or a heading id in place of
/// trailing white space), so the output minus the inserted markup is the input; after <c>--write</c>
/// every inserted link parses as one link to the term it was made for, a second run changes nothing,
/// and no document has more errors of any rule than before.
/// </summary>
public static partial class LinkerChecks
{
    public static void Check(GlossaryIndex index, IReadOnlyDictionary<string, ImmutableArray<Diagnostic>> before)
    {
        foreach (var mode in (LinkerMode[])[LinkerMode.All, LinkerMode.First])
            if (mode != index.Config.LinkerMode)
                foreach (var doc in index.Documents.Values) Edits(index, doc, mode);

        // --write with the config's mode: every document rewritten, the workspace read again.
        var written = new List<ParsedDocument>();
        var inserted = new Dictionary<string, List<(TextSpan Span, TermDefinition Term)>>(StringComparer.Ordinal);
        foreach (var doc in index.Documents.Values)
        {
            var edits = Edits(index, doc, index.Config.LinkerMode);
            if (edits.IsEmpty || doc.LoadProblem is not null) { written.Add(doc); continue; }
            var text = TextEdit.Apply(doc.Text, edits);
            written.Add(WorkspaceLoader.ParseText(doc.Path, text, index.Config));
            inserted[doc.Path] = InsertedLinks(index, doc, edits);
        }
        var after = GlossaryIndex.Create(index.Config, written, index.OtherFiles);
        foreach (var (path, links) in inserted)
        {
            var doc = after.GetDocument(path)!;
            if (doc.LoadProblem is { } problem) throw new InvariantViolation($"link --write made {path} unreadable: {problem.Message}");
            CheckInsertedLinks(after, doc, links);
        }
        foreach (var doc in after.Documents.Values)
        {
            var again = TermLinker.LinkAll(after, doc, after.Config.LinkerMode);
            if (!again.IsEmpty)
                throw new InvariantViolation($"link --write is not idempotent: a second run edits {doc.Path} at {again[0].Span} with '{again[0].NewText}'");
            var errorsBefore = Errors(before.GetValueOrDefault(doc.Path, []));
            foreach (var (id, count) in Errors(DocumentAnalyzer.Analyze(after, doc)))
                if (count > errorsBefore.GetValueOrDefault(id))
                    throw new InvariantViolation($"link --write made {doc.Path} worse: {count} {id} errors, {errorsBefore.GetValueOrDefault(id)} before");
        }
    }

    /// <summary>The text an inserted piece of markup wraps (link text unescaped), "" for a heading id; null when it is not link markup.</summary>
    public static string? Strip(string newText)
    {
        if (HtmlLink().Match(newText) is { Success: true } h) return h.Groups["text"].Value;
        if (MarkdownLink().Match(newText) is { Success: true } m) return m.Groups["text"].Value.Replace("\\[", "[").Replace("\\]", "]");
        return HeadingId().IsMatch(newText) ? "" : null;
    }

    private static ImmutableArray<TextEdit> Edits(GlossaryIndex index, ParsedDocument doc, LinkerMode mode)
    {
        var edits = TermLinker.LinkAll(index, doc, mode);
        var what = $"link ({mode}) of {doc.Path}";
        var output = SpanChecks.Apply(doc, edits, what);
        var stripped = TextEdit.Apply(doc.Text, edits.Select(e => e with { NewText = Original(doc, e, what) }));
        if (stripped != doc.Text) throw new InvariantViolation($"{what}: the output minus the inserted markup is not the input");
        if (!edits.IsEmpty && output == doc.Text) throw new InvariantViolation($"{what}: edits that change nothing");
        return edits;
    }

    /// <summary>What an edit's markup wraps, checked to be the text it replaces (white space only for a heading id).</summary>
    private static string Original(ParsedDocument doc, TextEdit edit, string what)
    {
        var replaced = doc.GetText(edit.Span);
        var inner = Strip(edit.NewText) ?? throw new InvariantViolation($"{what}: inserted '{edit.NewText}' at {edit.Span}, which is not link markup");
        if (inner.Length == 0 && replaced.Trim().Length == 0) return replaced;
        if (inner != replaced) throw new InvariantViolation($"{what}: '{edit.NewText}' at {edit.Span} does not wrap the text it replaces, '{replaced}'");
        return inner;
    }

    /// <summary>Where each inserted link (not heading id) lands in the output, with the term it was made for.</summary>
    private static List<(TextSpan Span, TermDefinition Term)> InsertedLinks(GlossaryIndex index, ParsedDocument doc, ImmutableArray<TextEdit> edits)
    {
        var terms = MentionScanner.FindMentions(index, doc).ToDictionary(m => m.Span, m => m.Term);
        var result = new List<(TextSpan, TermDefinition)>();
        int shift = 0;
        foreach (var e in edits.OrderBy(e => e.Span.Start))
        {
            if (Strip(e.NewText) is { Length: > 0 } && terms.TryGetValue(e.Span, out var term))
                result.Add((new TextSpan(e.Span.Start + shift, e.NewText.Length), term));
            shift += e.NewText.Length - e.Span.Length;
        }
        return result;
    }

    private static void CheckInsertedLinks(GlossaryIndex after, ParsedDocument doc, List<(TextSpan Span, TermDefinition Term)> links)
    {
        var bySpan = doc.Links.GroupBy(l => l.Span).ToDictionary(g => g.Key, g => g.First());
        foreach (var (span, term) in links)
        {
            var what = $"link --write of {doc.Path}: the link at {span}";
            if (!bySpan.TryGetValue(span, out var link)) throw new InvariantViolation($"{what} does not parse as one link");
            var resolved = after.ResolveLink(doc, link);
            if (resolved.Term is not { } t || t.DocumentPath != term.DocumentPath || t.Headword != term.Headword)
            {
                var got = $"{resolved.Status} {resolved.Term?.DocumentPath}#{resolved.Term?.Headword}";
                throw new InvariantViolation($"{what} resolves to {got}, not {term.DocumentPath}#{term.Headword}");
            }
        }
    }

    private static Dictionary<string, int> Errors(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    [GeneratedRegex("""^<a href="(?<url>[^"<>]*)">(?<text>.*)</a>$""", RegexOptions.Singleline)]
    private static partial Regex HtmlLink();

    [GeneratedRegex("""^\[(?<text>.*)\]\((?<url><[^<>\r\n]*>|[^\s()<>]*)\)$""", RegexOptions.Singleline)]
    private static partial Regex MarkdownLink();

    [GeneratedRegex("""^<a id="[^"<>]*"></a>$""")]
    private static partial Regex HeadingId();
}
