using System.Collections.Immutable;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Features;

/// <summary>Identifies a term for a client without holding the parse.</summary>
public readonly record struct TermDefinitionRef(string Path, string Headword);

/// <summary>
/// Workspace symbols: fuzzy search over every entry word and reading (kana-folded, case-insensitive):
/// keys that start with the query first (by binary search), then keys containing it, then keys that
/// contain its characters in order; at most <see cref="MaxResults"/>.
/// </summary>
public static class WorkspaceSymbolService
{
    public const int MaxResults = 200;

    public static ImmutableArray<TermSymbol> Search(GlossaryIndex index, string query)
    {
        var words = index.EntryWords;
        var key = TermKey.Normalize(query);
        var result = ImmutableArray.CreateBuilder<TermSymbol>();
        var taken = new HashSet<int>();
        var (start, end) = words.PrefixRange(key);
        for (int i = start; i < end && result.Count < MaxResults; i++)
        {
            taken.Add(i);
            AddKey(index, words.Keys[i], result);
        }
        if (key.Length == 0) return Cap(result);
        var keys = words.Keys;
        for (int i = 0; i < keys.Length && result.Count < MaxResults; i++)
            if (!taken.Contains(i) && keys[i].Contains(key, StringComparison.Ordinal)) { taken.Add(i); AddKey(index, keys[i], result); }
        for (int i = 0; i < keys.Length && result.Count < MaxResults; i++)
            if (!taken.Contains(i) && IsSubsequence(key, keys[i])) AddKey(index, keys[i], result);
        return Cap(result);
    }

    /// <summary>True when every character of <paramref name="query"/> occurs in <paramref name="key"/> in order (spaces ignored).</summary>
    internal static bool IsSubsequence(string query, string key)
    {
        int k = 0;
        foreach (char c in query)
        {
            if (c == ' ') continue;
            k = key.IndexOf(c, k);
            if (k < 0) return false;
            k++;
        }
        return true;
    }

    private static ImmutableArray<TermSymbol> Cap(ImmutableArray<TermSymbol>.Builder result) =>
        result.Count > MaxResults ? [.. result.Take(MaxResults)] : result.ToImmutable();

    private static void AddKey(GlossaryIndex index, string key, ImmutableArray<TermSymbol>.Builder result)
    {
        foreach (var r in index.EntryWordTable[key])
        {
            var term = index.Resolve(r);
            var name = EntryWordList.SpellingOf(index, r, key);
            var detail = name == term.Headword ? EntryWordList.DescribeAliases(term) : term.Headword;
            result.Add(new TermSymbol(name, detail, term.DocumentPath, term.NameSpan, new TermDefinitionRef(term.DocumentPath, term.Headword)));
        }
    }
}

/// <summary>A term found by workspace symbol search, named by the entry word (or reading) that matched.</summary>
public sealed record TermSymbol(string Name, string? Detail, string Path, TextSpan NameSpan, TermDefinitionRef Term);
