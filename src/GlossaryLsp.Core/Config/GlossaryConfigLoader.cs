using System.Collections.Immutable;
using GlossaryLsp.Core.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GlossaryLsp.Core.Config;

/// <summary>
/// Reads <c>glossary.yml</c>. Every unknown key or wrong value is a <see cref="ConfigException"/>
/// naming the file, the line and the key.
/// </summary>
public static class GlossaryConfigLoader
{
    public const string FileName = "glossary.yml";
    private const string Settings = "glossary, ignore, baseUrls, rules, unlinkedMentions, linker, variants, prh";

    public static GlossaryConfig Load(string path) => Parse(File.ReadAllText(path), path);

    /// <param name="readFile">Reads a prh dictionary by full path (null: not found); by default from disk.</param>
    public static GlossaryConfig Parse(string yaml, string file, Func<string, string?>? readFile = null)
    {
        if (NestingDepth.Yaml(yaml) is { } deep) throw new ConfigException(file, deep.Line + 1, null, $"invalid YAML: {deep.Why}");
        YamlStream stream = new();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new ConfigException(file, (int)ex.Start.Line, null, $"invalid YAML: {ex.InnerException?.Message ?? ex.Message}");
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // YamlDotNet's scanner fails this way on some unclosed flow collections ("rules: [" then a word).
            throw new ConfigException(file, LastGoodLine(yaml), null, "invalid YAML: an unclosed bracket, quote or flow collection");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
            return new GlossaryConfig { SourcePath = file };
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new ConfigException(file, (int)stream.Documents[0].RootNode.Start.Line, null,
                "expected a mapping of settings (" + Settings + ")");

        var config = new GlossaryConfig { SourcePath = file };
        foreach (var (keyNode, value) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            int line = (int)keyNode.Start.Line;
            config = key switch
            {
                "glossary" => config with { GlossaryGlobs = Strings(file, key, value) },
                "ignore" => config with { IgnoreGlobs = Strings(file, key, value) },
                "baseUrls" => config with { BaseUrls = BaseUrls(file, value) },
                "rules" => config with { RuleSeverities = Rules(file, value) },
                "unlinkedMentions" => config with { UnlinkedMentions = Bool(file, key, value) },
                "linker" => config with { LinkerMode = Linker(file, value) },
                "variants" => config with { Variants = Variants(file, value) },
                "prh" => config with { Prh = PrhLoader.Load(file, [.. Lines(file, key, value)], readFile) },
                _ => throw new ConfigException(file, line, key, "unknown setting; expected one of " + Settings),
            };
        }
        return config;
    }

