using System.Collections.Immutable;
using System.Runtime.InteropServices;
using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Rules;

/// <summary>
/// The reverse index from what documents read (link targets, entry words, documents their diagnostics
/// point into) to the documents that read it, maintained incrementally. Given the old and the new
/// snapshot and the changed paths, <see cref="Dependents"/> names the documents whose diagnostics may
/// differ: the changed documents; those whose diagnostics point into a changed document; and, when
/// definitions changed, those linking to it (by path, URL or site path), those defining one of its
/// entry words, and those with a broken link whose text is one of them. GL0012 findings depend on the
/// links that use the wrong URL, so they are re-checked when such a link changes.
/// </summary>
internal sealed class DependencyTracker
{
    /// <summary>Key → the documents whose reads hold it, sorted by path.</summary>
    private readonly ImmutableDictionary<ReadKey, ImmutableArray<string>> _readers;
    private readonly ImmutableDictionary<string, DocumentReads> _reads;
    /// <summary>Documents with a GL0012 finding: their diagnostics count the links that use their URL.</summary>
    private readonly ImmutableHashSet<string> _urlMismatches;
    /// <summary>What notation-variant findings read (null while GL0013 is off).</summary>
    private readonly VariantDependencies? _variants;

    private DependencyTracker(
        ImmutableDictionary<ReadKey, ImmutableArray<string>> readers, ImmutableDictionary<string, DocumentReads> reads,
        ImmutableHashSet<string> urlMismatches, VariantDependencies? variants)
    {
        _readers = readers;
        _reads = reads;
        _urlMismatches = urlMismatches;
        _variants = variants;
    }

    /// <summary>What notation-variant findings read, to be carried into <see cref="With"/>.</summary>
    public VariantDependencies? Variants => _variants;

