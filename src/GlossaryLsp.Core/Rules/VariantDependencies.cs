using System.Collections.Immutable;
using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Linking;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Rules;

/// <summary>
/// What GL0013 reads of other documents' definitions, for the <see cref="DependencyTracker"/>: when entry
/// words change, the documents whose prose may hold their variant fold (each document's
/// <see cref="VariantSignature"/>), and the definers of entry words that fold like them (near-duplicate
/// definitions). Made only while GL0013 is on. Immutable.
/// </summary>
internal sealed class VariantDependencies
{
    /// <summary>Below this many documents, threads cost more than they save.</summary>
    private const int ParallelThreshold = 8;
    private readonly ImmutableDictionary<string, VariantSignature> _signatures;

    private VariantDependencies(ImmutableDictionary<string, VariantSignature> signatures) => _signatures = signatures;

    public static bool IsOn(GlossaryIndex index) => index.Config.IsOn(RuleCatalog.GL0013);

    /// <summary>The signatures of these documents (on the thread pool when <paramref name="parallel"/>); null when GL0013 is off.</summary>
    public static VariantDependencies? Create(GlossaryIndex index, IReadOnlyList<ParsedDocument> documents, bool parallel = true) =>
        IsOn(index) ? new VariantDependencies(ImmutableDictionary.CreateRange(StringComparer.Ordinal, Signatures(documents, parallel))) : null;

    /// <summary>With the signatures of re-analysed documents renewed and those of removed documents dropped.</summary>
    public VariantDependencies With(IReadOnlyList<ParsedDocument> analysed, IEnumerable<string> removed) =>
        new(_signatures.RemoveRange(removed).SetItems(Signatures(analysed)));

    /// <summary>
    /// Adds the documents whose GL0013 findings may change because the entry-word keys <paramref name="changedKeys"/> of
    /// a document (<paramref name="old"/> → <paramref name="now"/>) changed. Only keys it defines in one version only, or
    /// in another place of its term (which decides the preferred form), count: a finding that names a term the
    /// document still defines so points into it and follows it by its related location.
    /// </summary>
    /// <param name="folds">Gets the variant folds of the keys that count: only lines holding one of them can change.</param>
    public void AddDependents(
        GlossaryIndex before, GlossaryIndex after, ParsedDocument? old, ParsedDocument? now, IReadOnlyCollection<string> changedKeys, SortedSet<string> result,
        ISet<string> folds)
    {
        if (changedKeys.Count == 0) return;
        var was = Placements(before, old);
        var isNow = Placements(after, now);
        changedKeys = [.. changedKeys.Where(k => !was.TryGetValue(k, out var a) || !isNow.TryGetValue(k, out var b) || a != b)];
        if (changedKeys.Count == 0) return;
        var changedFolds = changedKeys.Select(VariantFold.Fold).Where(f => f.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        folds.UnionWith(changedFolds);
        foreach (var (path, signature) in _signatures)
            if (!result.Contains(path) && changedFolds.Exists(signature.MayContain)) result.Add(path);
        foreach (var key in changedKeys)
            foreach (var index in new[] { before, after })
                foreach (var other in MentionScanner.KeysFoldedLike(index, key))
                {
                    AddDefiners(before, other, result);
                    AddDefiners(after, other, result);
                }
    }

    /// <summary>
    /// Each key of a document's terms with the first term that has it (the one a finding names), that term's first key
    /// and the key's place among its keys.
    /// </summary>
    private static Dictionary<string, (int Term, string First, int Place)> Placements(GlossaryIndex index, ParsedDocument? doc)
    {
        var result = new Dictionary<string, (int, string, int)>(StringComparer.Ordinal);
        if (doc is null) return result;
        var facts = index.FactsOf(doc);
        for (int t = 0; t < facts.TermCount; t++)
        {
            var keys = facts.LookupKeysOf(t);
            int place = 0;
            string? first = null;
            foreach (var key in keys)
            {
                first ??= key;
                result.TryAdd(key, (t, first, place++));
            }
        }
        return result;
    }

    private static void AddDefiners(GlossaryIndex index, string key, SortedSet<string> result)
    {
        if (index.EntryWordTable.TryGetValue(key, out var refs))
            foreach (var r in refs) result.Add(r.Path);
    }

    private static KeyValuePair<string, VariantSignature>[] Signatures(IReadOnlyList<ParsedDocument> documents, bool parallel = true)
    {
        var result = new KeyValuePair<string, VariantSignature>[documents.Count];
        // One set of codes per thread, not per document.
        HashSet<ulong> One(int i, HashSet<ulong> codes)
        {
            result[i] = KeyValuePair.Create(documents[i].Path, VariantSignature.Of(documents[i], codes));
            return codes;
        }
        if (!parallel || documents.Count < ParallelThreshold)
        {
            var codes = new HashSet<ulong>();
            for (int i = 0; i < documents.Count; i++) One(i, codes);
        }
        else Parallel.For(0, documents.Count, () => new HashSet<ulong>(), (i, _, codes) => One(i, codes), _ => { });
        return result;
    }
}

/// <summary>
/// The documents of an update whose GL0013 findings alone may change, and the variant folds of the entry words
/// that changed: in those documents only the lines holding one of the folds can (<see cref="MentionScanner.LinesHolding"/>).
/// </summary>
internal sealed class VariantRescan
{
    public HashSet<string> Paths { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Folds { get; } = new(StringComparer.Ordinal);
}
