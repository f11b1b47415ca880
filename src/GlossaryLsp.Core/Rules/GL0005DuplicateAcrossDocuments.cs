using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Rules;

/// <summary>
/// GL0005: an entry word that other documents define too. Links still resolve (nearest definition
/// wins), but readers may land on different definitions, so it is a warning on each entry word, with
/// every other definition as related information.
/// </summary>
public sealed class GL0005DuplicateAcrossDocuments : Rule
{
    public override RuleDescriptor Descriptor => RuleCatalog.GL0005;

    public override void Analyze(RuleContext context)
    {
        var doc = context.Document;
        var index = context.Index;
        var table = index.EntryWordTable;
        HashSet<string>? reported = null;
        // The index's keys of this document: each entry word normalised once per parse, not per rule run.
        var (keys, starts) = index.EntryWordKeys(doc);
        for (int t = 0; t < doc.Terms.Length; t++)
        {
            var term = doc.Terms[t];
            for (int i = 0; i < starts[t + 1] - starts[t]; i++)
            {
                var key = keys[starts[t] + i];
                if (key.Length == 0 || !table.TryGetValue(key, out var refs) || !DefinedElsewhere(refs, doc.Path) || !(reported ??= new(StringComparer.Ordinal)).Add(key)) continue;
                var others = new List<(ParsedDocument Document, int Index)>();
                foreach (var r in refs)
                    if (!r.IsReading && r.Path != doc.Path) others.Add((index.Documents[r.Path], r.Index));
                if (others.Count == 0) continue;
                var word = i == 0 ? term.Headword : term.Aliases[i - 1];
                var span = i < term.EntryWordSpans.Length ? term.EntryWordSpans[i] : term.NameSpan;
                var paths = new List<string>();
                foreach (var (other, at) in others)
                    if (!paths.Contains(other.Terms[at].DocumentPath)) paths.Add(other.Terms[at].DocumentPath);
                var related = new RelatedLocation[others.Count];
                for (int o = 0; o < others.Count; o++)
                {
                    var definition = others[o].Document.Terms[others[o].Index];
                    related[o] = new RelatedLocation(
                        definition.DocumentPath, SpanOf(index, others[o].Document, others[o].Index, word, key),
                        $"'{word}' is also defined here ({definition.Headword})");
                }
                context.Report(span, $"Entry word '{word}' is also defined in {JoinPaths(paths)}", related);
            }
        }
    }

    /// <summary>The common case — the word is defined only here — decided without allocating.</summary>
    private static bool DefinedElsewhere(TermRef[] refs, string path)
    {
        foreach (var r in refs)
            if (!r.IsReading && r.Path != path) return true;
        return false;
    }

    /// <summary>Where the other definition names the word: the same spelling first (cheap, and the usual case), else the same key.</summary>
    private static TextSpan SpanOf(GlossaryIndex index, ParsedDocument document, int termIndex, string word, string key)
    {
        var term = document.Terms[termIndex];
        int count = term.Aliases.Length + 1;
        for (int i = 0; i < count; i++)
            if ((i == 0 ? term.Headword : term.Aliases[i - 1]) == word && i < term.EntryWordSpans.Length) return term.EntryWordSpans[i];
        var (keys, starts) = index.EntryWordKeys(document);
        for (int i = 0; i < count; i++)
            if (keys[starts[termIndex] + i] == key && i < term.EntryWordSpans.Length) return term.EntryWordSpans[i];
        return term.NameSpan;
    }

    private static string JoinPaths(List<string> paths) => paths.Count switch
    {
        1 => paths[0],
        <= 4 => string.Join(", ", paths.Take(paths.Count - 1)) + " and " + paths[^1],
        _ => string.Join(", ", paths.Take(3)) + $" and {paths.Count - 3} other documents",
    };
}
