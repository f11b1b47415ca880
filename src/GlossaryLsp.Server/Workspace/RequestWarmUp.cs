using System.Text;
using System.Text.Json;
using GlossaryLsp.Core.Features;
using GlossaryLsp.Core.Linking;
using GlossaryLsp.Core.Workspace;
using GlossaryLsp.Server.Protocol;

namespace GlossaryLsp.Server.Workspace;

/// <summary>
/// Prepares what the requests an author makes while typing need before the first of them arrives: the
/// sorted entry words and, for completion in every context and hover, one run through the same
/// deserialization, handler and serialization as a real request — on a private copy of a document that
/// no reader ever sees. Without it the first completion of each kind paid 50–200 ms for JIT compilation
/// and serializer metadata. Then, once no message has arrived for
/// <see cref="LanguageServer.QuietBeforeBackgroundWork"/>, the mention automaton (hover on a mention, code
/// actions): on 100k terms it takes 0.2–0.5 s of CPU and 20 MB, and built while the author types it
/// slowed the answers down (the collections it causes pause every thread). A request that needs it
/// before then builds it itself.
/// </summary>
internal static class RequestWarmUp
{
    /// <summary>The sorted entry words, and one of each request completion and hover make.</summary>
    public static void PrepareRequests(LanguageServer server, ServerSnapshot snapshot)
    {
        foreach (var folder in snapshot.Folders) _ = folder.Index.EntryWords;
        try
        {
            RunRequests(server, snapshot);
        }
        catch (Exception e)
        {
            server.Log.Error($"preparing hover and completion failed: {e}");
        }
    }

    /// <summary>The mention automaton of the snapshot of now (edits since the load have their own entry words).</summary>
    public static void PrepareMentions(LanguageServer server)
    {
        foreach (var folder in server.Queue.LastSnapshot.Folders) MentionScanner.Prepare(folder.Index);
    }

    /// <summary>Sleeps until no message has arrived for the server's quiet spell; false when the server stops first.</summary>
    public static bool WaitForQuiet(LanguageServer server)
    {
        while (!server.Stopping.IsCancellationRequested)
        {
            var left = server.QuietBeforeBackgroundWork - server.Queue.Quiet;
            if (left <= TimeSpan.Zero) return true;
            server.Stopping.WaitHandle.WaitOne(left);
        }
        return false;
    }

    private static void RunRequests(LanguageServer server, ServerSnapshot snapshot)
    {
        // A document with terms, and another readable one to link to (itself when there is none).
        var (folder, source) = snapshot.Folders
            .Select(f => (Folder: f, Document: f.Index.Documents.Values.FirstOrDefault(d => d.LoadProblem is null && d.Terms.Length > 0)))
            .FirstOrDefault(x => x.Document is not null);
        if (source is null) return;
        var other = folder.Index.Documents.Values.FirstOrDefault(d => d.LoadProblem is null && d.Path != source.Path) ?? source;
        var term = source.Terms[0];
        // One line per completion context: a path, a fragment of this document and of another, a term link, a typed term prefix.
        var contexts = new[]
        {
            "- [x](", "- [x](#", $"- [x]({Relative(source.Path, other.Path)}#", "- [[", "- <a href=\"", "- " + string.Concat(term.Headword.EnumerateRunes().Take(2)),
        };
        var text = new StringBuilder(source.Text);
        if (!source.Text.EndsWith('\n')) text.Append('\n');
        text.Append('\n');
        var ends = new List<int>();
        foreach (var line in contexts)
        {
            text.Append(line);
            ends.Add(text.Length);
            text.Append('\n');
        }
        var copy = WorkspaceLoader.ParseText(source.Path, text.ToString(), folder.Index.Config);
        var warmFolder = new FolderSnapshot(folder.Name, folder.RootPath, folder.Index.WithDocument(copy), folder.OpenDocuments, folder.DefinitionsEpoch);
        var warm = new ServerSnapshot(snapshot.Folders.Replace(folder, warmFolder), snapshot.Version);
        var uri = warmFolder.GetUri(source.Path);

        foreach (var end in ends)
            Invoke(server, warm, "textDocument/completion", Params(uri, server.Conversions.ToPosition(copy, end), new { triggerKind = 1 }));
        Invoke(server, warm, "textDocument/hover", Params(uri, server.Conversions.ToPosition(copy, term.NameSpan.Start), null));
    }

    private static JsonElement Params(string uri, Position position, object? context) =>
        JsonSerializer.SerializeToElement(new { textDocument = new { uri }, position, context }, LspJson.Options);

    private static void Invoke(LanguageServer server, ServerSnapshot snapshot, string method, JsonElement json)
    {
        if (server.Handlers.FirstOrDefault(h => h.Method == method) is not { } handler) return;
        var result = handler.Invoke(handler.DeserializeParams(json), new RequestContext(server, snapshot, method), CancellationToken.None).GetAwaiter().GetResult();
        JsonSerializer.SerializeToUtf8Bytes(result, server.WireOptions);
        if (result is CompletionList { Items: [var first, ..] } && server.Handlers.FirstOrDefault(h => h.Method == "completionItem/resolve") is { } resolve)
        {
            // The item as the client sends it back: its data read as JSON.
            var sent = resolve.DeserializeParams(JsonSerializer.SerializeToElement(first, server.WireOptions));
            JsonSerializer.SerializeToUtf8Bytes(resolve.Invoke(sent, new RequestContext(server, snapshot, resolve.Method), CancellationToken.None).GetAwaiter().GetResult(), server.WireOptions);
        }
    }

    private static string Relative(string from, string to) =>
        Path.GetRelativePath(Path.GetDirectoryName(from) is { Length: > 0 } d ? d : ".", to).Replace('\\', '/');
}