    public static DependencyTracker Create(IEnumerable<(string Path, DocumentReads Reads)> documents, VariantDependencies? variants = null)
    {
        var readers = new Dictionary<ReadKey, (ReadKey Key, List<string> Paths)>();
        var reads = ImmutableDictionary.CreateBuilder<string, DocumentReads>(StringComparer.Ordinal);
        var mismatches = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var (path, r) in documents)
        {
            reads[path] = r;
            if (r.HasArticleUrlMismatch) mismatches.Add(path);
            var keys = r.Keys;
            for (int i = 0; i < keys.Length; i++)
            {
                ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(readers, keys[i], out bool exists);
                if (!exists) entry = (keys[i], []);
                else keys[i] = entry.Key; // one string per key for the whole workspace
                entry.Paths.Add(path);
            }
            // An anchor's path is the value of one of the document's target keys: share that string.
            var anchors = r.Anchors;
            for (int i = 0; i < anchors.Length; i++)
                if (readers.TryGetValue(new ReadKey(ReadKind.Target, anchors[i].Path), out var entry) && !ReferenceEquals(entry.Key.Value, anchors[i].Path))
                    anchors[i] = anchors[i] with { Path = entry.Key.Value };
        }
        var map = ImmutableDictionary.CreateBuilder<ReadKey, ImmutableArray<string>>();
        foreach (var (key, paths) in readers.Values)
        {
            if (!IsSorted(paths)) paths.Sort(StringComparer.Ordinal);
            map[key] = [.. paths];
        }
        return new DependencyTracker(map.ToImmutable(), reads.ToImmutable(), mismatches.ToImmutable(), variants);
    }

    /// <summary>What the document's last analysis read, or null for a document the tracker does not hold.</summary>
    public DocumentReads? ReadsOf(string path) => _reads.GetValueOrDefault(path);

    /// <summary>The tracker after re-analysing (or removing, Reads null) some documents; <paramref name="variants"/> already knows them.</summary>
    public DependencyTracker With(IEnumerable<(string Path, DocumentReads? Reads)> changes, VariantDependencies? variants = null)
    {
        ImmutableDictionary<ReadKey, ImmutableArray<string>>.Builder? readers = null;
        var reads = _reads;
        var mismatches = _urlMismatches;
        foreach (var (path, now) in changes)
        {
            var before = reads.GetValueOrDefault(path);
            if (before is not null && now is not null && before.SameAs(now)) continue;
            readers ??= _readers.ToBuilder();
            // Only the keys that differ change the index.
            var old = new HashSet<ReadKey>(before?.Keys ?? []);
            var @new = now?.Keys ?? [];
            var kept = new HashSet<ReadKey>(@new);
            foreach (var key in old)
                if (!kept.Contains(key)) RemoveReader(readers, key, path);
            for (int j = 0; j < @new.Length; j++)
                @new[j] = old.TryGetValue(@new[j], out var held) ? held : AddReader(readers, @new[j], path);
            reads = now is not null ? reads.SetItem(path, now) : reads.Remove(path);
            mismatches = now is { HasArticleUrlMismatch: true } ? mismatches.Add(path) : mismatches.Remove(path);
        }
        return readers is null && ReferenceEquals(reads, _reads) && ReferenceEquals(variants, _variants) ? this
            : new DependencyTracker(readers?.ToImmutable() ?? _readers, reads, mismatches, variants);
    }

    /// <summary>
    /// The documents to re-analyse after <paramref name="changedPaths"/> changed between the two
    /// snapshots, in path order; null when everything must be (the inferred URL mapping changed, or
    /// unlinked-mention findings are on and entry words changed). With <paramref name="pointingInto"/>,
    /// the documents whose diagnostics merely point into a changed document go there instead of into
    /// the result: the caller may move those positions rather than re-analyse them. With
    /// <paramref name="variantsOnly"/>, the documents of the result whose GL0013 findings alone may change are also
    /// named in its paths, and the variant folds of the changed entry words in its folds.
    /// </summary>
    public SortedSet<string>? Dependents(
        GlossaryIndex before, GlossaryIndex after, IEnumerable<string> changedPaths, ISet<string>? pointingInto = null, VariantRescan? variantsOnly = null)
    {
        if (!Equals(before.InferredMapping, after.InferredMapping)) return null;
        bool mentionsOn = after.Config.IsOn(RuleCatalog.GL0009);

        var result = new SortedSet<string>(StringComparer.Ordinal);
        var variantReaders = variantsOnly is null ? result : new SortedSet<string>(StringComparer.Ordinal);
        var folds = variantsOnly?.Folds ?? new HashSet<string>(StringComparer.Ordinal);
        void AddReaders(ReadKind kind, string value)
        {
            if (_readers.TryGetValue(new ReadKey(kind, value), out var paths))
                foreach (var p in paths) result.Add(p);
        }

        foreach (var path in changedPaths)
        {
            result.Add(path);
            var old = before.GetDocument(path);
            var now = after.GetDocument(path);
            if (old is not null && now is not null && ReferenceEquals(old, now)) continue;
            // Diagnostics elsewhere that point into this document (positions may have moved).
            if (pointingInto is null) AddReaders(ReadKind.Related, path);
            else if (_readers.TryGetValue(new ReadKey(ReadKind.Related, path), out var pointing)) pointingInto.UnionWith(pointing);
            // GL0012 findings count the links that use the wrong URL, wherever they are.
            foreach (var s in _urlMismatches)
                if ((after.GetDocument(s) ?? before.GetDocument(s)) is { } mismatched && mismatched.ArticleUrls.Length == 1
                    && (UsesUrl(old, mismatched.ArticleUrls[0].Url) || UsesUrl(now, mismatched.ArticleUrls[0].Url)))
                    result.Add(s);

            bool addedOrRemoved = old is null || now is null;
            var urlsBefore = before.UrlsOf(path);
            var urlsAfter = after.UrlsOf(path);
            bool urlsChanged = !urlsBefore.SequenceEqual(urlsAfter) || old?.Kind != now?.Kind;
            if (addedOrRemoved)
            {
                // Links to it or to its folders (they exist or not now), whatever fragment they name.
                AddReaders(ReadKind.Target, path);
                for (var folder = WorkspacePaths.FolderOf(path); folder.Length > 0; folder = WorkspacePaths.FolderOf(folder))
                    AddReaders(ReadKind.Target, folder);
            }
            else if (_readers.TryGetValue(new ReadKey(ReadKind.Target, path), out var linkers))
            {
                // Links to one of its anchors whose meaning changed (renamed heading, changed entry words, …).
                var same = new Dictionary<string, bool>(StringComparer.Ordinal);
                foreach (var linker in linkers)
                {
                    if (result.Contains(linker) || !_reads.TryGetValue(linker, out var linkerReads)) continue;
                    foreach (var (target, fragment) in linkerReads.Anchors)
                    {
                        if (target != path) continue;
                        if (!same.TryGetValue(fragment, out bool unchanged)) same[fragment] = unchanged = SameTarget(before, after, old!, now!, fragment);
                        if (unchanged) continue;
                        result.Add(linker);
                        break;
                    }
                }
            }
            if (urlsChanged)
            {
                foreach (var url in urlsBefore.Concat(urlsAfter)) AddReaders(ReadKind.Target, url);
                // A fix writes a term's address only while it leads back to the term's document (LinkTargets.For):
                // the terms of the other documents the address names (claimed, or mapped) may be written another way now.
                foreach (var other in urlsBefore.Concat(urlsAfter).SelectMany(u => Named(before, u).Concat(Named(after, u))).Distinct())
                    if (other != path)
                        foreach (var key in KeysOf(before, before.GetDocument(other)).Concat(KeysOf(after, after.GetDocument(other)))) AddReaders(ReadKind.Word, key);
            }

            // Entry words it defines differently now: other definitions (duplicates) and broken links
            // naming them (their retarget fixes). All of them when the document came, went or moved.
            var changedKeys = addedOrRemoved || urlsChanged
                ? KeysOf(before, old).Concat(KeysOf(after, now)).ToHashSet(StringComparer.Ordinal)
                : ChangedKeys(before, after, old!, now!);
            if (changedKeys.Count > 0 && mentionsOn) return null; // unlinked mentions anywhere may change
            _variants?.AddDependents(before, after, old, now, changedKeys, variantReaders, folds);
            foreach (var key in changedKeys)
            {
                AddReaders(ReadKind.Word, key);
                AddDefiners(before, key, result);
                AddDefiners(after, key, result);
            }
        }
        if (variantsOnly is not null)
            foreach (var path in variantReaders)
                if (result.Add(path)) variantsOnly.Paths.Add(path);
        return result;
    }

    /// <summary>The documents an address names in a snapshot: those claiming it, and the one a link to it leads to.</summary>
    private static IEnumerable<string> Named(GlossaryIndex index, string url) =>
        index.ClaimersOf(url).Append(index.Documents.Values.FirstOrDefault() is { } any ? index.ResolveTarget(any, url).TargetPath : null).OfType<string>();

    private static bool IsSorted(List<string> paths)
    {
        for (int i = 1; i < paths.Count; i++)
            if (string.CompareOrdinal(paths[i - 1], paths[i]) >= 0) return false;
        return true;
    }

    private static void RemoveReader(ImmutableDictionary<ReadKey, ImmutableArray<string>>.Builder readers, ReadKey key, string path)
    {
        if (!readers.TryGetValue(key, out var paths)) return;
        int at = paths.BinarySearch(path, StringComparer.Ordinal);
        if (at < 0) return;
        if (paths.Length == 1) readers.Remove(key);
        else readers[key] = paths.RemoveAt(at);
    }

    /// <summary>Adds a reader of a key; returns the key string the index holds.</summary>
    private static ReadKey AddReader(ImmutableDictionary<ReadKey, ImmutableArray<string>>.Builder readers, ReadKey key, string path)
    {
        if (!readers.TryGetKey(key, out var shared))
        {
            readers[key] = [path];
            return key;
        }
        var paths = readers[shared];
        int at = paths.BinarySearch(path, StringComparer.Ordinal);
        if (at < 0) readers[shared] = paths.Insert(~at, path);
        return shared;
    }

    /// <summary>True when a fragment names the same thing (status, term, heading) in both versions of a document.</summary>
    private static bool SameTarget(GlossaryIndex before, GlossaryIndex after, ParsedDocument old, ParsedDocument now, string fragment)
    {
        if (fragment.Length == 0)
            return SameTerm(old.Kind == DocumentKind.GlossaryPage ? old.Terms.FirstOrDefault() : null, now.Kind == DocumentKind.GlossaryPage ? now.Terms.FirstOrDefault() : null);
        var a = before.ResolveAnchor(old.Path, fragment);
        var b = after.ResolveAnchor(now.Path, fragment);
        return a.Status == b.Status && SameTerm(a.Term, b.Term) && (a.Heading is null) == (b.Heading is null)
               && a.Heading?.Text == b.Heading?.Text && a.Heading?.Slug == b.Heading?.Slug && a.Heading?.ExplicitId == b.Heading?.ExplicitId;
    }

    private static bool SameTerm(TermDefinition? a, TermDefinition? b) => a is null ? b is null : b is not null && a.SameIdentity(b);

    /// <summary>The index's non-empty keys (entry words and readings) of a document's terms.</summary>
    private static IEnumerable<string> KeysOf(GlossaryIndex index, ParsedDocument? doc)
    {
        if (doc is null) yield break;
        var facts = index.FactsOf(doc);
        for (int t = 0; t < facts.TermCount; t++)
            foreach (var key in facts.LookupKeysOf(t)) yield return key;
    }

    /// <summary>The keys of the terms that are not the same (entry words, reading, anchor) in both versions.</summary>
    private static HashSet<string> ChangedKeys(GlossaryIndex before, GlossaryIndex after, ParsedDocument old, ParsedDocument now)
    {
        // The common case (an edit outside the headings): the same terms in the same order.
        if (old.Terms.Length == now.Terms.Length)
        {
            int i = 0;
            while (i < old.Terms.Length && old.Terms[i].SameIdentity(now.Terms[i])) i++;
            if (i == old.Terms.Length) return [];
        }
        var countBefore = CountByIdentity(old.Terms);
        var countAfter = CountByIdentity(now.Terms);
        var changed = new HashSet<string>(StringComparer.Ordinal);
        var oldFacts = before.FactsOf(old);
        for (int t = 0; t < old.Terms.Length; t++)
            if (countAfter.GetValueOrDefault(old.Terms[t]) != countBefore[old.Terms[t]]) changed.UnionWith(oldFacts.LookupKeysOf(t));
        var nowFacts = after.FactsOf(now);
        for (int t = 0; t < now.Terms.Length; t++)
            if (countBefore.GetValueOrDefault(now.Terms[t]) != countAfter[now.Terms[t]]) changed.UnionWith(nowFacts.LookupKeysOf(t));
        return changed;
    }

    private static Dictionary<TermDefinition, int> CountByIdentity(ImmutableArray<TermDefinition> terms)
    {
        var counts = new Dictionary<TermDefinition, int>(terms.Length, TermDefinition.IdentityComparer);
        foreach (var term in terms) counts[term] = counts.GetValueOrDefault(term) + 1;
        return counts;
    }

    private static void AddDefiners(GlossaryIndex index, string key, SortedSet<string> result)
    {
        if (index.EntryWordTable.TryGetValue(key, out var refs))
            foreach (var r in refs) result.Add(r.Path);
    }

    private static bool UsesUrl(ParsedDocument? doc, string url)
    {
        if (doc is null) return false;
        var prefix = LinkAddress.WithoutHash(url);
        foreach (var link in doc.Links)
        {
            if (link.TargetChars.StartsWith(prefix, StringComparison.Ordinal)) return true;
            var raw = link.TargetInSource;
            if (!raw.IsEmpty && raw.StartsWith(prefix, StringComparison.Ordinal)) return true;
        }
        return false;
    }
}
