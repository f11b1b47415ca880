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
    public static IReadOnlyList<Rule> Rules { get; } = RuleRegistry.Create();

    public static ImmutableArray<Diagnostic> Analyze(GlossaryIndex index, ParsedDocument document) => Analyze(index, document, out _);

    /// <summary>Also returns the document's link resolutions (what its analysis read from other documents).</summary>
    public static ImmutableArray<Diagnostic> Analyze(GlossaryIndex index, ParsedDocument document, out ImmutableArray<LinkResolution> resolutions) =>
        Analyze(index, document, Rules, [], out resolutions);

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
    /// <paramref name="rule"/>'s findings can differ from <paramref name="previous"/>, the same document's diagnostics in
    /// an earlier snapshot: that rule runs again, the others' findings are kept. Null when <paramref name="previous"/> was
    /// cut by the per-document bound (what it left out is not known).
    /// </summary>
    internal static ImmutableArray<Diagnostic>? Reanalyze(
        GlossaryIndex index, ParsedDocument document, ImmutableArray<Diagnostic> previous, RuleDescriptor rule, out ImmutableArray<LinkResolution> resolutions)
    {
        resolutions = [];
        if (previous.Length >= OutputBounds.DiagnosticsPerDocument) return null;
        return Analyze(index, document, Rules.Where(r => r.Descriptor == rule), previous.Where(d => d.Rule != rule), out resolutions);
    }

    /// <param name="kept">Findings of other rules, in reported order, already past the suppressions: merged with what <paramref name="rules"/> find.</param>
    private static ImmutableArray<Diagnostic> Analyze(
        GlossaryIndex index, ParsedDocument document, IEnumerable<Rule> rules, IEnumerable<Diagnostic> kept, out ImmutableArray<LinkResolution> resolutions)
    {
        resolutions = [];
        if (document.LoadProblem is not null) return [];
        var resolved = new LinkResolution[document.Links.Length];
        for (int i = 0; i < resolved.Length; i++) resolved[i] = index.ResolveLink(document, document.Links[i]);
        resolutions = ImmutableCollectionsMarshal.AsImmutableArray(resolved);
        var sink = new List<Diagnostic>();
        foreach (var rule in rules)
        {
            var d = rule.Descriptor;
            if (index.Config.GetSeverity(d.Id, d.DefaultSeverity) is not { } severity) continue;
            rule.Analyze(new RuleContext(index, document, resolutions, d, severity, sink));
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
