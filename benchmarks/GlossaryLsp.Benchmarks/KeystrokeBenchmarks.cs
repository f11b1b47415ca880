using BenchmarkDotNet.Attributes;
using GlossaryLsp.Benchmarks.Corpus;
using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Rules;
using GlossaryLsp.Core.Workspace;

namespace GlossaryLsp.Benchmarks;

/// <summary>
/// What one keystroke costs in the server: re-parse the edited document, make the next snapshot, and
/// re-analyse what depends on the change. Each invocation toggles between two versions of a document,
/// so every call is a real change.
/// </summary>
[MemoryDiagnoser]
public class KeystrokeBenchmarks
{
    private CorpusCache.Loaded _loaded = null!;

    private ParsedDocument _document = null!;
    private string _path = null!;
    private string[] _proseVersions = null!, _headingVersions = null!;
    private int _toggle;
    private GlossaryIndex _index = null!;
    private WorkspaceDiagnostics _diagnostics = null!;
    public static IEnumerable<string> Corpora => CorpusCache.Selected(["100x100", "1000x100"]);

    [ParamsSource(nameof(Corpora))]
    public string Corpus { get; set; } = "1000x100";

    [GlobalSetup]
    public void Setup()
    {
        _loaded = CorpusCache.Get(Corpus);
        // A document in the middle of the corpus: it links out and is linked to.
        var file = _loaded.Corpus.Files[_loaded.Corpus.Files.Count / 2];
        _path = file.Path;
        _document = _loaded.Index.GetDocument(_path)!;
        var text = file.Text;
        int mid = text.IndexOf("\n- ", text.Length / 2, StringComparison.Ordinal) + 3;
        _proseVersions = [text, text.Insert(mid, "x")];
        var heading = _document.Terms[_document.Terms.Length / 2].Heading!;
        int end = heading.TextSpan.End;
        _headingVersions = [text, text.Insert(end, "x")];
        _index = _loaded.Index;
        _diagnostics = CorpusCache.Diagnostics(Corpus);
    }

    [Benchmark(Description = "parse one document")]
    public ParsedDocument ParseOne() => WorkspaceLoader.ParseText(_path, _proseVersions[0], GlossaryConfig.Default);

    [Benchmark(Description = "resolve one document's links")]
    public int ResolveLinksOfOneDocument()
    {
        int resolved = 0;
        foreach (var link in _document.Links)
            if (_loaded.Index.ResolveLink(_document, link).Status == LinkStatus.Resolved) resolved++;
        return resolved;
    }

    [Benchmark(Description = "analyse one document")]
    public int AnalyzeOne() => DocumentAnalyzer.Analyze(_loaded.Index, _document).Length;

    [Benchmark(Description = "re-index after a prose edit")]
    public GlossaryIndex ReindexProseEdit() => Reindex(_proseVersions);

    [Benchmark(Description = "re-index after a heading edit")]
    public GlossaryIndex ReindexHeadingEdit() => Reindex(_headingVersions);

    /// <summary>What the server does per keystroke: parse, next snapshot, re-analyse the edited document and its dependents.</summary>
    [Benchmark(Description = "keystroke: prose edit, re-analyse dependents")]
    public int KeystrokeProse() => Keystroke(_proseVersions);

    [Benchmark(Description = "keystroke: heading edit, re-analyse dependents")]
    public int KeystrokeHeading() => Keystroke(_headingVersions);

    private int Keystroke(string[] versions)
    {
        Reindex(versions);
        _diagnostics = _diagnostics.Update(_index, [_path]);
        return _diagnostics.Reanalysed.Length;
    }

    private GlossaryIndex Reindex(string[] versions)
    {
        var text = versions[_toggle ^= 1];
        return _index = _index.WithDocument(WorkspaceLoader.ParseText(_path, text, GlossaryConfig.Default));
    }
}
