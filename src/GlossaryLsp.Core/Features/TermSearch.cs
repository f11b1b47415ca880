using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Features;

/// <summary>A term found by <see cref="TermSearch.ByPrefix"/>, with the entry word or reading that matched, as the term spells it.</summary>
public sealed record TermMatch(TermDefinition Term, string Matched, bool IsReading);

/// <summary>
/// Terms whose entry words or readings start with a prefix, compared as completion compares them
/// (<see cref="TermKey"/>: NFKC, case, '-'/'_'/space alike, hiragana = katakana), by binary search in
/// the snapshot's sorted keys (<see cref="EntryWordList"/>). Each term once, in key order.
/// </summary>
public static class TermSearch
{
    public static IReadOnlyList<TermMatch> ByPrefix(GlossaryIndex index, string prefix, int limit)
    {
        var key = TermKey.Normalize(prefix);
        var result = new List<TermMatch>();
        if (key.Length == 0 || limit <= 0) return result;
        var words = index.EntryWords;
        var seen = new HashSet<(string, int)>();
        var (start, end) = words.PrefixRange(key);
        for (int i = start; i < end && result.Count < limit; i++)
        {
            foreach (var r in index.EntryWordTable[words.Keys[i]].OrderBy(r => r.Path, StringComparer.Ordinal).ThenBy(r => r.Index))
            {
                if (result.Count == limit || !seen.Add((r.Path, r.Index))) continue;
                var term = index.Resolve(r);
                result.Add(new TermMatch(term, EntryWordList.SpellingOf(index, r, words.Keys[i]), r.IsReading));
            }
        }
        return result;
    }
}
