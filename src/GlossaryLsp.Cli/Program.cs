using GlossaryLsp.Core.Rules;
using GlossaryLsp.Core.Workspace;

var root = Path.GetFullPath(args.Length > 0 ? args[0] : ".");
var config = WorkspaceLoader.LoadConfig(root);
var sw = System.Diagnostics.Stopwatch.StartNew();
var index = WorkspaceLoader.Load(root, config);
Console.Error.WriteLine($"loaded {index.Documents.Count} docs, {index.TermCount} terms in {sw.ElapsedMilliseconds} ms; inferred {index.InferredMapping}");
int links = 0;
foreach (var (doc, diags) in DocumentAnalyzer.AnalyzeAll(index))
{
    links += doc.Links.Length;
    if (doc.LoadProblem is { } p) Console.WriteLine($"{doc.Path}: {p.Message}");
    foreach (var d in diags)
    {
        var pos = doc.Lines.GetPosition(d.Span.Start);
        Console.WriteLine($"{doc.Path}:{pos.Line + 1}:{pos.Character + 1}: {d.Severity} {d.Id} {d.Message}");
    }
}
Console.Error.WriteLine($"{links} links in {sw.ElapsedMilliseconds} ms");
