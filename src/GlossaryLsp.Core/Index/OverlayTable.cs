using System.Collections;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace GlossaryLsp.Core.Index;

/// <summary>
/// A string-keyed map made for a snapshot that changes a few keys at a time (entry-word keys, document
/// paths): a hash table built once plus a persistent overlay of the keys changed since. A change makes
/// a new table that shares the base and adds to the overlay (O(changed keys)); when the overlay grows
/// past an eighth of the base, the next change folds it into a new base. Building the base is one
/// pass, much cheaper in time and memory than a persistent map of every key, and a look-up is one
/// hash look-up while the overlay is empty. Immutable: readers share a table without locks.
/// </summary>
internal sealed class OverlayTable<TValue> : IReadOnlyDictionary<string, TValue> where TValue : class
{
    /// <summary>Never changed once the constructor returns.</summary>
    private readonly Dictionary<string, TValue> _base;
    /// <summary>Keys changed since the base was built: the new definitions, or null when the key is gone.</summary>
    private readonly ImmutableDictionary<string, TValue?> _overlay;

    public OverlayTable(Dictionary<string, TValue> @base) : this(@base, ImmutableDictionary.Create<string, TValue?>(StringComparer.Ordinal), @base.Count) { }

    private OverlayTable(Dictionary<string, TValue> @base, ImmutableDictionary<string, TValue?> overlay, int count)
    {
        _base = @base;
        _overlay = overlay;
        Count = count;
    }

    public int Count { get; }

    public IEnumerable<string> Keys => this.Select(kv => kv.Key);

    public IEnumerable<TValue> Values => this.Select(kv => kv.Value);

    public TValue this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No entry with the key '{key}'.");

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TValue value)
    {
        if (!_overlay.IsEmpty && _overlay.TryGetValue(key, out var changed))
        {
            value = changed;
            return changed is not null;
        }
        return _base.TryGetValue(key, out value);
    }

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    /// <summary><see cref="TryGetValue(string, out TValue)"/> for a key given as chars (no string made while the overlay is empty).</summary>
    public bool TryGetValue(ReadOnlySpan<char> key, [MaybeNullWhen(false)] out TValue value)
    {
        if (!_overlay.IsEmpty) return TryGetValue(key.ToString(), out value);
        return _base.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out value);
    }

    public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator()
    {
        if (_overlay.IsEmpty)
        {
            foreach (var kv in _base) yield return kv;
            yield break;
        }
        foreach (var (key, value) in _overlay)
            if (value is not null) yield return KeyValuePair.Create(key, value);
        foreach (var kv in _base)
            if (!_overlay.ContainsKey(kv.Key)) yield return kv;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The table with these keys set to new values (null: the key is gone).</summary>
    public OverlayTable<TValue> With(IEnumerable<KeyValuePair<string, TValue?>> changes)
    {
        var overlay = _overlay.ToBuilder();
        int count = Count;
        bool any = false;
        foreach (var (key, value) in changes)
        {
            var now = value;
            bool had = ContainsKey(key);
            if (!had && now is null) continue;
            count += (now is null ? 0 : 1) - (had ? 1 : 0);
            // A key back to what the base holds needs no overlay entry.
            if (now is not null && _base.TryGetValue(key, out var original) && ReferenceEquals(original, now)) overlay.Remove(key);
            else if (now is null && !_base.ContainsKey(key)) overlay.Remove(key);
            else overlay[key] = now;
            any = true;
        }
        if (!any) return this;
        var next = new OverlayTable<TValue>(_base, overlay.ToImmutable(), count);
        return next._overlay.Count > Math.Max(1024, _base.Count / 8) ? next.Compacted() : next;
    }

    /// <summary>The same entries with the overlay folded into a new base.</summary>
    private OverlayTable<TValue> Compacted()
    {
        var merged = new Dictionary<string, TValue>(Count, StringComparer.Ordinal);
        foreach (var (key, value) in this) merged[key] = value;
        return new OverlayTable<TValue>(merged);
    }
}
