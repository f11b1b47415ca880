namespace GlossaryLsp.Core.Index;

/// <summary>
/// The entry words of a snapshot as a trie (readings excluded), made once per entry-word table by
/// <see cref="DerivedTables"/>. When definitions change, the next tables' automaton re-uses an earlier
/// trie of the same workspace (<see cref="AutomatonSeed"/>) and adds a small overlay trie of the keys
/// of the documents that changed; keys that are gone are filtered out when matched (<see cref="IsLive"/>).
/// A full build happens only when the overlay or the stale part grows large, so an edit costs the
/// changed documents' keys, not every key of the workspace.
/// </summary>
internal sealed class MentionAutomaton
{
    private readonly OverlayTable<TermRef[]> _table;
    /// <summary>True when the trie was built from this very table: every key of it is live.</summary>
    private readonly bool _builtFromTable;

    private MentionAutomaton(OverlayTable<TermRef[]> table, KeyTrie @base, string[] added, bool builtFromTable = false)
    {
        _table = table;
        _builtFromTable = builtFromTable;
        Base = @base;
        Added = added;
        Overlay = added.Length == 0 ? null : KeyTrie.Build([.. added]);
    }

    public KeyTrie Base { get; }
    public KeyTrie? Overlay { get; }
    /// <summary>The keys of <see cref="Overlay"/>, possibly repeated.</summary>
    public string[] Added { get; }

    public bool IsEmpty => Base.KeyCount == 0 && Overlay is null;

    /// <summary>The automaton of an entry-word table: derived from <paramref name="seed"/> when that is still small, else built.</summary>
    public static MentionAutomaton Create(OverlayTable<TermRef[]> table, AutomatonSeed? seed)
    {
        // Keys of the trie that are no longer entry words only cost a look-up when matched, but not too many.
        if (seed is not null && seed.Base.KeyCount + seed.Added.Length - table.Count <= AutomatonSeed.Limit(seed.Base))
            return new MentionAutomaton(table, seed.Base, seed.Added);
        var keys = new List<string>(table.Count);
        foreach (var (key, refs) in table)
            if (key.Length > 0 && IsMention(refs)) keys.Add(key);
        return Of(table, KeyTrie.Build(keys));
    }

    /// <summary>The automaton of a table whose entry-word keys (not the reading-only ones) <paramref name="trie"/> holds.</summary>
    public static MentionAutomaton Of(OverlayTable<TermRef[]> table, KeyTrie trie) => new(table, trie, [], builtFromTable: true);

    /// <summary>True when a key of <see cref="Base"/> or <see cref="Overlay"/> is still an entry word (not only a reading) of this automaton's snapshot.</summary>
    public bool IsLive(string key) => _builtFromTable || (_table.TryGetValue(key, out var refs) && IsMention(refs));

    /// <summary><see cref="IsLive(string)"/> for a key given as chars.</summary>
    public bool IsLive(ReadOnlySpan<char> key) => _table.TryGetValue(key, out var refs) && IsMention(refs);

    private static bool IsMention(TermRef[] refs) => Array.Exists(refs, r => !r.IsReading);
}

/// <summary>What a later automaton derives from: an earlier trie and the keys of the documents changed since, not in it.</summary>
internal sealed class AutomatonSeed(KeyTrie @base, string[] added)
{
    public KeyTrie Base { get; } = @base;
    public string[] Added { get; } = added;

    /// <summary>How many keys an overlay (or a trie's stale part) may hold before a full build is cheaper.</summary>
    public static int Limit(KeyTrie @base) => Math.Max(1000, @base.KeyCount / 20);

    public static AutomatonSeed From(MentionAutomaton automaton) => new(automaton.Base, automaton.Added);

    /// <summary>This seed plus a changed document's entry-word keys; null when the overlay would grow past <see cref="Limit"/>.</summary>
    public AutomatonSeed? With(DocumentFacts? changed)
    {
        if (changed is null) return this;
        var added = new List<string>(Added);
        foreach (var key in changed.WordKeys)
            if (key.Length > 0 && !Base.Contains(key)) added.Add(key);
        if (added.Count > Limit(Base)) return null;
        return added.Count == Added.Length ? this : new AutomatonSeed(Base, [.. added]);
    }
}
