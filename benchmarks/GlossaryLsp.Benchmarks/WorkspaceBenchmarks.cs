using BenchmarkDotNet.Attributes;
using GlossaryLsp.Benchmarks.Corpus;
using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Rules;
using GlossaryLsp.Core.Workspace;

namespace GlossaryLsp.Benchmarks;

/// <summary>The cold path, per corpus size: parse every file, build the index, resolve every link, analyse everything.</summary>
[MemoryDiagnoser]
public class WorkspaceBenchmarks
{
    private CorpusCache.Loaded _loaded = null!;

    public static IEnumerable<string> Corpora => CorpusCache.Selected(["10x100", "100x100", "1000x100"]);

    [ParamsSource(nameof(Corpora))]
    public string Corpus { get; set; } = "100x100";

    [GlobalSetup]
    public void Setup() => _loaded = CorpusCache.Get(Corpus);

    [Benchmark(Description = "parse all (parallel)")]
    public ParsedDocument[] ParseAll()
    {
        var files = _loaded.Corpus.Files;
        var docs = new ParsedDocument[files.Count];
        Parallel.For(0, docs.Length, i => docs[i] = WorkspaceLoader.ParseText(files[i].Path, files[i].Text, GlossaryConfig.Default));
        return docs;
    }

    [Benchmark(Description = "index build")]
    public GlossaryIndex BuildIndex() => GlossaryIndex.Create(GlossaryConfig.Default, _loaded.Documents);

    [Benchmark(Description = "resolve all links")]
    public int ResolveAllLinks()
    {
        int resolved = 0;
        var index = _loaded.Index;
        foreach (var doc in _loaded.Documents)
            foreach (var link in doc.Links)
                if (index.ResolveLink(doc, link).Status == LinkStatus.Resolved) resolved++;
        return resolved;
    }

    [Benchmark(Description = "analyse all (parallel)")]
    public int AnalyzeAll() => DocumentAnalyzer.AnalyzeAll(_loaded.Index).Sum(r => r.Diagnostics.Length);
}
