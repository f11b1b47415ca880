using System.Collections.Immutable;
using System.Text.Json;
using GlossaryLsp.Core.Config;

namespace GlossaryLsp.Server.Workspace;

/// <summary>
/// The editor's settings S = <c>{ rules, unlinkedMentions, linkerMode, glossaryGlobs, readingHints }</c>, received as
/// <c>initializationOptions.settings</c> and <c>workspace/didChangeConfiguration</c>
/// <c>{ settings: { glossary: S } }</c>, layered over glossary.yml (the editor wins; globs add up).
/// </summary>
public sealed record EditorSettings
{
    public static EditorSettings None { get; } = new();

    public ImmutableDictionary<string, DiagnosticSeverity?> Rules { get; init; } = ImmutableDictionary<string, DiagnosticSeverity?>.Empty;
    public bool? UnlinkedMentions { get; init; }
    public LinkerMode? LinkerMode { get; init; }
    public ReadingHintMode? ReadingHints { get; init; }
    public ImmutableArray<string> GlossaryGlobs { get; init; } = [];
    /// <summary>Problems with the values (unknown rules, bad severities), for the log.</summary>
    public ImmutableArray<string> Warnings { get; init; } = [];

    /// <summary>Reads S; unknown or malformed members are ignored with a warning.</summary>
    public static EditorSettings Parse(JsonElement? element)
    {
        if (element is not { ValueKind: JsonValueKind.Object } s) return None;
        var warnings = ImmutableArray.CreateBuilder<string>();
        var rules = ImmutableDictionary.CreateBuilder<string, DiagnosticSeverity?>();
        if (s.TryGetProperty("rules", out var r) && r.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in r.EnumerateObject())
            {
                var rule = RuleCatalog.Find(p.Name);
                if (rule is null) { warnings.Add($"settings: unknown rule '{p.Name}' ignored"); continue; }
                if (p.Value.ValueKind != JsonValueKind.String || !GlossaryConfigLoader.TryParseSeverity(p.Value.GetString(), out var severity))
                {
                    warnings.Add($"settings: invalid severity {p.Value} for '{p.Name}' ignored");
                    continue;
                }
                rules[rule.Id] = severity;
            }
        }
        bool? unlinked = s.TryGetProperty("unlinkedMentions", out var u) && u.ValueKind is JsonValueKind.True or JsonValueKind.False ? u.GetBoolean() : null;
        LinkerMode? mode = s.TryGetProperty("linkerMode", out var m) && m.ValueKind == JsonValueKind.String
            ? m.GetString() switch { "all" => Core.Config.LinkerMode.All, "first" => Core.Config.LinkerMode.First, _ => null }
            : null;
        ReadingHintMode? hints = s.TryGetProperty("readingHints", out var h) && h.ValueKind == JsonValueKind.String
            ? h.GetString() switch { "off" => ReadingHintMode.Off, "first" => ReadingHintMode.First, "all" => ReadingHintMode.All, _ => null }
            : null;
        var globs = ImmutableArray.CreateBuilder<string>();
        if (s.TryGetProperty("glossaryGlobs", out var g) && g.ValueKind == JsonValueKind.Array)
            foreach (var item in g.EnumerateArray())
                if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } glob) globs.Add(glob);
        return new EditorSettings
        {
            Rules = rules.ToImmutable(), UnlinkedMentions = unlinked, LinkerMode = mode, ReadingHints = hints, GlossaryGlobs = globs.ToImmutable(),
            Warnings = warnings.ToImmutable(),
        };
    }

    /// <summary>Reads <c>{ glossary: S }</c> (didChangeConfiguration) or S itself.</summary>
    public static EditorSettings ParseSection(JsonElement? settings) =>
        settings is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty("glossary", out var g) ? Parse(g) : Parse(settings);

    /// <summary>The effective configuration: the file's, with these settings on top.</summary>
    public GlossaryConfig ApplyTo(GlossaryConfig file) => file with
    {
        RuleSeverities = file.RuleSeverities.SetItems(Rules),
        UnlinkedMentions = UnlinkedMentions ?? file.UnlinkedMentions,
        LinkerMode = LinkerMode ?? file.LinkerMode,
        ReadingHints = ReadingHints ?? file.ReadingHints,
        GlossaryGlobs = GlossaryGlobs.IsEmpty ? file.GlossaryGlobs : [.. file.GlossaryGlobs.Concat(GlossaryGlobs).Distinct()],
    };
}
