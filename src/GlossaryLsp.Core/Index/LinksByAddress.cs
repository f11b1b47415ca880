using GlossaryLsp.Core.Parsing;

namespace GlossaryLsp.Core.Index;

/// <summary>
/// Every link of a snapshot by the address it is written with: its target as in the source, up to the
/// first '#' or '?'. Made on first use, once per snapshot (links change with every edit, so it does not
/// live on the derived tables): finding the links that use one URL is then one look-up, not a scan of
/// every link per document that asks (GL0012 and its fix).
/// </summary>
internal sealed class LinksByAddress
{
    private readonly Dictionary<string, List<(ParsedDocument Document, LinkReference Link)>> _byAddress;

    private LinksByAddress(Dictionary<string, List<(ParsedDocument, LinkReference)>> byAddress) => _byAddress = byAddress;

    public static LinksByAddress Of(IEnumerable<ParsedDocument> documents)
    {
        var byAddress = new Dictionary<string, List<(ParsedDocument, LinkReference)>>(StringComparer.Ordinal);
        var lookup = byAddress.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var doc in documents)
            foreach (var link in doc.Links)
            {
                var raw = link.TargetInSource;
                var address = raw.IndexOfAny('#', '?') is var cut and >= 0 ? raw[..cut] : raw;
                if (address.IsEmpty) continue;
                if (!lookup.TryGetValue(address, out var list)) byAddress[address.ToString()] = list = [];
                list.Add((doc, link));
            }
        return new LinksByAddress(byAddress);
    }

    /// <summary>The links written with exactly this address (no '#' or '?' in it), in path and source order.</summary>
    public IReadOnlyList<(ParsedDocument Document, LinkReference Link)> Naming(string address) =>
        _byAddress.TryGetValue(address, out var list) ? list : [];
}
