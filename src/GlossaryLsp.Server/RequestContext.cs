using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Server.Protocol;
using GlossaryLsp.Server.Workspace;

namespace GlossaryLsp.Server;

/// <summary>
/// What a handler gets: the immutable snapshot current when its message arrived, the session negotiated
/// by <c>initialize</c> (position encoding, client capabilities), a way to talk to the client and, for
/// mutating handlers, the server's mutable parts.
/// </summary>
public sealed class RequestContext
{
    private readonly LanguageServer _server;

    internal RequestContext(LanguageServer server, ServerSnapshot snapshot, string method)
    {
        _server = server;
        Snapshot = snapshot;
        Method = method;
        Session = server.Lifecycle.Session;
    }

    public string Method { get; }
    public ServerSnapshot Snapshot { get; }
    public ClientSession Session { get; }
    public ProtocolConversions Conversions => Session.Conversions;
    public ClientFeatures ClientCapabilities => Session.Features;
    public ILspClient Client => _server.Client;
    public ServerLog Log => _server.Log;
    /// <summary>Diagnostics of the snapshot's documents (cached; code actions use them).</summary>
    public Diagnostics.DiagnosticsService Diagnostics => _server.Diagnostics;

    /// <summary>The workspace's mutable state (mutating handlers only: the queue runs them one at a time).</summary>
    internal WorkspaceState State => _server.State;
    internal ServerLifecycle Lifecycle => _server.Lifecycle;
    /// <summary>Asks the client to re-request views of documents it did not edit.</summary>
    internal ViewRefresher Views => _server.Views;
    /// <summary>Reads folders from disk (mutating handlers only).</summary>
    internal WorkspaceLoading Loading => _server.Loading;
    /// <summary>The workspace document at a URI, or null (never opened and not on disk, or outside every workspace folder).</summary>
    public DocumentSnapshot? GetDocument(string uri) => Snapshot.GetDocument(uri);

    public DocumentSnapshot? GetDocument(TextDocumentIdentifier document) => Snapshot.GetDocument(document.Uri);

    /// <summary>The document and the UTF-16 offset of an LSP position in it (clamped), or null.</summary>
    public (DocumentSnapshot Document, int Offset)? GetDocumentAndOffset(TextDocumentPositionParams p)
    {
        if (GetDocument(p.TextDocument.Uri) is not { } doc || doc.Document.LoadProblem is not null) return null;
        return (doc, Conversions.ToOffset(doc.Document, p.Position));
    }

    internal bool HasHandler(string method) => _server.HasHandler(method);
}
