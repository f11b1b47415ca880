// What the model-based tests compare between an incrementally maintained state and a fresh one: the
// documents, the derived tables, every diagnostic (id, range, message, related locations, fixes), and
// hover and definition at the interesting places of each document. Differences are reported as text.
using System.Text;
using GlossaryLsp.Core.Features;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Rules;

namespace GlossaryLsp.Tests.TestSupport;

public static class ModelComparison
{
    /// <summary>Diagnostics as comparable text, in order.</summary>
    public static List<string> Canonical(IEnumerable<Diagnostic> diagnostics) =>
        [.. diagnostics.Select(d =>
            $"{d.Path} {d.Span} {d.Id} {d.Severity} {d.Message}" +
            string.Concat(d.Related.Select(r => $"\n  related {r.Path} {r.Span} {r.Message}")) +
            string.Concat(d.Fixes.Select(f => $"\n  fix {f.Title}" + string.Concat(f.Edits.SelectMany(e => e.Edits.Select(x => $" {e.Path}{x.Span}={x.NewText}"))))))];

    /// <summary>Every difference between the incremental index and diagnostics and a fresh load's (empty when they agree).</summary>
    public static List<string> Differences(GlossaryIndex index, WorkspaceDiagnostics diagnostics, GlossaryIndex fresh, int step)
    {
        var problems = new List<string>();
        var paths = index.Documents.Keys.ToList();
        if (!paths.SequenceEqual(fresh.Documents.Keys))
            problems.Add($"documents: [{string.Join(", ", paths)}] but a fresh load has [{string.Join(", ", fresh.Documents.Keys)}]");
        foreach (var (path, doc) in index.Documents)
            if (fresh.GetDocument(path) is { } f && (f.Text != doc.Text || f.Kind != doc.Kind || (f.LoadProblem is null) != (doc.LoadProblem is null)))
                problems.Add($"{path}: text or kind differs from the file ({doc.Kind} vs {f.Kind})");
        if (!index.OtherFiles.SetEquals(fresh.OtherFiles))
            problems.Add($"other files: [{string.Join(", ", index.OtherFiles.Order())}] vs [{string.Join(", ", fresh.OtherFiles.Order())}]");
        if (problems.Count > 0) return problems;

        if (index.TermCount != fresh.TermCount) problems.Add($"term count {index.TermCount} vs {fresh.TermCount}");
        if (!Equals(index.InferredMapping, fresh.InferredMapping)) problems.Add($"inferred mapping {index.InferredMapping} vs {fresh.InferredMapping}");
        var keys = index.EntryWordTable.Keys.Order(StringComparer.Ordinal).ToList();
        var freshKeys = fresh.EntryWordTable.Keys.Order(StringComparer.Ordinal).ToList();
        if (!keys.SequenceEqual(freshKeys)) problems.Add($"entry words [{string.Join(", ", keys)}] vs [{string.Join(", ", freshKeys)}]");
        else
            foreach (var key in keys)
                if (!index.EntryWordTable[key].SequenceEqual(fresh.EntryWordTable[key])) problems.Add($"definitions of '{key}' differ");

        var expected = Canonical(DocumentAnalyzer.AnalyzeAll(fresh).SelectMany(r => r.Diagnostics));
        var actual = Canonical(diagnostics.All.SelectMany(r => r.Diagnostics));
        foreach (var missing in expected.Except(actual)) problems.Add("missing diagnostic: " + missing);
        foreach (var extra in actual.Except(expected)) problems.Add("extra diagnostic: " + extra);
        if (problems.Count == 0 && !actual.SequenceEqual(expected)) problems.Add("diagnostics in another order");

        foreach (var (path, doc) in index.Documents)
        {
            var other = fresh.Documents[path];
            foreach (var offset in SamplePositions(doc, step))
            {
                var a = Hover(index, doc, offset);
                var b = Hover(fresh, other, offset);
                if (a != b) problems.Add($"hover {path}@{offset}: {a} vs fresh {b}");
                var da = string.Join("; ", NavigationService.GetDefinition(index, doc, offset).Select(l => $"{l.Path}{l.Span}"));
                var db = string.Join("; ", NavigationService.GetDefinition(fresh, other, offset).Select(l => $"{l.Path}{l.Span}"));
                if (da != db) problems.Add($"definition {path}@{offset}: [{da}] vs fresh [{db}]");
            }
        }
        return problems;
    }

    /// <summary>
    /// The offsets hover and definition are asked at after a step: some of the places in links, term
    /// headings, headings and mentions of a vocabulary word (a different few at each step).
    /// </summary>
    public static IEnumerable<int> SamplePositions(ParsedDocument doc, int step)
    {
        const int perStep = 6;
        var all = InterestingPositions(doc).ToList();
        if (all.Count <= perStep) return all;
        int stride = all.Count / perStep;
        return Enumerable.Range(0, perStep).Select(i => all[(i * stride + step) % all.Count]);
    }

    /// <summary>The places in links, term headings, headings and mentions of a vocabulary word.</summary>
    public static IEnumerable<int> InterestingPositions(ParsedDocument doc)
    {
        if (doc.LoadProblem is not null) return [];
        var offsets = new SortedSet<int>();
        foreach (var link in doc.Links)
        {
            offsets.Add(link.TextSpan.Start);
            offsets.Add(link.TargetSpan.Start + link.TargetSpan.Length / 2);
        }
        foreach (var term in doc.Terms)
            foreach (var span in term.EntryWordSpans) offsets.Add(span.Start);
        foreach (var heading in doc.Headings) offsets.Add(heading.TextSpan.Start);
        foreach (var term in ModelWorkspace.Vocabulary)
            foreach (var word in new[] { term.Headword, term.Alias, term.Reading })
                for (int at = word is null ? -1 : doc.Text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = doc.Text.IndexOf(word!, at + 1, StringComparison.Ordinal))
                    offsets.Add(at + 1);
        return offsets.Where(o => o <= doc.Text.Length);
    }

    /// <summary>A failure message: what ran, then what differs.</summary>
    public static string Describe(IReadOnlyList<string> steps, IReadOnlyList<string> problems)
    {
        var sb = new StringBuilder("the incremental state differs from a fresh analysis after:\n");
        foreach (var s in steps) sb.Append("  ").Append(s).Append('\n');
        foreach (var p in problems.Take(20)) sb.Append("* ").Append(p).Append('\n');
        return sb.ToString();
    }

    private static string Hover(GlossaryIndex index, ParsedDocument doc, int offset) =>
        HoverService.GetHover(index, doc, offset, markdown: true, p => "file:///ws/" + p) is { } h ? $"{h.Span}:{h.Contents}" : "none";
}
