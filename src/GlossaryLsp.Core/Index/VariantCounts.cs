using System.Collections.Immutable;

namespace GlossaryLsp.Core.Index;

/// <summary>
/// How many distinct entry-word keys share each <see cref="DocumentFacts.VariantHash"/>: a word whose
/// count is over one may be a notation variant of another entry word (GL0013's near-duplicate
/// definitions), and only then is the trie walked to say which. Counted while the entry-word table is
/// built, then carried from snapshot to snapshot with the changed documents' keys (a base table and an
/// overlay of the counts changed since, like <see cref="OverlayTable{TValue}"/>). Immutable.
/// </summary>
internal sealed class VariantCounts
{
    private readonly Dictionary<int, int> _base;
    private readonly ImmutableDictionary<int, int> _overlay;

    private VariantCounts(Dictionary<int, int> @base, ImmutableDictionary<int, int> overlay)
    {
        _base = @base;
        _overlay = overlay;
    }

    /// <summary>The number of live entry-word keys with this hash (0 for the hash 0: no variants).</summary>
    public int this[int hash] => hash == 0 ? 0 : _overlay.TryGetValue(hash, out int n) ? n : _base.GetValueOrDefault(hash);

    /// <summary>The counts of a table just built (see <see cref="DocumentFacts.AddTo"/>); the dictionary is not changed after.</summary>
    public static VariantCounts Of(Dictionary<int, int> counts) => new(counts, ImmutableDictionary<int, int>.Empty);

    /// <summary>The counts with these changes (hash, +1 or -1) applied.</summary>
    public VariantCounts With(IEnumerable<(int Hash, int Delta)> changes)
    {
        var overlay = _overlay.ToBuilder();
        bool any = false;
        foreach (var (hash, delta) in changes)
        {
            if (hash == 0 || delta == 0) continue;
            overlay[hash] = (overlay.TryGetValue(hash, out int changed) ? changed : this[hash]) + delta;
            any = true;
        }
        if (!any) return this;
        if (overlay.Count <= Math.Max(1024, _base.Count / 8)) return new VariantCounts(_base, overlay.ToImmutable());
        var merged = new Dictionary<int, int>(_base);
        foreach (var (hash, n) in overlay) merged[hash] = n;
        return new VariantCounts(merged, ImmutableDictionary<int, int>.Empty);
    }
}
