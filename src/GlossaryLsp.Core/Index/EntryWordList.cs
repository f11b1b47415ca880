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

    /// <summary>
    /// The spelling of the entry word (or reading) that <paramref name="r"/> lists under <paramref name="key"/>,
    /// found among the index's keys of the term rather than by normalising each of its words.
    /// </summary>
    public static string SpellingOf(GlossaryIndex index, TermRef r, string key)
    {
        var term = index.Resolve(r);
        if (r.IsReading && term.Reading is { } reading) return reading;
        var keys = index.FactsOf(index.Documents[r.Path]).KeysOf(r.Index);
        int at = keys.IndexOf(key);
        return at > 0 && at <= term.Aliases.Length ? term.Aliases[at - 1] : term.Headword;
    }

    /// <summary>A term's entry words as a detail line: "headword | alias | …", the first <see cref="OutputBounds.NamedEntryWords"/> and how many more.</summary>
    public static string Describe(TermDefinition term) =>
        NameList.Join(term.EntryWords, term.Aliases.Length + 1, OutputBounds.NamedEntryWords, " | ", " | ");

    /// <summary>A term's aliases as a detail line, bounded like <see cref="Describe"/>; null when it has none.</summary>
    public static string? DescribeAliases(TermDefinition term) =>
        term.Aliases.Length == 0 ? null : NameList.Join(term.Aliases, term.Aliases.Length, OutputBounds.NamedEntryWords, " | ", " | ");

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
