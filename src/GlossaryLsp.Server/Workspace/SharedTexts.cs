// While a folder loads, an editor sends a didOpen for each file it has open, and those wait in the
// queue behind the load. Their texts are usually the files' own: whichever of the two is decoded
// second (the didOpen's, as StreamJsonRpc reads its params, or the file's, as the loader reads it)
// is exchanged for the first, so the workspace is not held twice while the didOpens wait (see
// docs/PERFORMANCE.md, "Opening every file while indexing"). Keyed by content only; thread-safe.
using System.Collections.Concurrent;

namespace GlossaryLsp.Server.Workspace;

internal sealed class SharedTexts
{
    private volatile ConcurrentDictionary<string, string>? _texts;

    /// <summary>Until <see cref="EndLoad"/>, equal texts are shared.</summary>
    public void BeginLoad() => _texts = new ConcurrentDictionary<string, string>(SampledComparer.Instance);

    public void EndLoad() => _texts = null;

    /// <summary>An equal text seen before during this load, else <paramref name="text"/> itself (any thread).</summary>
    public string Share(string text) => _texts is { } texts ? texts.GetOrAdd(text, text) : text;

    /// <summary>Ordinal equality, hashed on the length and a few slices: a text is hashed in constant time, not read whole twice.</summary>
    private sealed class SampledComparer : IEqualityComparer<string>
    {
        public static readonly SampledComparer Instance = new();
        private const int Slice = 64;

        public bool Equals(string? x, string? y) => string.Equals(x, y, StringComparison.Ordinal);

        public int GetHashCode(string text)
        {
            var span = text.AsSpan();
            if (span.Length <= 3 * Slice) return string.GetHashCode(span);
            int middle = span.Length / 2 - Slice / 2;
            return HashCode.Combine(span.Length, string.GetHashCode(span[..Slice]), string.GetHashCode(span.Slice(middle, Slice)), string.GetHashCode(span[^Slice..]));
        }
    }
}
