using System.Collections.Concurrent;

namespace GlossaryLsp.Server.Diagnostics;

/// <summary>
/// Pull mode: the result id of each document as the client last pulled it, and the editor's version it
/// pulled (null for a document not open), by URI. A pass that changes a pulled document's results while
/// the client has not changed its text since (it pulls again by itself after its own edits) asks the
/// client to pull again.
/// </summary>
internal sealed class PullLedger
{
    private readonly ConcurrentDictionary<string, (string ResultId, int? Version)> _pulled = new(StringComparer.Ordinal);

    public void Pulled(string uri, string resultId, int? version = null) => _pulled[uri] = (resultId, version);

    public bool TryGet(string uri, out string resultId, out int? version)
    {
        bool found = _pulled.TryGetValue(uri, out var pulled);
        (resultId, version) = pulled;
        return found;
    }

    /// <summary>
    /// The pulled documents that are not <paramref name="live"/> have no diagnostics now; true when the
    /// client pulled some for one of them (it should pull again). They stay in the ledger with none:
    /// should such a document come back with diagnostics, the client is asked to pull again too.
    /// </summary>
    public bool Gone(Func<string, bool> live)
    {
        bool any = false;
        foreach (var (uri, (id, version)) in _pulled)
        {
            if (id == ConvertedDiagnostics.NoDiagnosticsResultId || live(uri)) continue;
            _pulled[uri] = (ConvertedDiagnostics.NoDiagnosticsResultId, version);
            any = true;
        }
        return any;
    }
}
