using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Parsing;

namespace GlossaryLsp.Core.Index;

/// <summary>
/// Everything derived from all documents' definitions: the entry-word table, the URL table, the inferred
/// URL mapping, each document's <see cref="DocumentFacts"/> and, made on first use, the entry-word list
/// and the mention automaton. Shared by snapshots exactly while their definitions are the same
/// (<see cref="SameDefinitions"/>); a changed definition makes the next tables by taking the old
/// document's contribution out and the new one's in — O(terms of that document), not of the workspace.
/// </summary>
internal sealed class DerivedTables
{
    private EntryWordList? _entryWords;

    private MentionAutomaton? _automaton;
    /// <summary>What the automaton derives from until it is made (then null).</summary>
    private AutomatonSeed? _seed;
    private object? _automatonLock;
    /// <summary>(key, folder) → a much-defined key's definitions as seen from that folder, made on first use.</summary>
    private ConcurrentDictionary<(string Key, string Folder), OtherDefinitions>? _seenFromFolder;
    /// <summary>A set of much-defined keys → the documents defining any of them, made on first use.</summary>
    private ConcurrentDictionary<string, string[]>? _documentsWithAny;
    /// <summary>Entry-word key → definitions, in (path, term index) order.</summary>
    public required OverlayTable<TermRef[]> ByKey { get; init; }
    /// <summary>
    /// Article URL (without '#') or site path → documents claiming it, in path order (the first wins).
    /// Never changed once built (about one entry per document): a change copies it.
    /// </summary>
    public required Dictionary<string, string[]> UrlToPaths { get; init; }
    /// <summary>(base URL, folder) candidates for the inferred mapping, with how many documents agree.</summary>
    public required ImmutableDictionary<BaseUrlMapping, int> Candidates { get; init; }
    /// <summary>Path → what the index derives from that document.</summary>
    public required OverlayTable<DocumentFacts> Facts { get; init; }
    public BaseUrlMapping? InferredMapping { get; init; }
    /// <summary>How many entry-word keys share each variant-fold hash (GL0013's near-duplicates).</summary>
    public required VariantCounts VariantCounts { get; init; }
    public int TermCount { get; init; }

    public EntryWordList EntryWords => LazyInitializer.EnsureInitialized(ref _entryWords, () => EntryWordList.Of(ByKey));

    public MentionAutomaton Automaton => LazyInitializer.EnsureInitialized(ref _automaton, ref _automatonLock, () =>
    {
        var automaton = MentionAutomaton.Create(ByKey, _seed);
        _seed = null;
        return automaton;
    });

    public bool IsAutomatonBuilt => Volatile.Read(ref _automaton) is not null;


    /// <summary>Where a successor's automaton derives from: this automaton if made, else what this one would derive from.</summary>
    private AutomatonSeed? SeedForSuccessor => Volatile.Read(ref _automaton) is { } built ? AutomatonSeed.From(built) : _seed;

    /// <summary>
    /// True when the two documents contribute the same to the tables and to anchor resolution: kind,
    /// terms (<see cref="TermDefinition.SameIdentity"/>) and the heading each sits under, headings'
    /// levels, slugs and ids, explicit anchors, article URLs and the front matter's <c>url</c> (a missing
    /// value and an empty one count alike). Compared in place, without building a signature per document.
    /// </summary>
    public static bool SameDefinitions(ParsedDocument a, ParsedDocument b)
    {
        static bool Same(string? x, string? y) => (x ?? "") == (y ?? "");
        if (a.Kind != b.Kind || a.Terms.Length != b.Terms.Length || a.Headings.Length != b.Headings.Length
            || a.ExplicitAnchors.Length != b.ExplicitAnchors.Length || a.ArticleUrls.Length != b.ArticleUrls.Length) return false;
        for (int i = 0; i < a.Headings.Length; i++)
        {
            Heading x = a.Headings[i], y = b.Headings[i];
            if (x.Level != y.Level || x.Slug != y.Slug || x.ExplicitId != y.ExplicitId) return false;
        }
        int fromA = 0, fromB = 0;
        for (int i = 0; i < a.Terms.Length; i++)
        {
            TermDefinition s = a.Terms[i], t = b.Terms[i];
            if (!s.SameIdentity(t) || (s.Heading is null) != (t.Heading is null)) return false;
            if (s.Heading is null) continue;
            fromA = AnchorTable.IndexOf(a.Headings, s.Heading, fromA);
            fromB = AnchorTable.IndexOf(b.Headings, t.Heading!, fromB);
            if (fromA != fromB) return false;
            fromA = Math.Max(fromA, 0);
            fromB = Math.Max(fromB, 0);
        }
        if (!a.ExplicitAnchors.AsSpan().SequenceEqual(b.ExplicitAnchors.AsSpan())) return false;
        for (int i = 0; i < a.ArticleUrls.Length; i++)
            if (a.ArticleUrls[i].Url != b.ArticleUrls[i].Url) return false;
        return Same(a.FrontMatter?.GetString("url"), b.FrontMatter?.GetString("url"));
    }

