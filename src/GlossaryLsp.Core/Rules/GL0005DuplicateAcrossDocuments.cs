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
        var table = context.Index.EntryWordTable;
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in doc.Terms)
        {
            var words = term.EntryWords.ToArray();
            for (int i = 0; i < words.Length; i++)
            {
                var key = TermKey.Normalize(words[i]);
                if (key.Length == 0 || !table.TryGetValue(key, out var refs) || !DefinedElsewhere(refs, doc.Path) || !reported.Add(key)) continue;
                var others = refs.Where(r => !r.IsReading && r.Path != doc.Path).Select(context.Index.Resolve).ToList();
                if (others.Count == 0) continue;
                var span = i < term.EntryWordSpans.Length ? term.EntryWordSpans[i] : term.NameSpan;
                var paths = others.Select(o => o.DocumentPath).Distinct().ToList();
                context.Report(span,
                    $"Entry word '{words[i]}' is also defined in {JoinPaths(paths)}",
                    others.Select(o => new RelatedLocation(o.DocumentPath, SpanOf(o, words[i], key), $"'{words[i]}' is also defined here ({o.Headword})")));
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
    private static TextSpan SpanOf(TermDefinition term, string word, string key)
    {
        int i = 0;
        foreach (var w in term.EntryWords)
        {
            if (w == word && i < term.EntryWordSpans.Length) return term.EntryWordSpans[i];
            i++;
        }
        i = 0;
        foreach (var w in term.EntryWords)
        {
            if (TermKey.Normalize(w) == key && i < term.EntryWordSpans.Length) return term.EntryWordSpans[i];
            i++;
        }
        return term.NameSpan;
    }

    private static string JoinPaths(List<string> paths) => paths.Count switch
    {
        1 => paths[0],
        <= 4 => string.Join(", ", paths.Take(paths.Count - 1)) + " and " + paths[^1],
        _ => string.Join(", ", paths.Take(3)) + $" and {paths.Count - 3} other documents",
    };
}
