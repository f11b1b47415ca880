using System.Collections.Concurrent;

namespace GlossaryLsp.Server.Diagnostics;

/// <summary>
/// Pull mode: the result id of each document as the client last pulled it, by URI. A pass that changes
/// a pulled document's results for another reason than its own edit asks the client to pull again.
/// </summary>
internal sealed class PullLedger
{
    private readonly ConcurrentDictionary<string, string> _pulled = new(StringComparer.Ordinal);

    public void Pulled(string uri, string resultId) => _pulled[uri] = resultId;

    public bool TryGet(string uri, out string resultId) => _pulled.TryGetValue(uri, out resultId!);

    /// <summary>Forgets the documents not in <paramref name="live"/>; true when there was one (the client should pull again).</summary>
    public bool Retain(IReadOnlySet<string> live)
    {
        bool any = false;
        foreach (var gone in _pulled.Keys.Where(u => !live.Contains(u)).ToList())
        {
            _pulled.TryRemove(gone, out _);
            any = true;
        }
        return any;
    }
}
