// The server level of the model-based tests: drives the in-process server with what an editor sends
// for each model step (didOpen, didChange, didClose, didSave, didChangeWatchedFiles) and checks, once the
// server has settled, that what the client holds — published or pulled diagnostics, hover, definition —
// equals what a fresh load of the same files (with the open documents' texts over them) gives.
using System.Collections.Immutable;
using System.Text.Json;
using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Features;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Rules;
using GlossaryLsp.Core.Workspace;
using GlossaryLsp.Server;
using GlossaryLsp.Server.Protocol;
using GlossaryLsp.Server.Workspace;
using LspDiagnostic = GlossaryLsp.Server.Protocol.Diagnostic;
using Range = GlossaryLsp.Server.Protocol.Range;

namespace GlossaryLsp.Tests.Server;

internal sealed class ServerModel(ModelState model, LspTestClient client, bool pull)
{
    private readonly List<string> _steps = ["initialize"];
    /// <summary>Pull mode: what the client last pulled, by path.</summary>
    private readonly Dictionary<string, string> _pulled = new(StringComparer.Ordinal);
    private GlossaryConfig _config = ReadConfig(model.Root, GlossaryConfig.Default);

    /// <summary>Runs one sequence on a fresh server; throws with the steps and the differences at the first step that differs.</summary>
    public static async Task<int> RunAsync(IReadOnlyDictionary<string, string> files, IReadOnlyList<ModelOp> ops, bool pull, bool eagerBackgroundWork)
    {
        using var model = new ModelState(files);
        var options = new ServerOptions
        {
            DiagnosticsQuiet = static _ => Task.CompletedTask,
            QuietBeforeBackgroundWork = eagerBackgroundWork ? TimeSpan.FromMilliseconds(1) : TimeSpan.FromMinutes(10),
        };
        await using var client = LspTestClient.ForFolder(model.Root, options);
        await client.InitializeAsync(LspTestClient.Capabilities(pull: pull));
        var run = new ServerModel(model, client, pull);
        await client.SettleAsync();
        await run.CheckAsync(0, null);
        for (int i = 0; i < ops.Count; i++)
        {
            var step = model.Apply(ops[i], editor: true);
            run._steps.Add(step.Description);
            int refreshes = client.ServerRequests("workspace/diagnostic/refresh").Count;
            await run.SendAsync(step);
            await client.SettleAsync();
            await run.CheckAsync(i + 1, client.ServerRequests("workspace/diagnostic/refresh").Count > refreshes ? null : step);
        }
        return ops.Count;
    }

    /// <summary>Sends what an editor sends for the step: the edit, the save, then the watched-file events.</summary>
    private async Task SendAsync(ModelStep step)
    {
        if (step.Opened is { } opened) await client.OpenAsync(opened.Path, opened.Text);
        if (step.Change is { } change)
        {
            var range = new Range(LspPosition(change.Before, change.Start), LspPosition(change.Before, change.Start + change.Length));
            await client.ChangeAsync(change.Path, model.Open[change.Path].Version, new { range, text = change.Text });
        }
        if (step.Closed is { } closed) await client.NotifyAsync("textDocument/didClose", new { textDocument = new { uri = client.Uri(closed) } });
        if (step.Saved is { } saved) await client.NotifyAsync("textDocument/didSave", new { textDocument = new { uri = client.Uri(saved) } });
        if (step.Events.Count > 0)
            await client.NotifyAsync("workspace/didChangeWatchedFiles", new { changes = step.Events.Select(e => new { uri = client.Uri(e.Path), type = e.Type }).ToArray() });
        if (step.Touched.Contains(ModelState.ConfigFile)) _config = ReadConfig(model.Root, _config);
    }

