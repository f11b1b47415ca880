using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Rules;

/// <summary>
/// GL0005: an entry word that other documents define too. Links still resolve (nearest definition
/// wins), but readers may land on different definitions, so it is a warning on each entry word. The
/// message names the nearest <see cref="OutputBounds.NamedDocuments"/> other documents and counts the
/// rest; the related locations are the nearest <see cref="RelatedDefinitions"/> other definitions
/// (SPEC §1 order, SPEC §7 bounds): a word defined in thousands of documents gives each of them a short
/// diagnostic, made in time linear in the definitions.
/// </summary>
public sealed class GL0005DuplicateAcrossDocuments : Rule
{
    /// <summary>
    /// Related locations of one finding: the definitions the message names, so that each is one click away.
    /// A word defined in every file of a large workspace is reported once per file and entry word; more
    /// related locations each would make the report grow by that factor (within SPEC §7's 20).
    /// </summary>
    public const int RelatedDefinitions = OutputBounds.NamedDocuments;

    /// <summary>Up to this many entry words, a term is searched in place rather than through a map.</summary>
    private const int ScannedEntryWords = 16;

    public override RuleDescriptor Descriptor => RuleCatalog.GL0005;

    public override void Analyze(RuleContext context)
    {
        var doc = context.Document;
        var index = context.Index;
        var table = index.EntryWordTable;
        HashSet<string>? reported = null;
        Dictionary<(string Path, int Term), WordPositions>? wordPositions = null;
        // The index's keys of this document: each entry word normalised once per parse, not per rule run.
        var (keys, starts) = index.EntryWordKeys(doc);
        for (int t = 0; t < doc.Terms.Length; t++)
        {
            var term = doc.Terms[t];
            for (int i = 0; i < starts[t + 1] - starts[t]; i++)
            {
                var key = keys[starts[t] + i];
                if (key.Length == 0 || !table.TryGetValue(key, out var refs) || !DefinedElsewhere(refs, doc.Path) || !(reported ??= new(StringComparer.Ordinal)).Add(key)) continue;
                var others = index.OtherDefinitionsOf(key, doc.Path, RelatedDefinitions);
                if (others.DocumentCount == 0) continue;
                var word = i == 0 ? term.Headword : term.Aliases[i - 1];
                var span = i < term.EntryWordSpans.Length ? term.EntryWordSpans[i] : term.NameSpan;
                var related = new RelatedLocation[others.Nearest.Length];
                for (int o = 0; o < related.Length; o++)
                {
                    var other = index.Documents[others.Nearest[o].Path];
                    var definition = other.Terms[others.Nearest[o].Index];
                    related[o] = new RelatedLocation(
                        definition.DocumentPath, SpanOf(index, other, others.Nearest[o].Index, word, key, ref wordPositions),
                        $"'{word}' is also defined here ({definition.Headword})");
                }
                var where = NameList.Join(others.NearestDocuments, others.DocumentCount, OutputBounds.NamedDocuments);
                context.Report(span, $"Entry word '{word}' is also defined in {where}", related);
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

    /// <summary>
    /// Where the other definition names the word: the same spelling first (cheap, and the usual case), else
    /// the same key. A term with many entry words gets its spelling and key maps once per analysis, so a
    /// heading with thousands of aliases defined twice is not searched once per alias.
    /// </summary>
    private static TextSpan SpanOf(
        GlossaryIndex index, ParsedDocument document, int termIndex, string word, string key, ref Dictionary<(string, int), WordPositions>? positions)
    {
        var term = document.Terms[termIndex];
        var (keys, starts) = index.EntryWordKeys(document);
        var termKeys = keys.AsSpan(starts[termIndex], starts[termIndex + 1] - starts[termIndex]);
        int at = -1;
        if (termKeys.Length <= ScannedEntryWords)
        {
            for (int i = 0; i < termKeys.Length && at < 0; i++)
                if ((i == 0 ? term.Headword : term.Aliases[i - 1]) == word) at = i;
            for (int i = 0; i < termKeys.Length && at < 0; i++)
                if (termKeys[i] == key) at = i;
        }
        else
        {
            positions ??= [];
            if (!positions.TryGetValue((document.Path, termIndex), out var map))
                positions[(document.Path, termIndex)] = map = new WordPositions(term, termKeys);
            if (!map.Words.TryGetValue(word, out at) && !map.Keys.TryGetValue(key, out at)) at = -1;
        }
        return at >= 0 && at < term.EntryWordSpans.Length ? term.EntryWordSpans[at] : term.NameSpan;
    }

    /// <summary>The first position of each spelling and each key among a term's entry words.</summary>
    private sealed class WordPositions
    {
        public WordPositions(TermDefinition term, ReadOnlySpan<string> keys)
        {
            for (int i = keys.Length - 1; i >= 0; i--)
            {
                Words[i == 0 ? term.Headword : term.Aliases[i - 1]] = i;
                if (keys[i].Length > 0) Keys[keys[i]] = i;
            }
        }

        public Dictionary<string, int> Words { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> Keys { get; } = new(StringComparer.Ordinal);
    }
}
