using System.Collections.Immutable;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Index;

/// <summary>
/// Where else an entry word is defined, as a reader is shown it (SPEC §7): the nearest few definitions
/// in SPEC §1 order, the nearest few documents, and how many documents there are in all. Made in one
/// pass over the definitions that keeps only the nearest, so a word defined in thousands of documents
/// costs O(definitions), not O(definitions²), and yields a bounded answer.
/// </summary>
public sealed record OtherDefinitions(ImmutableArray<TermRef> Nearest, ImmutableArray<string> NearestDocuments, int DocumentCount)
{
    /// <summary>
    /// Above this many definitions of a key, what is seen from one folder is worked out once per folder
    /// (<see cref="GlossaryIndex.OtherDefinitionsOf"/>): every document of the folder sees the same order.
    /// </summary>
    internal const int SharedAbove = 64;

    /// <summary>
    /// The definitions in <paramref name="refs"/> (one key's, in path order, as the entry-word table holds
    /// them) outside <paramref name="fromPath"/>, readings left out.
    /// </summary>
    public static OtherDefinitions Of(TermRef[] refs, string fromPath, int maxDefinitions = OutputBounds.RelatedLocations, int maxDocuments = OutputBounds.NamedDocuments)
    {
        var order = new NearestOrder(fromPath);
        return Collect(refs, ref order, fromPath, maxDefinitions, maxDocuments);
    }

    /// <summary>
    /// The other documents that define one of <paramref name="term"/>'s entry words (as an entry word or
    /// a reading), nearest to the term's document first; <see cref="Nearest"/> is empty.
    /// </summary>
    public static OtherDefinitions DocumentsDefining(GlossaryIndex index, TermDefinition term, int maxDocuments = OutputBounds.NamedDocuments)
    {
        var documents = DocumentsWithAny(index, KeysOf(index, term));
        var order = new NearestOrder(term.DocumentPath);
        var nearest = new NearestFirst(maxDocuments);
        int count = 0;
        foreach (var path in documents)
        {
            if (path == term.DocumentPath) continue;
            count++;
            nearest.Offer(order.Distance(path), new TermRef(path, 0));
        }
        return new OtherDefinitions([], nearest.Paths(), count);
    }

    /// <summary>How many documents other than <paramref name="path"/> define one of <paramref name="keys"/> (as an entry word or a reading).</summary>
    public static int CountDocumentsDefining(GlossaryIndex index, string path, IEnumerable<string> keys)
    {
        var documents = DocumentsWithAny(index, keys);
        return documents.Length - (Array.BinarySearch(documents, path, StringComparer.Ordinal) >= 0 ? 1 : 0);
    }

    /// <summary>
    /// The definitions of <paramref name="refs"/> seen from any document of <paramref name="folder"/>, with
    /// room to take one document's own out afterwards (<see cref="Without"/>).
    /// </summary>
    internal static OtherDefinitions FromFolder(TermRef[] refs, string folder)
    {
        int most = 1, run = 0;
        string? last = null;
        foreach (var r in refs)
        {
            if (r.IsReading) continue;
            run = r.Path == last ? run + 1 : 1;
            last = r.Path;
            most = Math.Max(most, run);
        }
        var order = NearestOrder.FromFolder(folder);
        return Collect(refs, ref order, null, OutputBounds.RelatedLocations + most, OutputBounds.NamedDocuments + 1);
    }

