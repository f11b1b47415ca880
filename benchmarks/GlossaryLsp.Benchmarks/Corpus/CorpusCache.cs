using System.Collections.Concurrent;
using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Rules;
using GlossaryLsp.Core.Workspace;

namespace GlossaryLsp.Benchmarks.Corpus;

/// <summary>Generated corpora by name (<c>1000x100</c>), parsed and indexed once per process.</summary>
public static class CorpusCache
{
    private static readonly ConcurrentDictionary<string, Lazy<Loaded>> Cache = new();

    private static readonly ConcurrentDictionary<string, Lazy<WorkspaceDiagnostics>> Analysed = new();

    /// <summary>The corpus analysed once (every document), for incremental updates.</summary>
    public static WorkspaceDiagnostics Diagnostics(string name) =>
        Analysed.GetOrAdd(name, n => new Lazy<WorkspaceDiagnostics>(() => WorkspaceDiagnostics.Create(Get(n).Index))).Value;

    /// <summary>The corpora to run: <c>GLOSSARY_BENCH_CORPORA=1000x100</c> (comma-separated) narrows the defaults.</summary>
    public static IEnumerable<string> Selected(string[] defaults) =>
        Environment.GetEnvironmentVariable("GLOSSARY_BENCH_CORPORA") is { Length: > 0 } chosen ? chosen.Split(',', StringSplitOptions.TrimEntries) : defaults;

    public static Loaded Get(string name) => Cache.GetOrAdd(name, n => new Lazy<Loaded>(() => Load(n))).Value;

    public static SyntheticCorpus Generate(string name)
    {
        var parts = name.Split('x');
        return SyntheticCorpus.Generate(int.Parse(parts[0]), int.Parse(parts[1]));
    }

    private static Loaded Load(string name)
    {
        var corpus = Generate(name);
        var docs = new ParsedDocument[corpus.Files.Count];
        Parallel.For(0, docs.Length, i => docs[i] = WorkspaceLoader.ParseText(corpus.Files[i].Path, corpus.Files[i].Text, GlossaryConfig.Default));
        return new Loaded(corpus, docs, GlossaryIndex.Create(GlossaryConfig.Default, docs));
    }

    public sealed record Loaded(SyntheticCorpus Corpus, ParsedDocument[] Documents, GlossaryIndex Index);
}
