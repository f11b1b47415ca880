using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Linking;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Rules;

/// <summary>
/// GL0013's near-duplicate definitions (SPEC §8): a term whose entry word is a notation variant of
/// another term's entry word (<c>## サーバ</c> here, <c>## サーバー</c> there) is reported on the later of the
/// two definitions (path order, then position), with the earlier ones as related locations. A word
/// looks for variants only when another entry-word key shares its variant-fold hash
/// (<see cref="GlossaryIndex.VariantHashes"/>); the trie walk then names them. Terms that share an
/// entry word are GL0005's duplicates; aliases of one term are not duplicates.
/// </summary>
internal static class GL0013NearDuplicates
{
    public static void Report(RuleContext context)
    {
        var doc = context.Document;
        if (doc.Terms.IsEmpty) return;
        var index = context.Index;
        var (keys, starts) = index.EntryWordKeys(doc);
        var (hashes, counts) = index.VariantHashes(doc);
        for (int t = 0; t < doc.Terms.Length; t++)
        {
            var term = doc.Terms[t];
            for (int w = starts[t]; w < starts[t + 1]; w++)
            {
                if (counts[hashes[w]] < 2) continue;
                var earlier = Earlier(index, doc, t, keys[w], keys[starts[t]..starts[t + 1]]);
                if (earlier.Count == 0) continue;
                int i = w - starts[t];
                var word = i == 0 ? term.Headword : term.Aliases[i - 1];
                var span = i < term.EntryWordSpans.Length ? term.EntryWordSpans[i] : term.NameSpan;
                earlier = [.. earlier.OrderBy(e => Distance(doc.Path, e.Term.DocumentPath)).ThenBy(e => e.Term.DocumentPath, StringComparer.Ordinal).ThenBy(e => e.Span.Start)];
                var paths = earlier.Select(e => e.Term.DocumentPath).Distinct().ToList();
                var first = earlier[0];
                context.Report(span,
                    $"Entry word '{word}' is a notation variant of '{first.Word}', defined in {NameList.Join(paths, paths.Count, OutputBounds.NamedDocuments)}; " +
                    "keep one spelling (the other can be an alias)",
                    earlier.Take(OutputBounds.RelatedLocations).Select(e => new RelatedLocation(e.Term.DocumentPath, e.Span, $"'{e.Word}' is defined here ({e.Term.Headword})")));
            }
        }
    }

    /// <summary>
    /// The definitions before term <paramref name="t"/> of this document (whose keys are <paramref name="termKeys"/>) with an
    /// entry word that is a variant of <paramref name="key"/>.
    /// </summary>
    private static List<(TermDefinition Term, string Word, TextSpan Span)> Earlier(GlossaryIndex index, ParsedDocument doc, int t, string key, string[] termKeys)
    {
        var result = new List<(TermDefinition, string, TextSpan)>();
        foreach (var other in MentionScanner.KeysFoldedLike(index, key))
        {
            if (!index.EntryWordTable.TryGetValue(other, out var refs)) continue;
            foreach (var r in refs)
            {
                if (r.IsReading || (r.Path == doc.Path && r.Index == t)) continue;
                int order = string.CompareOrdinal(r.Path, doc.Path);
                if (order > 0 || (order == 0 && r.Index > t)) continue;
                var definition = index.Resolve(r);
                // Terms that share an entry word are GL0005's duplicates, not near-duplicates.
                if (definition.EntryWords.Any(e => termKeys.Contains(TermKey.Normalize(e)))) continue;
                int at = definition.EntryWords.Select(TermKey.Normalize).ToList().IndexOf(other);
                var word = at >= 0 ? definition.EntryWords.ElementAt(at) : definition.Headword;
                var span = at >= 0 && at < definition.EntryWordSpans.Length ? definition.EntryWordSpans[at] : definition.NameSpan;
                result.Add((definition, word, span));
            }
        }
        return result;
    }

    private static int Distance(string from, string to) =>
        from == to ? -1 : WorkspacePaths.FolderDistance(WorkspacePaths.FolderOf(from), WorkspacePaths.FolderOf(to));
}
