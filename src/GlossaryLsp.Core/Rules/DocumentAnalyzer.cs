using System.Collections.Immutable;
using System.Runtime.InteropServices;
using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Linking;
using GlossaryLsp.Core.Parsing;

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
    public static ImmutableArray<Diagnostic> Analyze(GlossaryIndex index, ParsedDocument document, out ImmutableArray<LinkResolution> resolutions)
    {
        resolutions = [];
        if (document.LoadProblem is not null) return [];
        var resolved = new LinkResolution[document.Links.Length];
        for (int i = 0; i < resolved.Length; i++) resolved[i] = index.ResolveLink(document, document.Links[i]);
        resolutions = ImmutableCollectionsMarshal.AsImmutableArray(resolved);
        var sink = new List<Diagnostic>();
        foreach (var rule in Rules)
        {
            var d = rule.Descriptor;
            if (index.Config.GetSeverity(d.Id, d.DefaultSeverity) is not { } severity) continue;
            rule.Analyze(new RuleContext(index, document, resolutions, d, severity, sink));
        }
        if (sink.Count == 0) return [];
        IEnumerable<Diagnostic> kept = sink;
        if (!document.Suppressions.IsEmpty)
        {
            var suppressions = SuppressionMap.Create(document);
            kept = sink.Where(x => !suppressions.IsSuppressed(x.Rule, document.Lines.GetLine(x.Span.Start)));
        }
        var ordered = kept.OrderBy(x => x.Span.Start).ThenBy(x => x.Rule.Id, StringComparer.Ordinal).ToList();
        return DiagnosticCap.Apply(document, index.Config, ordered);
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