    /// <summary>
    /// Compares the client's view with a fresh load. <paramref name="noRefresh"/> is the step when the
    /// server asked for no refresh (pull mode): then what the client pulled before must still be right,
    /// except for the documents whose text the client itself changed (it pulls those again by itself).
    /// </summary>
    private async Task CheckAsync(int step, ModelStep? noRefresh)
    {
        var folder = Expected();
        var to = ProtocolConversions.Utf16;
        var problems = new List<string>();
        if (pull && noRefresh is not null)
            foreach (var (path, pulled) in _pulled.Where(p => p.Key != ModelState.ConfigFile))
            {
                if (noRefresh.Change?.Path == path || noRefresh.Opened?.Path == path) continue;
                var now = folder.Index.GetDocument(path) is { } d ? Json(ExpectedDiagnostics(folder, d, to)) : "[]";
                if (now != pulled) problems.Add($"{path}: its diagnostics changed and the server asked for no refresh: the client keeps {pulled}");
            }
        var config = Json(ExpectedConfigDiagnostics());
        if (pull && noRefresh is not null && _pulled.TryGetValue(ModelState.ConfigFile, out var pulledConfig) && pulledConfig != config
            && noRefresh.Change?.Path != ModelState.ConfigFile && noRefresh.Opened?.Path != ModelState.ConfigFile)
            problems.Add($"glossary.yml: its diagnostics changed and the server asked for no refresh: the client keeps {pulledConfig}");
        var actualConfig = pull ? Json(await PullAsync(folder.ConfigUri)) : Json(client.LatestDiagnostics(ModelState.ConfigFile)?.Diagnostics ?? []);
        if (pull) _pulled[ModelState.ConfigFile] = actualConfig;
        if (actualConfig != config) problems.Add($"glossary.yml diagnostics:\n    {actualConfig}\n  expected:\n    {config}");
        foreach (var doc in folder.Index.Documents.Values)
        {
            var expected = Json(ExpectedDiagnostics(folder, doc, to));
            var uri = folder.GetUri(doc.Path);
            string actual;
            if (pull)
            {
                actual = Json(await PullAsync(uri));
                _pulled[doc.Path] = actual;
            }
            else
            {
                var published = client.LatestDiagnostics(doc.Path);
                actual = published is null ? "[]" : Json(published.Diagnostics);
                if (published is not null && folder.GetVersion(doc.Path) is { } version && published.Version != version)
                    problems.Add($"{doc.Path}: published for version {published.Version}, the editor has {version}");
            }
            if (actual != expected) problems.Add($"{doc.Path} diagnostics:\n    {actual}\n  fresh:\n    {expected}");
        }
        if (pull)
            foreach (var gone in _pulled.Keys.Where(p => p != ModelState.ConfigFile && folder.Index.GetDocument(p) is null).ToList())
            {
                // Pulled before and gone now: after a refresh the client pulls it again and must get nothing.
                if (noRefresh is not null) continue;
                _pulled[gone] = Json(await PullAsync(client.Uri(gone)));
                if (_pulled[gone] != "[]") problems.Add($"{gone}: no such document, but a pull returns {_pulled[gone]}");
            }
        else
            foreach (var gone in client.Notifications("textDocument/publishDiagnostics").Select(n => n.GetProperty("uri").GetString()!).Distinct()
                         .Where(u => u != folder.ConfigUri && folder.Index.Documents.Keys.All(p => folder.GetUri(p) != u)))
                if (client.Notifications("textDocument/publishDiagnostics").Last(n => n.GetProperty("uri").GetString() == gone).GetProperty("diagnostics").GetArrayLength() > 0)
                    problems.Add($"{gone}: no such document, but the client still shows diagnostics for it");
        foreach (var doc in SampledDocuments(folder, step))
            foreach (var offset in ModelComparison.SamplePositions(doc, step).Take(4))
                await CompareFeaturesAsync(folder, doc, offset, problems);
        if (problems.Count > 0) throw new InvalidOperationException(ModelComparison.Describe(_steps, problems));
    }

