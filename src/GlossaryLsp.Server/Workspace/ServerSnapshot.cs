// Immutable views of the server's state that read requests use without locks: one FolderSnapshot per
// workspace folder (its GlossaryIndex, open documents and URI ↔ path mapping), and the ServerSnapshot
// that holds them. The request queue builds a new snapshot after every mutation.
using System.Collections.Immutable;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;

namespace GlossaryLsp.Server.Workspace;

/// <summary>A document open in the editor: the client's URI and version and the editor's text.</summary>
public sealed record OpenDocument(string Uri, string Path, int Version, string Text);

/// <summary>One workspace folder at one moment.</summary>
public sealed class FolderSnapshot
{
    public FolderSnapshot(
        string name, string rootPath, GlossaryIndex index, ImmutableDictionary<string, OpenDocument> openDocuments, int definitionsEpoch, ConfigProblem? configProblem = null)
    {
        ConfigProblem = configProblem;
        Name = name;
        RootPath = rootPath;
        RootUri = ProtocolConversions.ToFileUri(rootPath);
        Index = index;
        OpenDocuments = openDocuments;
        DefinitionsEpoch = definitionsEpoch;
    }

    public string Name { get; }
    /// <summary>The folder's full file-system path, without a trailing separator.</summary>
    public string RootPath { get; }
    public string RootUri { get; }
    public GlossaryIndex Index { get; }
    /// <summary>Open documents by workspace path.</summary>
    public ImmutableDictionary<string, OpenDocument> OpenDocuments { get; }
    /// <summary>Changes whenever the folder's definitions (terms, anchors, URLs, config) change: every document may then analyse differently.</summary>
    public int DefinitionsEpoch { get; }
    /// <summary>Why its glossary.yml is not in effect, or null.</summary>
    public ConfigProblem? ConfigProblem { get; }
    /// <summary>The URI of its glossary.yml (its diagnostics tell what is wrong with it).</summary>
    public string ConfigUri => ProtocolConversions.ToFileUri(GetFullPath(Core.Config.GlossaryConfigLoader.FileName));

    /// <summary>The URI of a workspace path: the client's own URI for open documents, else VS Code's encoding.</summary>
    public string GetUri(string path) =>
        OpenDocuments.TryGetValue(path, out var open) ? open.Uri : ProtocolConversions.ToFileUri(GetFullPath(path));

    public string GetFullPath(string path) => Path.Combine(RootPath, path.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>The open document's version, or null when it is not open.</summary>
    public int? GetVersion(string path) => OpenDocuments.TryGetValue(path, out var open) ? open.Version : null;

}

/// <summary>A workspace document as a read request sees it.</summary>
public sealed record DocumentSnapshot(FolderSnapshot Folder, string Uri, ParsedDocument Document)
{
    public GlossaryIndex Index => Folder.Index;
    public string Path => Document.Path;
    /// <summary>The editor's version when the document is open, else null.</summary>
    public int? Version => Folder.GetVersion(Document.Path);
}

/// <summary>The whole server state at one moment: immutable, shared by concurrent readers.</summary>
public sealed class ServerSnapshot
{
    public ServerSnapshot(ImmutableArray<FolderSnapshot> folders, long version)
    {
        Folders = folders;
        Version = version;
    }

    public static ServerSnapshot Empty { get; } = new([], 0);

    public ImmutableArray<FolderSnapshot> Folders { get; }
    /// <summary>Increases with every mutation that changed something.</summary>
    public long Version { get; }

    /// <summary>The folder containing the file (the innermost, for nested folders) and its workspace path.</summary>
    public (FolderSnapshot Folder, string Path)? Resolve(string uri) => WorkspaceFolders.Locate(Folders, f => f.RootPath, uri);

    /// <summary>The document at a URI, or null when it is outside every folder or not a workspace document.</summary>
    public DocumentSnapshot? GetDocument(string uri)
    {
        if (Resolve(uri) is not var (folder, path)) return null;
        return folder.Index.GetDocument(path) is { } doc ? new DocumentSnapshot(folder, folder.GetUri(path), doc) : null;
    }

    /// <summary>The folder whose glossary.yml a URI names, or null.</summary>
    public FolderSnapshot? ConfigFolder(string uri) =>
        Resolve(uri) is var (folder, path) && path == Core.Config.GlossaryConfigLoader.FileName ? folder : null;

    public IEnumerable<DocumentSnapshot> AllDocuments() =>
        Folders.SelectMany(f => f.Index.Documents.Values.Select(d => new DocumentSnapshot(f, f.GetUri(d.Path), d)));
}
