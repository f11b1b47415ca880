// The conversion cache: each document's diagnostics in protocol form with its result id, kept for the
// document parse and Core result they were made from. The Core result is the worker's analysis when it
// covers the snapshot, else the document is analysed on its own.
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text.Json;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Rules;
using GlossaryLsp.Server.Protocol;
using GlossaryLsp.Server.Workspace;
using LspDiagnostic = GlossaryLsp.Server.Protocol.Diagnostic;

namespace GlossaryLsp.Server.Diagnostics;

internal sealed class ConvertedDiagnostics(FolderAnalyses analyses, ServerLifecycle lifecycle, ServerLog log)
{
    /// <summary>The result id of no diagnostics (a pull of a document the workspace does not have gets none).</summary>
    public const string NoDiagnosticsResultId = "0";

    /// <summary>By (folder, path), valid for the document parse and core result they were made from (and the documents they point into).</summary>
    private readonly ConcurrentDictionary<(string Root, string Path), Entry> _converted = new();

    /// <summary>The diagnostics of a folder's glossary.yml: why it is not in effect, if it is not.</summary>
    public static DocumentDiagnostics ConfigDiagnostics(FolderSnapshot folder)
    {
        IReadOnlyList<LspDiagnostic> items = folder.ConfigProblem is { } problem ? [ProtocolConversions.ToConfigProblemDiagnostic(problem)] : [];
        return new DocumentDiagnostics([], items, ResultIdOf(items));
    }

    /// <summary>The diagnostics of one document of a snapshot.</summary>
    public DocumentDiagnostics Get(FolderSnapshot folder, ParsedDocument document)
    {
        var key = (folder.RootPath, document.Path);
        if (_converted.TryGetValue(key, out var e) && ReferenceEquals(e.Document, document) && ReferenceEquals(e.Folder.Index, folder.Index)) return e.Result;
        var core = analyses.Of(folder) is { } analysed ? analysed.Get(document.Path) : Analyze(folder.Index, document);
        if (e is not null && ReferenceEquals(e.Document, document) && e.Core == core && SameRelatedDocuments(e.Folder, folder, document.Path, core))
        {
            _converted[key] = e with { Folder = folder };
            return e.Result;
        }
        var result = Convert(folder, document, core);
        _converted[key] = new Entry(document, folder, core, result);
        return result;
    }

    /// <summary>Whether the document's results for this snapshot are converted already.</summary>
    public bool IsConverted(FolderSnapshot folder, ParsedDocument document) =>
        _converted.TryGetValue((folder.RootPath, document.Path), out var e) && ReferenceEquals(e.Document, document) && ReferenceEquals(e.Folder.Index, folder.Index);

    /// <summary>
    /// Converts the open documents' results ahead of the client's pulls, in path order (a client pulls
    /// what it has open; after a load with every file open, all pulls arrive at once). Stops when cancelled.
    /// </summary>
    public void ConvertOpenDocuments(ServerSnapshot snapshot, CancellationToken cancellationToken)
    {
        foreach (var folder in snapshot.Folders)
            foreach (var path in folder.OpenDocuments.Keys.Order(StringComparer.Ordinal))
            {
                if (cancellationToken.IsCancellationRequested) return;
                if (folder.Index.GetDocument(path) is { } document) Get(folder, document);
            }
    }

    /// <summary>Forgets the documents that are not in <paramref name="live"/>.</summary>
    public void Retain(IReadOnlySet<(string Root, string Path)> live)
    {
        foreach (var key in _converted.Keys.Where(k => !live.Contains(k)).ToList()) _converted.TryRemove(key, out _);
    }

    /// <summary>
    /// Whether the other documents the diagnostics point into are the same parse at the same URI in both
    /// snapshots: a related location's line and character depend on its document's text even where its
    /// offsets stayed (an edit that removes a line break and adds as many characters).
    /// </summary>
    private static bool SameRelatedDocuments(FolderSnapshot before, FolderSnapshot after, string path, ImmutableArray<Core.Rules.Diagnostic> core)
    {
        foreach (var d in core)
            foreach (var r in d.Related)
                if (r.Path != path && (!ReferenceEquals(before.Index.GetDocument(r.Path), after.Index.GetDocument(r.Path)) || before.GetUri(r.Path) != after.GetUri(r.Path)))
                    return false;
        return true;
    }

    private static string ResultIdOf(IReadOnlyList<LspDiagnostic> items)
    {
        if (items.Count == 0) return NoDiagnosticsResultId;
        var bytes = JsonSerializer.SerializeToUtf8Bytes(items, LspJson.Options);
        return System.Convert.ToHexString(SHA256.HashData(bytes), 0, 12);
    }

    private ImmutableArray<Core.Rules.Diagnostic> Analyze(GlossaryIndex index, ParsedDocument document)
    {
        try
        {
            return DocumentAnalyzer.Analyze(index, document);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.Error($"analysing {document.Path} failed: {e}");
            return [];
        }
    }

    private DocumentDiagnostics Convert(FolderSnapshot folder, ParsedDocument document, ImmutableArray<Core.Rules.Diagnostic> core)
    {
        if (document.LoadProblem is { } problem)
        {
            IReadOnlyList<LspDiagnostic> one = [ProtocolConversions.ToLoadProblemDiagnostic(problem)];
            return new DocumentDiagnostics([], one, ResultIdOf(one));
        }
        var to = lifecycle.Session.Conversions;
        var items = new LspDiagnostic[core.Length];
        for (int i = 0; i < core.Length; i++) items[i] = to.ToDiagnostic(folder, document, core[i]);
        return new DocumentDiagnostics(core, items, ResultIdOf(items));
    }

    private sealed record Entry(ParsedDocument Document, FolderSnapshot Folder, ImmutableArray<Core.Rules.Diagnostic> Core, DocumentDiagnostics Result);
}
