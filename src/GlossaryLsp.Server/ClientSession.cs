using GlossaryLsp.Server.Protocol;

namespace GlossaryLsp.Server;

/// <summary>What <c>initialize</c> negotiated with the client: fixed for the rest of the session.</summary>
public sealed record ClientSession(ProtocolConversions Conversions, ClientFeatures Features)
{
    /// <summary>Before <c>initialize</c>: UTF-16 positions and only what every client supports.</summary>
    public static ClientSession Default { get; } = new(ProtocolConversions.Utf16, ClientFeatures.Default);

    /// <summary>The session for a client's capabilities: its features and the position encoding both support.</summary>
    public static ClientSession Negotiate(ClientCapabilities capabilities)
    {
        var features = ClientFeatures.From(capabilities);
        var encoding = ProtocolConversions.Negotiate(capabilities.General?.PositionEncodings);
        return new ClientSession(new ProtocolConversions(encoding, features.DocumentChanges), features);
    }
}