    private async Task CompareFeaturesAsync(FolderSnapshot folder, Core.Parsing.ParsedDocument doc, int offset, List<string> problems)
    {
        var to = ProtocolConversions.Utf16;
        var at = new { textDocument = new { uri = folder.GetUri(doc.Path) }, position = LspPosition(doc.Text, offset) };
        var hover = await client.RequestAsync("textDocument/hover", at);
        var expectedHover = HoverService.GetHover(folder.Index, doc, offset, markdown: true, folder.GetUri) is { } h
            ? Json(new Hover(new MarkupContent(MarkupKind.Markdown, h.Contents), to.ToRange(doc, h.Span))) : "null";
        var actualHover = hover.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? "null" : Json(hover.Deserialize<Hover>(LspJson.Options)!);
        if (actualHover != expectedHover) problems.Add($"hover {doc.Path}@{offset}: {actualHover}\n  fresh: {expectedHover}");
        var definition = await client.RequestAsync("textDocument/definition", at);
        var expectedDefinition = Json(NavigationService.GetDefinition(folder.Index, doc, offset).Select(l => to.ToLocation(folder, l.Path, l.Span)).OfType<Location>().ToList());
        var actualDefinition = Json(definition.Deserialize<List<Location>>(LspJson.Options)!);
        if (actualDefinition != expectedDefinition) problems.Add($"definition {doc.Path}@{offset}: {actualDefinition}\n  fresh: {expectedDefinition}");
    }

    private async Task<List<LspDiagnostic>> PullAsync(string uri) =>
        (await client.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri } })).GetProperty("items").Deserialize<List<LspDiagnostic>>(LspJson.Options)!;

    /// <summary>The open documents and one more, in turn.</summary>
    private IEnumerable<Core.Parsing.ParsedDocument> SampledDocuments(FolderSnapshot folder, int step)
    {
        var docs = folder.Index.Documents.Values.ToList();
        if (docs.Count == 0) return [];
        var other = docs[step % docs.Count];
        return docs.Where(d => model.Open.ContainsKey(d.Path) || d == other).Take(3);
    }

    /// <summary>A fresh load of the files on disk with the open Markdown documents' texts laid over them, as a folder snapshot.</summary>
    private FolderSnapshot Expected()
    {
        var index = WorkspaceLoader.Load(model.Root, _config);
        var open = ImmutableDictionary.CreateBuilder<string, OpenDocument>(StringComparer.Ordinal);
        foreach (var (path, (text, version)) in model.Open)
        {
            open[path] = new OpenDocument(client.Uri(path), path, version, text);
            if (WorkspaceLoader.IsMarkdown(path)) index = index.WithDocument(WorkspaceLoader.ParseEditorText(path, text, _config));
        }
        return new FolderSnapshot("root", Path.TrimEndingDirectorySeparator(Path.GetFullPath(model.Root)), index, open.ToImmutable(), 0);
    }

    private static List<LspDiagnostic> ExpectedDiagnostics(FolderSnapshot folder, Core.Parsing.ParsedDocument doc, ProtocolConversions to) =>
        doc.LoadProblem is { } problem ? [ProtocolConversions.ToLoadProblemDiagnostic(problem)]
            : [.. DocumentAnalyzer.Analyze(folder.Index, doc).Select(d => to.ToDiagnostic(folder, doc, d))];

    /// <summary>What glossary.yml should show: why it is not in effect, when it is there and bad.</summary>
    private List<LspDiagnostic> ExpectedConfigDiagnostics()
    {
        var path = Path.Combine(model.Root, ModelState.ConfigFile);
        if (!File.Exists(path)) return [];
        try
        {
            GlossaryConfigLoader.Load(path);
            return [];
        }
        catch (ConfigException e)
        {
            return [ProtocolConversions.ToConfigProblemDiagnostic(ConfigProblem.From(e, File.ReadAllText(path)))];
        }
    }

    private static Position LspPosition(string text, int offset)
    {
        var p = Fixture.PositionIn(text, offset);
        return new Position(p.Line, p.Character);
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, LspJson.Options);

    /// <summary>glossary.yml as the server reads it: defaults when there is none, the previous configuration when it is bad.</summary>
    private static GlossaryConfig ReadConfig(string root, GlossaryConfig previous)
    {
        try
        {
            return WorkspaceLoader.LoadConfig(root);
        }
        catch (ConfigException)
        {
            return previous;
        }
    }
}
