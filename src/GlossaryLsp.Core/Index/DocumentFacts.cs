using System.Runtime.InteropServices;
using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Index;

/// <summary>
/// One document's share of the derived tables: the key of every entry word (in
/// <see cref="TermDefinition.EntryWords"/> order, "" when a word has none) and reading, term by term,
/// the addresses it is published at, and, made on first use, its anchor table. Held by the tables per
/// path and shared by every parse with the same definitions (<see cref="DerivedTables.SameDefinitions"/>).
/// </summary>
internal sealed class DocumentFacts
{
    private AnchorTable? _anchors;
    /// <summary>The keys of all terms' entry words, one after the other.</summary>
    public required string[] WordKeys { get; init; }
    /// <summary>For each of <see cref="WordKeys"/>, <see cref="VariantHash"/> of it.</summary>
    public required int[] VariantHashes { get; init; }
    /// <summary>Where each term's keys start in <see cref="WordKeys"/> (one more entry than terms).</summary>
    public required int[] TermStarts { get; init; }
    /// <summary>The key of each term's reading; null when it has none.</summary>
    public required string?[] ReadingKeys { get; init; }
    /// <summary>Article URLs (without '#') and, for a glossary page, its front matter's site path: what links may name it by.</summary>
    public required string[] Urls { get; init; }
    /// <summary>The (base URL, folder) pairs its single article URL agrees with.</summary>
    public required BaseUrlMapping[] Candidates { get; init; }

    public int TermCount => ReadingKeys.Length;

    public static DocumentFacts Of(ParsedDocument doc)
    {
        var starts = new int[doc.Terms.Length + 1];
        var readings = new string?[doc.Terms.Length];
        int count = 0;
        foreach (var t in doc.Terms) count += 1 + t.Aliases.Length;
        var keys = new string[count];
        int k = 0;
        for (int i = 0; i < doc.Terms.Length; i++)
        {
            var term = doc.Terms[i];
            starts[i] = k;
            keys[k++] = TermKey.Normalize(term.Headword);
            foreach (var alias in term.Aliases) keys[k++] = TermKey.Normalize(alias);
            if (term.Reading is { Length: > 0 } reading) readings[i] = TermKey.Normalize(reading);
        }
        starts[^1] = k;
        var hashes = new int[count];
        for (int i = 0; i < count; i++) hashes[i] = VariantHash(keys[i]);
        var urls = new List<string>();
        var candidates = new List<BaseUrlMapping>();
        foreach (var u in doc.ArticleUrls)
        {
            var url = LinkAddress.WithoutHash(u.Url);
            if (!urls.Contains(url)) urls.Add(url);
            if (doc.ArticleUrls.Length == 1) candidates.AddRange(CandidatesOf(url, doc.Path));
        }
        // Only a glossary page is published at its front matter's url (SPEC §1 B); an article's url is not an address.
        if (doc.Kind == DocumentKind.GlossaryPage && doc.FrontMatter?.GetString("url") is { Length: > 0 } site)
        {
            var sitePath = LinkAddress.NormalizeSitePath(site);
            if (!urls.Contains(sitePath)) urls.Add(sitePath);
        }
        return new DocumentFacts { WordKeys = keys, VariantHashes = hashes, TermStarts = starts, ReadingKeys = readings, Urls = [.. urls], Candidates = [.. candidates] };
    }

    /// <summary>A hash of a key's <see cref="VariantFold"/> (never 0), or 0 for keys of fewer than 3 code points, which have no variants.</summary>
    public static int VariantHash(string key)
    {
        if (VariantFold.CodePoints(key) < 3) return 0;
        Span<char> fold = key.Length <= 256 ? stackalloc char[key.Length] : new char[key.Length];
        int n = VariantFold.Fold(key, fold, default, default);
        int hash = string.GetHashCode(fold[..n]);
        return hash == 0 ? 1 : hash;
    }

    /// <summary>Cuts the free slots <see cref="AddTo"/> left at the end of the table's arrays.</summary>
    public static void TrimTable(Dictionary<string, TermRef[]> table)
    {
        foreach (var key in table.Where(kv => kv.Value[^1].Path is null).Select(kv => kv.Key).ToList())
        {
            var refs = table[key];
            table[key] = refs[..Used(refs)];
        }
    }

