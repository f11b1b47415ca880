using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Index;

/// <summary>
/// The entry-word keys of a snapshot in ordinal order, for prefix search by binary search (completion,
/// workspace symbols) instead of a scan of every term per keystroke. Built once per set of definitions
/// (<see cref="DerivedTables"/>): snapshots that share their definitions share this list too.
/// </summary>
public sealed class EntryWordList
{
    private EntryWordList(string[] keys) => Keys = keys;

    public string[] Keys { get; }

    /// <summary>The entry word (or reading) of a term whose key is <paramref name="key"/>, as the term spells it.</summary>
    public static string SpellingOf(TermDefinition term, string key, bool isReading)
    {
        if (isReading && term.Reading is { } reading) return reading;
        foreach (var w in term.EntryWords)
            if (TermKey.Normalize(w) == key) return w;
        return term.Headword;
    }

    /// <summary>The index range [Start, End) of the keys that start with <paramref name="keyPrefix"/> (already normalised).</summary>
    public (int Start, int End) PrefixRange(string keyPrefix)
    {
        int start = LowerBound(keyPrefix);
        int end = keyPrefix.Length == 0 ? Keys.Length : LowerBound(keyPrefix + char.MaxValue);
        return (start, Math.Max(start, end));
    }

    /// <summary>True when some key starts with the prefix: one binary search.</summary>
    public bool HasPrefix(string keyPrefix)
    {
        int i = LowerBound(keyPrefix);
        return i < Keys.Length && Keys[i].StartsWith(keyPrefix, StringComparison.Ordinal);
    }

    /// <summary>The sorted keys of an entry-word table (<see cref="GlossaryIndex.EntryWords"/> holds the snapshot's).</summary>
    internal static EntryWordList Of(IReadOnlyDictionary<string, TermRef[]> table)
    {
        var keys = table.Keys.ToArray();
        Array.Sort(keys, StringComparer.Ordinal);
        return new EntryWordList(keys);
    }

    private int LowerBound(string value)
    {
        int lo = 0, hi = Keys.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (string.CompareOrdinal(Keys[mid], value) < 0) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
