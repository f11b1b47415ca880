using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Index;

/// <summary>
/// An immutable trie of strings in compact arrays: the children of a node are contiguous and sorted by
/// char, so a step is a binary search. Built from the sorted keys breadth-first in linear time, into
/// arrays of the exact size (the node count is known from the keys' common prefixes), with no growing
/// lists while building.
/// </summary>
internal sealed class KeyTrie
{
    private const int FoldStartBits = 1 << 20;
    private const char FoldEnd = '\uFFFF';

    /// <summary>The first child of each node; breadth-first numbering makes node i's children end where node i+1's begin (one extra entry closes the last).</summary>
    private readonly int[] _firstChild;
    private readonly char[] _label;
    /// <summary>The index in <see cref="_keys"/> of the key ending at each node, or -1.</summary>
    private readonly int[] _keyIndex;
    private readonly string[] _keys;
    /// <summary>
    /// A hashed bit per pair of chars a key's <see cref="VariantFold"/> starts with (a key folding to one char: that
    /// char and <see cref="FoldEnd"/>): a text position where the fold's pair has no bit starts no key, exact or variant.
    /// </summary>
    private readonly ulong[] _foldStarts = new ulong[FoldStartBits / 64];
    /// <summary>The root's child for each char, or -1, when the root has many children: its step is then one read, not a search.</summary>
    private readonly int[]? _rootChild;
    /// <summary>A bit per node: set when one of its children is a char <see cref="VariantFold"/> changes or removes (ー, separators, ヴ, small vowels).</summary>
    private readonly ulong[] _foldSensitive;

