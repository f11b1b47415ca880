using System.Collections.Immutable;
using Microsoft.Extensions.FileSystemGlobbing;

namespace GlossaryLsp.Core.Config;

public enum DiagnosticSeverity { Hint, Information, Warning, Error }

public enum LinkerMode { All, First }

/// <summary>Which mentions of a kanji term show its reading as an inlay hint (an editor setting).</summary>
public enum ReadingHintMode { Off, First, All }

/// <summary>A published base URL and the workspace folder it maps to (SPEC §5).</summary>
public sealed record BaseUrlMapping(string Url, string Folder);

/// <summary>The workspace's <c>glossary.yml</c> (SPEC §5), or the defaults when there is none.</summary>
public sealed record GlossaryConfig
{
    // Matchers are cached with the globs they were built from ('with' copies the cache).
    private (ImmutableArray<string> Globs, Matcher Matcher)? _glossaryMatcher, _ignoreMatcher;

    public static GlossaryConfig Default { get; } = new();

    /// <summary>Globs (relative to the workspace root) of term-list glossary files.</summary>
    public ImmutableArray<string> GlossaryGlobs { get; init; } = [];
    /// <summary>Globs of files that are not part of the workspace.</summary>
    public ImmutableArray<string> IgnoreGlobs { get; init; } = [];
    public ImmutableArray<BaseUrlMapping> BaseUrls { get; init; } = [];
    /// <summary>Per-rule severity by rule id (aliases already resolved); null = off.</summary>
    public ImmutableDictionary<string, DiagnosticSeverity?> RuleSeverities { get; init; } = ImmutableDictionary<string, DiagnosticSeverity?>.Empty;
    /// <summary>GL0009 (unlinked mentions) is reported only when asked for.</summary>
    public bool UnlinkedMentions { get; init; }
    public LinkerMode LinkerMode { get; init; } = LinkerMode.All;
    /// <summary>Non-preferred forms declared by <c>variants:</c> (SPEC §8), reported as GL0013.</summary>
    public DeclaredVariants Variants { get; init; } = DeclaredVariants.None;
    /// <summary>The prh dictionaries of <c>prh:</c>, merged; null when there are none.</summary>
    public PrhDictionary? Prh { get; init; }
    /// <summary>Set by the editor's settings only: display, not analysis.</summary>
    public ReadingHintMode ReadingHints { get; init; } = ReadingHintMode.First;
    /// <summary>The file this came from, if any.</summary>
    public string? SourcePath { get; init; }

    public bool IsGlossaryPath(string relativePath) => Matches(ref _glossaryMatcher, GlossaryGlobs, relativePath);
    public bool IsIgnored(string relativePath) => Matches(ref _ignoreMatcher, IgnoreGlobs, relativePath);

    /// <summary>True when the rule is reported at all.</summary>
    public bool IsOn(RuleDescriptor rule) => GetSeverity(rule.Id, rule.DefaultSeverity) is not null;

    /// <summary>Whether a rule is reported at all, and at which severity.</summary>
    public DiagnosticSeverity? GetSeverity(string ruleId, DiagnosticSeverity defaultSeverity)
    {
        if (RuleSeverities.TryGetValue(ruleId, out var s)) return s;
        if (ruleId == "GL0009" && !UnlinkedMentions) return null;
        return RuleCatalog.Find(ruleId) is { EnabledByDefault: false } ? null : defaultSeverity;
    }

    private static bool Matches(ref (ImmutableArray<string> Globs, Matcher Matcher)? cache, ImmutableArray<string> globs, string path)
    {
        if (globs.IsEmpty) return false;
        if (cache is not { } c || c.Globs != globs)
        {
            var m = new Matcher(StringComparison.Ordinal);
            foreach (var g in globs) m.AddInclude(g.TrimStart('/'));
            cache = c = (globs, m);
        }
        return c.Matcher.Match(path).HasMatches;
    }
}
