using System.Collections.Immutable;
using System.Runtime.InteropServices;
using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Linking;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Rules;

/// <summary>
/// Runs every enabled rule on one document of a snapshot, applies configured severities, the
/// document's suppression comments and the per-document bound (<see cref="DiagnosticCap"/>). Pure and thread-safe: documents can be analysed in parallel.
/// </summary>
public static class DocumentAnalyzer
{
    private static readonly Rule[] Registered = [.. RuleRegistry.Create()];
    private static readonly (RuleDescriptor Rule, Action<RuleContext> Run)[] AllRules = [.. Registered.Select(r => (r.Descriptor, (Action<RuleContext>)r.Analyze))];

    public static IReadOnlyList<Rule> Rules => Registered;

    public static ImmutableArray<Diagnostic> Analyze(GlossaryIndex index, ParsedDocument document) => Analyze(index, document, out _);

    /// <summary>Also returns the document's link resolutions (what its analysis read from other documents).</summary>
    public static ImmutableArray<Diagnostic> Analyze(GlossaryIndex index, ParsedDocument document, out ImmutableArray<LinkResolution> resolutions)
    {
        var diagnostics = Analyze(index, document, AllRules, [], out var links);
        resolutions = links?.Value ?? [];
        return diagnostics;
    }

    /// <summary>
    /// Builds what every document's analysis shares before documents are analysed in parallel: the mention
    /// automaton when notation variants (GL0013) are on. Otherwise the first analysis builds it while the
    /// others wait on it, spinning.
    /// </summary>
    public static void PrepareShared(GlossaryIndex index)
    {
        if (index.Config.IsOn(RuleCatalog.GL0013)) MentionScanner.Prepare(index);
    }

    /// <summary>All documents of the snapshot, analysed in parallel, in path order.</summary>
    public static ImmutableArray<(ParsedDocument Document, ImmutableArray<Diagnostic> Diagnostics)> AnalyzeAll(GlossaryIndex index, IEnumerable<ParsedDocument>? documents = null)
    {
        var docs = (documents ?? index.Documents.Values).ToArray();
        var results = new ImmutableArray<Diagnostic>[docs.Length];
        PrepareShared(index);
        Parallel.For(0, docs.Length, i => results[i] = Analyze(index, docs[i]));
        return [.. docs.Select((d, i) => (d, results[i]))];
    }

    /// <summary>
    /// What <see cref="Analyze(GlossaryIndex, ParsedDocument, out ImmutableArray{LinkResolution})"/> gives when only
    /// GL0013 findings about words whose variant fold is one of <paramref name="folds"/> can differ from
    /// <paramref name="previous"/>, the same document's diagnostics in an earlier snapshot: GL0013 runs again on the
    /// lines that hold such a fold (and for near-duplicate definitions), everything else is kept, and no link is
    /// resolved (GL0013 reads none). Null when <paramref name="previous"/> was cut by the per-document bound (what it
    /// left out is not known).
    /// </summary>
    internal static ImmutableArray<Diagnostic>? ReanalyzeVariants(
        GlossaryIndex index, ParsedDocument document, ImmutableArray<Diagnostic> previous, IReadOnlyCollection<string> folds)
    {
        if (previous.Length >= OutputBounds.DiagnosticsPerDocument) return null;
        var spans = MentionScanner.VariantSpans(document);
        var lines = MentionScanner.LinesHolding(document, spans, folds);
        // A kept GL0013 finding is a variant or prh form in a variant span off those lines; near-duplicates are made again.
        bool Kept(Diagnostic d) => d.Rule != RuleCatalog.GL0013
            || (SortedSpans.Containing(CollectionsMarshal.AsSpan(spans), d.Span) && !lines.Exists(l => l.Contains(d.Span.Start)));
        return Analyze(index, document, [(RuleCatalog.GL0013, c => GL0013NotationVariant.AnalyzeLines(c, spans, lines))], previous.Where(Kept), out _);
    }

    /// <param name="runs">Each rule to run, and how.</param>
    /// <param name="kept">Findings made before, in reported order, already past the suppressions: merged with what <paramref name="runs"/> find.</param>
    /// <param name="links">The document's links, resolved if a rule asked (null for a document that could not be read).</param>
    private static ImmutableArray<Diagnostic> Analyze(
        GlossaryIndex index, ParsedDocument document, IEnumerable<(RuleDescriptor Rule, Action<RuleContext> Run)> runs, IEnumerable<Diagnostic> kept,
        out ResolvedLinks? links)
    {
        links = null;
        if (document.LoadProblem is not null) return [];
        links = new ResolvedLinks(index, document);
        var sink = new List<Diagnostic>();
        foreach (var (d, run) in runs)
        {
            if (index.Config.GetSeverity(d.Id, d.DefaultSeverity) is not { } severity) continue;
            run(new RuleContext(links, d, severity, sink));
        }
        IEnumerable<Diagnostic> found = sink;
        if (!document.Suppressions.IsEmpty && sink.Count > 0)
        {
            var suppressions = SuppressionMap.Create(document);
            found = sink.Where(x => !suppressions.IsSuppressed(x.Rule, document.Lines.GetLine(x.Span.Start)));
        }
        // A stable sort: findings at one place of one rule stay in the order the rule reported them.
        var ordered = kept.Concat(found).OrderBy(x => x.Span.Start).ThenBy(x => x.Rule.Id, StringComparer.Ordinal).ToList();
        return ordered.Count == 0 ? [] : DiagnosticCap.Apply(document, index.Config, ordered);
    }
}

/// <summary>Which lines have which rules switched off by <c>glossary-disable</c> comments.</summary>
internal sealed class SuppressionMap
{
    private readonly List<(int FromLine, int ToLine, HashSet<string>? Ids)> _ranges = [];

    public static SuppressionMap Create(ParsedDocument document)
    {
        var map = new SuppressionMap();
        var open = new List<(int Line, HashSet<string>? Ids)>();
        foreach (var s in document.Suppressions)
        {
            var ids = s.Rules.Length == 0 ? null : s.Rules.Select(r => RuleCatalog.Find(r)?.Id ?? r).ToHashSet(StringComparer.OrdinalIgnoreCase);
            switch (s.Kind)
            {
                case SuppressionKind.DisableNextLine:
                    map._ranges.Add((s.Line + 1, s.Line + 1, ids));
                    break;
                case SuppressionKind.Disable:
                    open.Add((s.Line, ids));
                    break;
                case SuppressionKind.Enable:
                    for (int i = open.Count - 1; i >= 0; i--)
                    {
                        if (ids is not null && open[i].Ids is { } oi && !oi.Overlaps(ids)) continue;
                        map._ranges.Add((open[i].Line, s.Line, open[i].Ids));
                        open.RemoveAt(i);
                    }
                    break;
            }
        }
        foreach (var o in open) map._ranges.Add((o.Line, int.MaxValue, o.Ids));
        return map;
    }

    public bool IsSuppressed(RuleDescriptor rule, int line) =>
        _ranges.Any(r => line >= r.FromLine && line <= r.ToLine && (r.Ids is null || r.Ids.Contains(rule.Id)));
}
