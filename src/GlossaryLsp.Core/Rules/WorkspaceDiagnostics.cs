using System.Collections.Immutable;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;

namespace GlossaryLsp.Core.Rules;

/// <summary>
/// The diagnostics of every document of one snapshot, kept up to date incrementally: after a change
/// only the changed documents and the documents whose analysis read what changed are re-analysed
/// (<see cref="DependencyTracker"/>); every other document keeps its diagnostics. The result equals a
/// full re-analysis of the new snapshot. Immutable: readers use one without locks; the writer makes
/// the next one with <see cref="Update"/>.
/// </summary>
public sealed class WorkspaceDiagnostics
{
    /// <summary>Below this many documents to re-analyse, threads cost more than they save.</summary>
    private const int ParallelThreshold = 8;
    private readonly ImmutableDictionary<string, ImmutableArray<Diagnostic>> _diagnostics;
    /// <summary>Made when first needed (the first update), not by <see cref="Create"/>: its readers get their diagnostics without waiting for it.</summary>
    private DependencyTracker? _dependencies;
    /// <summary>Makes <see cref="_dependencies"/>; the argument says whether it may use the thread pool.</summary>
    private readonly Func<bool, DependencyTracker> _makeDependencies;

    private WorkspaceDiagnostics(
        GlossaryIndex index, ImmutableDictionary<string, ImmutableArray<Diagnostic>> diagnostics, Func<bool, DependencyTracker> makeDependencies,
        ImmutableArray<string> reanalysed, ImmutableArray<string> moved = default)
    {
        Index = index;
        _diagnostics = diagnostics;
        _makeDependencies = makeDependencies;
        Reanalysed = reanalysed;
        Moved = moved.IsDefault ? [] : moved;
    }

    public GlossaryIndex Index { get; }

    /// <summary>The documents (re-)analysed to make this snapshot, in path order: every document for <see cref="Create"/>.</summary>
    public ImmutableArray<string> Reanalysed { get; }

    /// <summary>
    /// The documents whose diagnostics point into an edited document and were moved there, not re-analysed,
    /// in path order: their offsets, or only the lines and characters those offsets fall on, may differ.
    /// </summary>
    public ImmutableArray<string> Moved { get; }

    /// <summary>Every document's diagnostics, in path order.</summary>
    public IEnumerable<(ParsedDocument Document, ImmutableArray<Diagnostic> Diagnostics)> All =>
        Index.Documents.Values.Select(d => (d, Get(d.Path)));

    public int Count => _diagnostics.Values.Sum(d => d.Length);

    /// <summary>Analyses every document of the snapshot (in parallel).</summary>
    public static WorkspaceDiagnostics Create(GlossaryIndex index)
    {
        var docs = index.Documents.Values.ToArray();
        var results = Analyze(index, docs);
        var diagnostics = ImmutableDictionary.CreateBuilder<string, ImmutableArray<Diagnostic>>(StringComparer.Ordinal);
        for (int i = 0; i < docs.Length; i++) diagnostics[docs[i].Path] = results[i].Diagnostics;
        return new WorkspaceDiagnostics(index, diagnostics.ToImmutable(),
            parallel => DependencyTracker.Create(docs.Select((d, i) => (d.Path, results[i].Reads)), VariantDependencies.Create(index, docs, parallel)),
            [.. docs.Select(d => d.Path)]);
    }

    /// <summary>Documents added, removed or re-parsed, and other files added or removed, between two snapshots (compared by reference).</summary>
    public static List<string> ChangedPaths(GlossaryIndex before, GlossaryIndex after)
    {
        var changed = new List<string>();
        foreach (var (path, doc) in after.Documents)
            if (!before.Documents.TryGetValue(path, out var old) || !ReferenceEquals(old, doc)) changed.Add(path);
        foreach (var path in before.Documents.Keys)
            if (!after.Documents.ContainsKey(path)) changed.Add(path);
        if (!ReferenceEquals(before.OtherFiles, after.OtherFiles))
            changed.AddRange(after.OtherFiles.SymmetricExcept(before.OtherFiles));
        return changed;
    }

    /// <summary>
    /// Builds what the next <see cref="Update(GlossaryIndex, IEnumerable{string})"/> needs ahead of it
    /// (the server does it in the background after the first pass).
    /// </summary>
    /// <remarks>
    /// On the calling thread alone, never the thread pool: the server calls it from its lowest-priority
    /// thread, and pool threads would do the work at normal priority, beside the answers to the client.
    /// </remarks>
    public void PrepareUpdate() => _ = Dependencies(parallel: false);

    /// <summary>The diagnostics of a document (empty for one the snapshot does not have).</summary>
    public ImmutableArray<Diagnostic> Get(string path) => _diagnostics.GetValueOrDefault(path, []);

    /// <summary>
    /// The diagnostics of another snapshot of the same workspace (later or earlier): the changed paths
    /// are found by comparing the two snapshots' documents by reference (O(documents), no parsing).
    /// </summary>
    public WorkspaceDiagnostics Update(GlossaryIndex index)
    {
        if (ReferenceEquals(index, Index)) return this;
        return Update(index, ChangedPaths(Index, index));
    }