    /// <param name="withAutomaton">Also make the mention automaton now (the caller knows it will be needed): its trie
    /// needs only the keys, so it is built on another core while the tables are merged.</param>
    public static DerivedTables Build(ImmutableSortedDictionary<string, ParsedDocument> documents, bool withAutomaton = false)
    {
        var docs = documents.Values.ToArray();
        var facts = new DocumentFacts[docs.Length];
        // Key normalisation (NFKC) is most of the cost: done per document in parallel.
        Parallel.For(0, docs.Length, i => facts[i] = DocumentFacts.Of(docs[i]));
        var trie = withAutomaton ? Task.Run(() => KeyTrie.Build([.. facts.SelectMany(f => f.WordKeys).Where(k => k.Length > 0)])) : null;
        int keyCount = 0;
        foreach (var f in facts) keyCount += f.WordKeys.Length;
        var byKey = new Dictionary<string, TermRef[]>(keyCount, StringComparer.Ordinal);
        var byPath = new Dictionary<string, DocumentFacts>(docs.Length, StringComparer.Ordinal);
        var urls = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var candidates = new Dictionary<BaseUrlMapping, int>();
        var scratch = new List<(string, TermRef)>();
        var variantCounts = new Dictionary<int, int>();
        int termCount = 0;
        for (int d = 0; d < docs.Length; d++) // path order, so every list below is in path order
        {
            var f = facts[d];
            var path = docs[d].Path;
            byPath[path] = f;
            termCount += f.TermCount;
            f.AddTo(path, byKey, scratch, variantCounts);
            foreach (var url in f.Urls)
            {
                if (!urls.TryGetValue(url, out var list)) urls[url] = list = new List<string>(1);
                list.Add(path);
            }
            foreach (var m in f.Candidates) candidates[m] = candidates.GetValueOrDefault(m) + 1;
        }
        DocumentFacts.TrimTable(byKey);
        var candidateMap = candidates.ToImmutableDictionary();
        var tables = new DerivedTables
        {
            ByKey = new OverlayTable<TermRef[]>(byKey),
            UrlToPaths = urls.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal),
            Candidates = candidateMap,
            Facts = new OverlayTable<DocumentFacts>(byPath),
            InferredMapping = Infer(candidateMap),
            TermCount = termCount,
            VariantCounts = VariantCounts.Of(variantCounts),
        };
        if (trie is not null) tables._automaton = MentionAutomaton.Of(tables.ByKey, trie.GetAwaiter().GetResult());
        return tables;
    }

    public bool TryGetPath(ReadOnlySpan<char> url, [NotNullWhen(true)] out string? path)
    {
        path = UrlToPaths.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(url, out var paths) ? paths[0] : null;
        return path is not null;
    }

    /// <summary>The definitions of <paramref name="key"/> (<paramref name="refs"/>) as any document of <paramref name="folder"/> sees them.</summary>
    public OtherDefinitions SeenFromFolder(string key, string folder, TermRef[] refs) =>
        LazyInitializer.EnsureInitialized(ref _seenFromFolder, () => new())
            .GetOrAdd((key, folder), static (k, refs) => OtherDefinitions.FromFolder(refs, k.Folder), refs);

    /// <summary>The documents defining any of a set of keys (<paramref name="keys"/> names the set), made by <paramref name="make"/> on first use.</summary>
    public string[] DocumentsWithAny(string keys, Func<string[]> make) =>
        LazyInitializer.EnsureInitialized(ref _documentsWithAny, () => new(StringComparer.Ordinal)).GetOrAdd(keys, _ => make());

    /// <summary>The same tables under a new identity (a new configuration resolves links differently); the derived lists are shared.</summary>
    public DerivedTables Renewed() => new()
    {
        ByKey = ByKey, UrlToPaths = UrlToPaths, Candidates = Candidates, Facts = Facts, InferredMapping = InferredMapping, TermCount = TermCount,
        VariantCounts = VariantCounts, _entryWords = Volatile.Read(ref _entryWords), _automaton = Volatile.Read(ref _automaton), _seed = _seed,
        _seenFromFolder = _seenFromFolder, _documentsWithAny = _documentsWithAny,
    };

    /// <summary>The tables with <paramref name="removed"/>'s contribution taken out and <paramref name="added"/>'s put in.</summary>
    public DerivedTables Update(ParsedDocument? removed, ParsedDocument? added)
    {
        var byKey = new Dictionary<string, TermRef[]?>(StringComparer.Ordinal);
        TermRef[]? Current(string key) => byKey.TryGetValue(key, out var changed) ? changed : ByKey.GetValueOrDefault(key);
        var urls = new Dictionary<string, string[]>(UrlToPaths, StringComparer.Ordinal);
        var candidates = Candidates.ToBuilder();
        var facts = new Dictionary<string, DocumentFacts?>(StringComparer.Ordinal);
        int termCount = TermCount;
        if (removed is not null && Facts.TryGetValue(removed.Path, out var gone))
        {
            termCount -= gone.TermCount;
            facts[removed.Path] = null;
            var refs = new List<(string Key, TermRef Ref)>();
            for (int t = 0; t < gone.TermCount; t++) gone.AddRefs(removed.Path, t, refs);
            foreach (var key in refs.Select(k => k.Key).Distinct())
            {
                var rest = Array.FindAll(Current(key)!, r => r.Path != removed.Path);
                byKey[key] = rest.Length == 0 ? null : rest;
            }
            foreach (var url in gone.Urls)
            {
                var rest = Array.FindAll(urls[url], p => p != removed.Path);
                if (rest.Length == 0) urls.Remove(url); else urls[url] = rest;
            }
            foreach (var m in gone.Candidates)
            {
                int n = candidates[m] - 1;
                if (n == 0) candidates.Remove(m); else candidates[m] = n;
            }
        }
        DocumentFacts? now = null;
        if (added is not null)
        {
            now = DocumentFacts.Of(added);
            termCount += now.TermCount;
            facts[added.Path] = now;
            var refs = new List<(string Key, TermRef Ref)>();
            for (int t = 0; t < now.TermCount; t++) now.AddRefs(added.Path, t, refs);
            foreach (var group in refs.GroupBy(k => k.Key, k => k.Ref))
                byKey[group.Key] = Current(group.Key) is { } existing ? InsertInPathOrder(existing, [.. group], r => r.Path, added.Path) : [.. group];
            foreach (var url in now.Urls)
                urls[url] = urls.TryGetValue(url, out var paths) ? InsertInPathOrder(paths, [added.Path], p => p, added.Path) : [added.Path];
            foreach (var m in now.Candidates) candidates[m] = candidates.GetValueOrDefault(m) + 1;
        }
        var candidateMap = candidates.ToImmutable();
        var nextByKey = ByKey.With(byKey);
        return new DerivedTables
        {
            ByKey = nextByKey,
            UrlToPaths = urls,
            Candidates = candidateMap,
            Facts = Facts.With(facts),
            InferredMapping = Infer(candidateMap),
            TermCount = termCount,
            _seed = SeedForSuccessor?.With(now),
            VariantCounts = VariantCounts.With(CountChanges(byKey, gone: removed is null ? null : Facts.GetValueOrDefault(removed.Path), now)),
        };
    }

    /// <summary>Inserts one document's items before the first item of a later path (the arrays are short).</summary>
    private static T[] InsertInPathOrder<T>(T[] existing, T[] items, Func<T, string> pathOf, string path)
    {
        int at = 0;
        while (at < existing.Length && string.CompareOrdinal(pathOf(existing[at]), path) < 0) at++;
        return [.. existing.AsSpan(0, at), .. items, .. existing.AsSpan(at)];
    }

    private static BaseUrlMapping? Infer(ImmutableDictionary<BaseUrlMapping, int> candidates)
    {
        if (candidates.Count == 0) return null;
        var best = candidates.OrderByDescending(c => c.Value).ThenBy(c => c.Key.Folder.Length).ThenBy(c => c.Key.Url, StringComparer.Ordinal).First();
        return best.Value >= 2 ? best.Key : null;
    }

    /// <summary>For each changed key that became or stopped being an entry word: its variant hash and +1 or -1.</summary>
    private IEnumerable<(int Hash, int Delta)> CountChanges(Dictionary<string, TermRef[]?> changes, DocumentFacts? gone, DocumentFacts? now)
    {
        static bool Live(TermRef[]? refs) => refs is not null && Array.Exists(refs, r => !r.IsReading);
        var hashes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var f in new[] { gone, now })
            if (f is not null)
                for (int k = 0; k < f.WordKeys.Length; k++) hashes.TryAdd(f.WordKeys[k], f.VariantHashes[k]);
        foreach (var (key, refs) in changes)
        {
            bool before = Live(ByKey.GetValueOrDefault(key)), after = Live(refs);
            if (before != after && hashes.TryGetValue(key, out int hash)) yield return (hash, after ? 1 : -1);
        }
    }
}
