using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Server.Protocol;
using GlossaryLsp.Server.Workspace;

namespace GlossaryLsp.Server;

/// <summary>
/// What a handler gets: the immutable snapshot current when its message arrived, the conversions for
/// the negotiated position encoding, the client's capabilities and a way to talk to the client.
/// </summary>
public sealed class RequestContext
{
    internal RequestContext(LanguageServer server, ServerSnapshot snapshot, string method)
    {
        Server = server;
        Snapshot = snapshot;
        Method = method;
    }

    internal LanguageServer Server { get; }

    public string Method { get; }
    public ServerSnapshot Snapshot { get; }
    public ProtocolConversions Conversions => Server.Conversions;
    public ClientFeatures ClientCapabilities => Server.ClientFeatures;
    public ILspClient Client => Server.Client;
    public ServerLog Log => Server.Log;
    /// <summary>Diagnostics of the snapshot's documents (cached; code actions use them).</summary>
    public Diagnostics.DiagnosticsService Diagnostics => Server.Diagnostics;

    /// <summary>The workspace document at a URI, or null (never opened and not on disk, or outside every workspace folder).</summary>
    public DocumentSnapshot? GetDocument(string uri) => Snapshot.GetDocument(uri);

    public DocumentSnapshot? GetDocument(TextDocumentIdentifier document) => Snapshot.GetDocument(document.Uri);

    /// <summary>The document and the UTF-16 offset of an LSP position in it (clamped), or null.</summary>
    public (DocumentSnapshot Document, int Offset)? GetDocumentAndOffset(TextDocumentPositionParams p)
    {
        if (GetDocument(p.TextDocument.Uri) is not { } doc || doc.Document.LoadProblem is not null) return null;
        return (doc, Conversions.ToOffset(doc.Document, p.Position));
    }
}
