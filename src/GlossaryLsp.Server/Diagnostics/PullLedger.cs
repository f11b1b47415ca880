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

    /// <summary>
    /// The pulled documents that are not <paramref name="live"/> have no diagnostics now; true when the
    /// client pulled some for one of them (it should pull again). They stay in the ledger with none:
    /// should such a document come back with diagnostics, the client is asked to pull again too.
    /// </summary>
    public bool Gone(Func<string, bool> live)
    {
        bool any = false;
        foreach (var (uri, id) in _pulled)
        {
            if (id == ConvertedDiagnostics.NoDiagnosticsResultId || live(uri)) continue;
            _pulled[uri] = ConvertedDiagnostics.NoDiagnosticsResultId;
            any = true;
        }
        return any;
    }
}