    /// <summary>Parses one severity word of SPEC §5; null means "off".</summary>
    public static bool TryParseSeverity(string? text, out DiagnosticSeverity? severity)
    {
        severity = null;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "off" or "false" or "none": return true;
            case "hint": severity = DiagnosticSeverity.Hint; return true;
            case "information" or "info": severity = DiagnosticSeverity.Information; return true;
            case "warning" or "warn": severity = DiagnosticSeverity.Warning; return true;
            case "error": severity = DiagnosticSeverity.Error; return true;
            default: return false;
        }
    }

    /// <summary>Resolves per-rule severities given as id or alias; unknown rules and values are errors.</summary>
    public static ImmutableDictionary<string, DiagnosticSeverity?> Rules(string file, YamlNode node)
    {
        if (node is not YamlMappingNode map)
            throw new ConfigException(file, (int)node.Start.Line, "rules", "expected a mapping of rule id or alias to off|hint|information|warning|error");
        var result = ImmutableDictionary.CreateBuilder<string, DiagnosticSeverity?>();
        foreach (var (k, v) in map.Children)
        {
            var name = (k as YamlScalarNode)?.Value ?? "";
            var rule = RuleCatalog.Find(name)
                ?? throw new ConfigException(
                    file, (int)k.Start.Line, $"rules.{name}",
                    $"unknown rule; expected an id {RuleCatalog.All.Min(r => r.Id)}–{RuleCatalog.All.Max(r => r.Id)} or an alias such as broken-link");
            var text = (v as YamlScalarNode)?.Value;
            if (!TryParseSeverity(text, out var severity))
                throw new ConfigException(file, (int)v.Start.Line, $"rules.{name}", $"'{text}' is not a severity; expected off, hint, information, warning or error");
            result[rule.Id] = severity;
        }
        return result.ToImmutable();
    }

    private static ImmutableArray<string> Strings(string file, string key, YamlNode node) => node switch
    {
        YamlScalarNode { Value: { } s } => [s],
        YamlSequenceNode seq => [.. seq.Children.Select(c => c is YamlScalarNode { Value: { } v } ? v
            : throw new ConfigException(file, (int)c.Start.Line, key, "expected a list of glob strings"))],
        _ => throw new ConfigException(file, (int)node.Start.Line, key, "expected a glob or a list of globs"),
    };

    /// <summary>Strings with the line each is on.</summary>
    private static IEnumerable<(string Value, int Line)> Lines(string file, string key, YamlNode node) => node switch
    {
        YamlScalarNode { Value: { Length: > 0 } s } => [(s, (int)node.Start.Line)],
        YamlSequenceNode seq => seq.Children.Select(c => c is YamlScalarNode { Value: { Length: > 0 } v } ? (v, (int)c.Start.Line)
            : throw new ConfigException(file, (int)c.Start.Line, key, "expected a list of file paths")),
        _ => throw new ConfigException(file, (int)node.Start.Line, key, "expected a file path or a list of file paths"),
    };

    /// <summary><c>variants:</c> preferred form → its non-preferred forms (a string or a list).</summary>
    private static DeclaredVariants Variants(string file, YamlNode node)
    {
        if (node is not YamlMappingNode map)
            throw new ConfigException(file, (int)node.Start.Line, "variants", "expected a mapping of preferred form → non-preferred forms, e.g. ファインチューニング: [ファインチューン, 微調整]");
        var result = new List<DeclaredVariant>();
        foreach (var (k, v) in map.Children)
        {
            var preferred = (k as YamlScalarNode)?.Value;
            if (string.IsNullOrWhiteSpace(preferred)) throw new ConfigException(file, (int)k.Start.Line, "variants", "expected a preferred form");
            foreach (var (form, line) in Lines(file, $"variants.{preferred}", v))
            {
                if (TermKey.Normalize(form) == TermKey.Normalize(preferred))
                    throw new ConfigException(file, line, $"variants.{preferred}", $"'{form}' is the preferred form itself");
                result.Add(new DeclaredVariant(form, preferred, line));
            }
        }
        return new DeclaredVariants(result);
    }

    private static bool Bool(string file, string key, YamlNode node) =>
        node is YamlScalarNode { Value: { } s } && bool.TryParse(s, out bool b) ? b
            : throw new ConfigException(file, (int)node.Start.Line, key, "expected true or false");

    private static LinkerMode Linker(string file, YamlNode node)
    {
        if (node is not YamlMappingNode map)
            throw new ConfigException(file, (int)node.Start.Line, "linker", "expected a mapping with 'mode: all|first'");
        var mode = LinkerMode.All;
        foreach (var (k, v) in map.Children)
        {
            var name = (k as YamlScalarNode)?.Value;
            if (name != "mode") throw new ConfigException(file, (int)k.Start.Line, $"linker.{name}", "unknown setting; expected 'mode'");
            mode = (v as YamlScalarNode)?.Value switch
            {
                "all" => LinkerMode.All,
                "first" => LinkerMode.First,
                var other => throw new ConfigException(file, (int)v.Start.Line, "linker.mode", $"'{other}' is not a linker mode; expected all or first"),
            };
        }
        return mode;
    }

    private static ImmutableArray<BaseUrlMapping> BaseUrls(string file, YamlNode node)
    {
        if (node is not YamlSequenceNode seq)
            throw new ConfigException(file, (int)node.Start.Line, "baseUrls", "expected a list of {url, folder}");
        var result = ImmutableArray.CreateBuilder<BaseUrlMapping>();
        foreach (var item in seq.Children)
        {
            if (item is not YamlMappingNode m)
                throw new ConfigException(file, (int)item.Start.Line, "baseUrls", "expected {url: …, folder: …}");
            string? url = null, folder = ".";
            foreach (var (k, v) in m.Children)
            {
                var name = (k as YamlScalarNode)?.Value;
                var val = (v as YamlScalarNode)?.Value;
                switch (name)
                {
                    case "url": url = val; break;
                    case "folder": folder = val; break;
                    default: throw new ConfigException(file, (int)k.Start.Line, $"baseUrls.{name}", "unknown setting; expected url or folder");
                }
            }
            if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url, UriKind.Absolute, out _))
                throw new ConfigException(file, (int)item.Start.Line, "baseUrls.url", "expected an absolute URL such as https://example.org/glossary/");
            if (!url.EndsWith('/')) url += "/";
            folder = (folder ?? ".").Replace('\\', '/').Trim('/');
            if (folder is "." or "./") folder = "";
            if (folder.Split('/').Contains(".."))
                throw new ConfigException(file, (int)item.Start.Line, "baseUrls.folder", "must be a folder inside the workspace");
            result.Add(new BaseUrlMapping(url, folder));
        }
        return result.ToImmutable();
    }

    /// <summary>The line (1-based) where the last well-formed YAML event of the text ends.</summary>
    private static int LastGoodLine(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        int line = 1;
        try
        {
            while (parser.MoveNext())
                if (parser.Current is { } e) line = (int)e.End.Line;
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // The text is bad from here on: the line reached so far is the answer.
        }
        return line;
    }
}