    public ReadOnlySpan<string> KeysOf(int term) => WordKeys.AsSpan(TermStarts[term], TermStarts[term + 1] - TermStarts[term]);

    /// <summary>The non-empty keys of a term: its entry words', then its reading's.</summary>
    public IEnumerable<string> LookupKeysOf(int term)
    {
        for (int k = TermStarts[term]; k < TermStarts[term + 1]; k++)
            if (WordKeys[k].Length > 0) yield return WordKeys[k];
        if (ReadingKeys[term] is { Length: > 0 } reading) yield return reading;
    }

    /// <summary>The anchor table, built from <paramref name="document"/> (a parse these facts were made from) on first use.</summary>
    public AnchorTable AnchorsOf(ParsedDocument document)
    {
        if (_anchors is { } table) return table;
        var created = new AnchorTable(document);
        return Interlocked.CompareExchange(ref _anchors, created, null) ?? created;
    }

    /// <summary>The index's keys of one term: its entry words' keys (each once, none empty), then its reading's key if new.</summary>
    public void AddRefs(string path, int term, List<(string Key, TermRef Ref)> into)
    {
        var words = KeysOf(term);
        // A heading may have thousands of aliases: past a few, repeats are found by hashing, not by rescanning.
        HashSet<string>? seen = words.Length > 16 ? new(StringComparer.Ordinal) : null;
        for (int w = 0; w < words.Length; w++)
        {
            var key = words[w];
            if (key.Length == 0 || (seen is null ? words[..w].Contains(key) : !seen.Add(key))) continue;
            into.Add((key, new TermRef(path, term)));
        }
        if (ReadingKeys[term] is { } reading && (reading.Length == 0 || !words.Contains(reading)))
            into.Add((reading, new TermRef(path, term, IsReading: true)));
    }

    /// <summary>
    /// Same as <see cref="AddRefs"/> for every term, appending to the table being built. An array that
    /// grows doubles, its free slots (default refs) at its end; <see cref="TrimTable"/> cuts them off
    /// once every document is in, so a word defined in thousands of documents is not copied per document.
    /// A key that becomes an entry word (not only a reading) counts once under its variant hash in <paramref name="variantCounts"/>.
    /// </summary>
    public void AddTo(string path, Dictionary<string, TermRef[]> table, List<(string Key, TermRef Ref)> scratch, Dictionary<int, int> variantCounts)
    {
        for (int term = 0; term < TermCount; term++)
        {
            scratch.Clear();
            AddRefs(path, term, scratch);
            foreach (var (key, r) in scratch)
            {
                ref var refs = ref CollectionsMarshal.GetValueRefOrAddDefault(table, key, out bool exists);
                bool wasWord = exists && Array.Exists(refs!, x => x.Path is not null && !x.IsReading);
                refs = exists ? Appended(refs!, r) : [r];
                if (!r.IsReading && !wasWord && HashOf(term, key) is var hash and not 0)
                    variantCounts[hash] = variantCounts.GetValueOrDefault(hash) + 1;
            }
        }
    }

    /// <summary>The variant hash of one of a term's entry-word keys.</summary>
    public int HashOf(int term, string key)
    {
        for (int k = TermStarts[term]; k < TermStarts[term + 1]; k++)
            if (WordKeys[k] == key) return VariantHashes[k];
        return 0;
    }

    private static TermRef[] Appended(TermRef[] refs, TermRef r)
    {
        int used = refs[^1].Path is null ? Used(refs) : refs.Length;
        if (used == refs.Length) Array.Resize(ref refs, refs.Length * 2);
        refs[used] = r;
        return refs;
    }

    /// <summary>How many slots are taken: the free ones are a suffix of default refs.</summary>
    private static int Used(TermRef[] refs)
    {
        int lo = 0, hi = refs.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (refs[mid].Path is null) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    /// <summary>Every (base, folder) pair under which <paramref name="url"/> = base + path relative to folder.</summary>
    private static IEnumerable<BaseUrlMapping> CandidatesOf(string url, string path)
    {
        var segments = path.Split('/');
        for (int k = 0; k < segments.Length; k++)
        {
            var suffix = string.Join('/', segments[k..]);
            if (url.Length > suffix.Length && url.EndsWith("/" + suffix, StringComparison.Ordinal))
                yield return new BaseUrlMapping(url[..^suffix.Length], string.Join('/', segments[..k]));
        }
    }
}