    private KeyTrie(int[] firstChild, char[] label, int[] keyIndex, string[] keys)
    {
        _firstChild = firstChild;
        _label = label;
        _keyIndex = keyIndex;
        _keys = keys;
        if (firstChild[1] - firstChild[0] > 64)
        {
            _rootChild = new int[char.MaxValue + 1];
            Array.Fill(_rootChild, -1);
            for (int child = firstChild[0]; child < firstChild[1]; child++) _rootChild[label[child]] = child;
        }
        _foldSensitive = new ulong[(label.Length + 63) / 64];
        for (int node = 0; node < label.Length; node++)
            for (int child = firstChild[node]; child < firstChild[node + 1]; child++)
                if (label[child] is VariantFold.ProlongedSoundMark or VariantFold.MiddleDot or ' ' or 'ヴ' || VariantFold.IsSmallVowel(label[child]))
                {
                    _foldSensitive[node >> 6] |= 1UL << (node & 63);
                    break;
                }
        // A large trie's keys are folded on all cores (the automaton of a snapshot is built while its readers wait).
        if (keys.Length < 8192) MarkFoldStarts(keys, 0, keys.Length, _foldStarts);
        else Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, keys.Length, keys.Length / 8), r => MarkFoldStarts(keys, r.Item1, r.Item2, _foldStarts));
    }

    public int KeyCount => _keys.Length;

    public static KeyTrie Build(List<string> keys)
    {
        SortInParallel(keys); // the caller's list: callers pass a list of their own
        int distinct = 0;
        for (int i = 0; i < keys.Count; i++)
            if (distinct == 0 || !string.Equals(keys[i], keys[distinct - 1], StringComparison.Ordinal)) keys[distinct++] = keys[i];
        keys.RemoveRange(distinct, keys.Count - distinct);
        // Every key adds one node per char after its common prefix with the previous key.
        long nodes = 1;
        for (int i = 0; i < keys.Count; i++)
            nodes += keys[i].Length - (i == 0 ? 0 : keys[i].AsSpan().CommonPrefixLength(keys[i - 1]));
        if (nodes > Array.MaxLength - 1) throw new InvalidOperationException($"too many entry-word characters for one trie ({nodes:N0} nodes)");
        var firstChild = new int[nodes + 1];
        var label = new char[nodes];
        var keyIndex = new int[nodes];
        Array.Fill(keyIndex, -1);
        // The keys side by side in one buffer: each level of the walk below reads one char of every key in order,
        // a stream through memory rather than a visit to each string object.
        var starts = new int[keys.Count + 1];
        for (int i = 0; i < keys.Count; i++) starts[i + 1] = starts[i] + keys[i].Length;
        var chars = new char[starts[keys.Count]];
        for (int i = 0; i < keys.Count; i++) keys[i].CopyTo(chars.AsSpan(starts[i]));
        int count = 1;
        var queue = new Queue<(int Node, int Lo, int Hi, int Depth)>((int)Math.Min(nodes, 1 << 16));
        queue.Enqueue((0, 0, keys.Count, 0));
        while (queue.Count > 0)
        {
            var (node, lo, hi, depth) = queue.Dequeue();
            if (lo < hi && starts[lo + 1] - starts[lo] == depth) keyIndex[node] = lo++;
            firstChild[node] = count;
            for (int g = lo; g < hi;)
            {
                char c = chars[starts[g] + depth];
                int end = g + 1;
                while (end < hi && chars[starts[end] + depth] == c) end++;
                int child = count++;
                label[child] = c;
                queue.Enqueue((child, g, end, depth + 1));
                g = end;
            }
        }
        firstChild[nodes] = count;
        return new KeyTrie(firstChild, label, keyIndex, [.. keys]);
    }

    /// <summary>The child of <paramref name="node"/> (0 = root) for <paramref name="c"/>, or -1.</summary>
    public int Step(int node, char c)
    {
        if (node == 0 && _rootChild is { } root) return root[c];
        int lo = _firstChild[node], hi = _firstChild[node + 1] - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            char m = _label[mid];
            if (m == c) return mid;
            if (m < c) lo = mid + 1; else hi = mid - 1;
        }
        return -1;
    }

    /// <summary>False when no key's variant fold starts with <paramref name="c"/> followed by <paramref name="next"/> (or is just <paramref name="c"/>).</summary>
    public bool MayStartFold(char c, char next)
    {
        int pair = FoldStartBit(c, next), single = FoldStartBit(c, FoldEnd);
        return (_foldStarts[pair >> 6] & (1UL << (pair & 63))) != 0 || (_foldStarts[single >> 6] & (1UL << (single & 63))) != 0;
    }

    /// <summary>False when <paramref name="node"/> has no child for <paramref name="c"/>, decided from the range of its children's labels (no search).</summary>
    public bool MayHaveChild(int node, char c)
    {
        int lo = _firstChild[node], hi = _firstChild[node + 1] - 1;
        return lo <= hi && _label[lo] <= c && c <= _label[hi];
    }

    /// <summary>
    /// False when no child of <paramref name="node"/> is a char the variant fold changes or removes: then the fold
    /// of a text can only go on from it by the very char the text has.
    /// </summary>
    public bool HasFoldSensitiveChild(int node) => (_foldSensitive[node >> 6] & (1UL << (node & 63))) != 0;

    /// <summary>The key that ends at this node, if any.</summary>
    public string? KeyAt(int node) => _keyIndex[node] is var k and >= 0 ? _keys[k] : null;

    public bool Contains(string key)
    {
        int node = 0;
        foreach (char c in key)
            if ((node = Step(node, c)) < 0) return false;
        return _keyIndex[node] >= 0;
    }

    /// <summary>Ordinal sort: the keys grouped by first char, the groups sorted on all cores, then joined in order.</summary>
    private static void SortInParallel(List<string> keys)
    {
        if (keys.Count < 20_000)
        {
            keys.Sort(StringComparer.Ordinal);
            return;
        }
        var groups = keys.GroupBy(k => k.Length == 0 ? '\0' : k[0]).OrderBy(g => g.Key).Select(g => g.ToList()).ToArray();
        Parallel.ForEach(groups, g => g.Sort(StringComparer.Ordinal));
        keys.Clear();
        foreach (var g in groups) keys.AddRange(g);
    }

    private static void MarkFoldStarts(string[] keys, int from, int to, ulong[] starts)
    {
        Span<char> fold = stackalloc char[64];
        for (int i = from; i < to; i++)
        {
            var key = keys[i];
            int n = VariantFold.Fold(key.Length <= fold.Length ? key.AsSpan() : key.AsSpan(0, fold.Length), fold, default, default);
            if (n == 0) continue;
            int bit = FoldStartBit(fold[0], n > 1 ? fold[1] : FoldEnd);
            Interlocked.Or(ref starts[bit >> 6], 1UL << (bit & 63));
        }
    }

    private static int FoldStartBit(char c, char next) => (int)(((uint)c * 0x9E3779B1u ^ (uint)next * 0x85EBCA6Bu) >> 12);
}