    /// <summary>
    /// The diagnostics of <paramref name="index"/>, a later snapshot in which the documents (or other
    /// files) at <paramref name="changedPaths"/> were added, changed or removed.
    /// </summary>
    public WorkspaceDiagnostics Update(GlossaryIndex index, IEnumerable<string> changedPaths)
    {
        if (!Equals(index.Config, Index.Config)) return Create(index);
        var pointingInto = new HashSet<string>(StringComparer.Ordinal);
        // Documents only GL0013 may have changed in: it runs again on the lines that hold a changed word, the rest is kept.
        var variantsOnly = new VariantRescan();
        var changed = changedPaths as IReadOnlyCollection<string> ?? [.. changedPaths];
        var dependencies = Dependencies();
        var dependents = dependencies.Dependents(Index, index, changed, pointingInto, variantsOnly);
        if (dependents is null) return Create(index);
        foreach (var path in UsageDependents.Of(Index, index, changed))
        {
            dependents.Add(path);
            variantsOnly.Paths.Remove(path);
        }

        // Documents whose diagnostics only point into an edited document (e.g. GL0005's other
        // definitions): their positions are moved, not re-analysed, when the terms they name are intact.
        var diagnostics = _diagnostics.ToBuilder();
        var moved = new List<string>();
        if (pointingInto.Count > 0)
        {
            var relocation = new DiagnosticRelocation(Index, index);
            foreach (var path in pointingInto)
            {
                // Kept findings would point to where the edited text was.
                variantsOnly.Paths.Remove(path);
                if (dependents.Contains(path)) continue;
                if (!index.Documents.ContainsKey(path) || !relocation.TryMove(Get(path), out var relocated))
                {
                    dependents.Add(path);
                    continue;
                }
                if (relocated != Get(path)) diagnostics[path] = relocated;
                moved.Add(path); // even with the same offsets: the lines they fall on may have moved
            }
            moved.Sort(StringComparer.Ordinal);
        }

        var present = dependents.Where(p => index.Documents.ContainsKey(p)).ToArray();
        var docs = present.Select(p => index.Documents[p]).ToArray();
        // A loop, not a lambda: a lambda capturing this would share its closure with the tracker's factory below and keep the old snapshot alive.
        var previous = new (ImmutableArray<Diagnostic>, DocumentReads)?[present.Length];
        for (int i = 0; i < present.Length; i++)
            if (variantsOnly.Paths.Contains(present[i]) && dependencies.ReadsOf(present[i]) is { } reads) previous[i] = (Get(present[i]), reads);
        var results = Analyze(index, docs, previous, variantsOnly.Folds);
        var changes = new List<(string Path, DocumentReads? Reads)>();
        var removed = new List<string>();
        foreach (var path in dependents)
            if (!index.Documents.ContainsKey(path) && diagnostics.Remove(path))
            {
                changes.Add((path, null));
                removed.Add(path);
            }
        for (int i = 0; i < docs.Length; i++)
        {
            diagnostics[present[i]] = results[i].Diagnostics;
            changes.Add((present[i], results[i].Reads));
        }
        // A signature is made from its document's text alone: only the changed documents need new ones.
        var edited = changed.Select(index.GetDocument).OfType<ParsedDocument>().ToArray();
        var next = dependencies.With(changes, dependencies.Variants?.With(edited, removed));
        return new WorkspaceDiagnostics(index, diagnostics.ToImmutable(), _ => next, [.. present], [.. moved]);
    }

    /// <param name="variantsFrom">Per document, null or its diagnostics and reads in the previous snapshot, where only GL0013's findings
    /// about words of one of <paramref name="folds"/> can differ (and its links read the same).</param>
    private static (ImmutableArray<Diagnostic> Diagnostics, DocumentReads Reads)[] Analyze(
        GlossaryIndex index, ParsedDocument[] docs, (ImmutableArray<Diagnostic> Diagnostics, DocumentReads Reads)?[]? variantsFrom = null,
        IReadOnlyCollection<string>? folds = null)
    {
        var results = new (ImmutableArray<Diagnostic>, DocumentReads)[docs.Length];
        void One(int i)
        {
            if (variantsFrom?[i] is { } previous && DocumentAnalyzer.ReanalyzeVariants(index, docs[i], previous.Diagnostics, folds ?? []) is { } kept)
            {
                results[i] = (kept, previous.Reads.With(docs[i], kept));
                return;
            }
            var diagnostics = DocumentAnalyzer.Analyze(index, docs[i], out var resolutions);
            results[i] = (diagnostics, DocumentReads.Of(docs[i], resolutions, diagnostics));
        }
        if (docs.Length < ParallelThreshold) for (int i = 0; i < docs.Length; i++) One(i);
        else
        {
            DocumentAnalyzer.PrepareShared(index);
            Parallel.For(0, docs.Length, One);
        }
        return results;
    }

    /// <summary>
    /// The dependency tracker, made on first use. Two threads that need it at once both make it and one
    /// result is kept: an update never waits for a background thread's slower build.
    /// </summary>
    private DependencyTracker Dependencies(bool parallel = true) =>
        Volatile.Read(ref _dependencies) ?? Interlocked.CompareExchange(ref _dependencies, _makeDependencies(parallel), null) ?? _dependencies!;
}