    /// <summary>These definitions (made by <see cref="FromFolder"/> for the folder of <paramref name="path"/>) without those of <paramref name="path"/>.</summary>
    internal OtherDefinitions Without(string path, TermRef[] refs, int maxDefinitions)
    {
        // The definitions are in path order: the path's own are a run found by binary search.
        int lo = 0, hi = refs.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (string.CompareOrdinal(refs[mid].Path, path) < 0) lo = mid + 1;
            else hi = mid;
        }
        bool defines = false;
        for (int i = lo; i < refs.Length && refs[i].Path == path && !defines; i++) defines = !refs[i].IsReading;
        return new OtherDefinitions(
            [.. Nearest.Where(r => r.Path != path).Take(Math.Min(maxDefinitions, OutputBounds.RelatedLocations))],
            [.. NearestDocuments.Where(p => p != path).Take(OutputBounds.NamedDocuments)],
            DocumentCount - (defines ? 1 : 0));
    }

    private static OtherDefinitions Collect(TermRef[] refs, ref NearestOrder order, string? fromPath, int maxDefinitions, int maxDocuments)
    {
        var nearest = new NearestFirst(maxDefinitions);
        var documents = new NearestFirst(maxDocuments);
        int count = 0;
        string? last = null;
        foreach (var r in refs)
        {
            if (r.IsReading || r.Path == fromPath) continue;
            int distance = order.Distance(r.Path);
            nearest.Offer(distance, r);
            if (r.Path == last) continue;
            last = r.Path;
            count++;
            documents.Offer(distance, r);
        }
        return new OtherDefinitions(nearest.Refs(), documents.Paths(), count);
    }

    /// <summary>
    /// The documents that define one of the keys, in path order. A set of keys defined more than
    /// <see cref="SharedAbove"/> times is worked out once per derived tables: every copy of a term defined in
    /// thousands of documents asks for the same set.
    /// </summary>
    private static string[] DocumentsWithAny(GlossaryIndex index, IEnumerable<string> keys)
    {
        var distinct = keys.Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var lists = new List<TermRef[]>(distinct.Count);
        int total = 0;
        foreach (var key in distinct)
            if (index.EntryWordTable.TryGetValue(key, out var refs)) { lists.Add(refs); total += refs.Length; }
        if (total <= SharedAbove) return PathsOf(lists);
        distinct.Sort(StringComparer.Ordinal);
        return index.DocumentsWithAny(string.Join('\n', distinct), () => PathsOf(lists));
    }

    private static string[] PathsOf(List<TermRef[]> lists)
    {
        var paths = new List<string>();
        foreach (var refs in lists)
            foreach (var r in refs) paths.Add(r.Path);
        paths.Sort(StringComparer.Ordinal);
        int kept = 0;
        for (int i = 0; i < paths.Count; i++)
            if (kept == 0 || paths[i] != paths[kept - 1]) paths[kept++] = paths[i];
        return [.. paths.Take(kept)];
    }

    /// <summary>The keys of a term's entry words: the index's own when it holds the term, else normalised here.</summary>
    private static IEnumerable<string> KeysOf(GlossaryIndex index, TermDefinition term)
    {
        if (index.GetDocument(term.DocumentPath) is { } doc)
            for (int t = 0; t < doc.Terms.Length; t++)
                if (ReferenceEquals(doc.Terms[t], term))
                    return index.FactsOf(doc).KeysOf(t).ToArray().Where(k => k.Length > 0);
        return term.EntryWords.Select(TermKey.Normalize).Where(k => k.Length > 0);
    }

    /// <summary>The nearest <c>max</c> definitions offered, in order: a sorted list that drops its last.</summary>
    private sealed class NearestFirst(int max)
    {
        private readonly List<(int Distance, TermRef Ref)> _items = new(Math.Min(max, 32));

        public void Offer(int distance, TermRef r)
        {
            if (max <= 0) return;
            if (_items.Count == max && Compare((distance, r), _items[^1]) >= 0) return;
            int at = _items.Count;
            while (at > 0 && Compare((distance, r), _items[at - 1]) < 0) at--;
            _items.Insert(at, (distance, r));
            if (_items.Count > max) _items.RemoveAt(max);
        }

        public ImmutableArray<TermRef> Refs() => [.. _items.Select(i => i.Ref)];

        public ImmutableArray<string> Paths() => [.. _items.Select(i => i.Ref.Path)];

        private static int Compare((int Distance, TermRef Ref) a, (int Distance, TermRef Ref) b)
        {
            int c = NearestOrder.Compare(a.Distance, a.Ref.Path, b.Distance, b.Ref.Path);
            return c != 0 ? c : a.Ref.Index.CompareTo(b.Ref.Index);
        }
    }
}
