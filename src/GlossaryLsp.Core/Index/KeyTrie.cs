namespace GlossaryLsp.Core.Index;

/// <summary>
/// An immutable trie of strings in compact arrays: the children of a node are contiguous and sorted by
/// char, so a step is a binary search. Built from the sorted keys breadth-first in linear time, into
/// arrays of the exact size (the node count is known from the keys' common prefixes), with no growing
/// lists while building.
/// </summary>
internal sealed class KeyTrie
{
    /// <summary>The first child of each node; breadth-first numbering makes node i's children end where node i+1's begin (one extra entry closes the last).</summary>
    private readonly int[] _firstChild;
    private readonly char[] _label;
    /// <summary>The index in <see cref="_keys"/> of the key ending at each node, or -1.</summary>
    private readonly int[] _keyIndex;
    private readonly string[] _keys;
    /// <summary>One bit per char: does a key start with it (the root's children, looked up without a search).</summary>
    private readonly ulong[] _starts = new ulong[1024];

    private KeyTrie(int[] firstChild, char[] label, int[] keyIndex, string[] keys)
    {
        _firstChild = firstChild;
        _label = label;
        _keyIndex = keyIndex;
        _keys = keys;
        for (int i = firstChild[0]; i < firstChild[1]; i++) _starts[label[i] >> 6] |= 1UL << (label[i] & 63);
    }

    public int KeyCount => _keys.Length;

    public static KeyTrie Build(List<string> keys)
    {
        keys.Sort(StringComparer.Ordinal); // the caller's list: callers pass a list of their own
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
        int count = 1;
        var queue = new Queue<(int Node, int Lo, int Hi, int Depth)>();
        queue.Enqueue((0, 0, keys.Count, 0));
        while (queue.Count > 0)
        {
            var (node, lo, hi, depth) = queue.Dequeue();
            if (lo < hi && keys[lo].Length == depth) keyIndex[node] = lo++;
            firstChild[node] = count;
            for (int g = lo; g < hi;)
            {
                char c = keys[g][depth];
                int end = g + 1;
                while (end < hi && keys[end][depth] == c) end++;
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

    /// <summary>True when some key starts with <paramref name="c"/>.</summary>
    public bool Starts(char c) => (_starts[c >> 6] & (1UL << (c & 63))) != 0;

    /// <summary>False when <paramref name="node"/> has no child for <paramref name="c"/>, decided from the range of its children's labels (no search).</summary>
    public bool MayHaveChild(int node, char c)
    {
        int lo = _firstChild[node], hi = _firstChild[node + 1] - 1;
        return lo <= hi && _label[lo] <= c && c <= _label[hi];
    }

    /// <summary>The key that ends at this node, if any.</summary>
    public string? KeyAt(int node) => _keyIndex[node] is var k and >= 0 ? _keys[k] : null;

    public bool Contains(string key)
    {
        int node = 0;
        foreach (char c in key)
            if ((node = Step(node, c)) < 0) return false;
        return _keyIndex[node] >= 0;
    }
}
