using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GlossaryLsp.Core.Config;

/// <summary>
/// Loads prh dictionaries (the textlint-rule-prh / prh 5 YAML format) as prh's <c>lib/index.js</c> and
/// <c>lib/rule.js</c> do: <c>version</c>; <c>rules</c> as strings or mappings with <c>expected</c>,
/// <c>pattern</c>/<c>patterns</c> (strings, <c>/regex/flags</c> or lists of them; generated from
/// <c>expected</c> when absent), <c>options.wordBoundary</c>, <c>regexpMustEmpty</c> and <c>specs</c>, each
/// spec checked now; <c>imports</c> (relative to the importing file, with <c>disableImports</c> and
/// <c>ignoreRules</c>). Later files and imports add only rules whose <c>expected</c> is new. Every problem
/// is a <see cref="ConfigException"/> naming the file, the line and the rule. Files must lie inside the
/// workspace. <c>meta</c> and <c>targets</c> are not read: prose is what GL0013 checks.
/// </summary>
internal sealed class PrhLoader(string root, Func<string, string?> read)
{
    private const string HalfWidth = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const string FullWidth = "ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ０１２３４５６７８９";
    private readonly List<string> _files = [];

    /// <summary>The dictionaries <c>prh:</c> names, merged in order (prh's <c>fromYAMLFilePaths</c>).</summary>
    public static PrhDictionary Load(string configFile, IReadOnlyList<(string Path, int Line)> entries, Func<string, string?>? read = null)
    {
        var root = Path.GetDirectoryName(Path.GetFullPath(configFile)) ?? ".";
        var loader = new PrhLoader(root, read ?? (p => File.Exists(p) ? File.ReadAllText(p) : null));
        Engine? merged = null;
        foreach (var (path, line) in entries)
        {
            var full = loader.Resolve(configFile, line, "prh", root, path);
            var engine = loader.LoadFile(full, configFile, line, [], disableImports: false);
            if (merged is null) merged = engine;
            else merged.Merge(engine, configFile, line);
        }
        return new PrhDictionary(merged?.Rules ?? [], loader._files);
    }

    private static ConfigException Error(string file, YamlNode node, string? key, string message) => new(file, (int)node.Start.Line, key, message);

    private static string? Scalar(YamlNode? node) =>
        node is YamlScalarNode { Value: var v } s && !(s.Style == ScalarStyle.Plain && v is "" or "~" or "null" or "Null" or "NULL") ? v : null;

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode { Value: var k } && k == key).Value;

    /// <summary>prh's <c>spreadAlphaNum</c>: each ASCII letter or digit of <c>expected</c> becomes a class with its other case and full-width forms.</summary>
    private static string SpreadAlphaNum(string expected)
    {
        var sb = new StringBuilder();
        foreach (char v in expected)
        {
            int upper = HalfWidth.IndexOf(char.ToUpperInvariant(v)), lower = HalfWidth.IndexOf(char.ToLowerInvariant(v));
            if (upper < 0 && lower < 0) sb.Append(v);
            else if (upper == lower) sb.Append('[').Append(v).Append(FullWidth[upper]).Append(']');
            else sb.Append('[').Append(char.ToUpperInvariant(v)).Append(char.ToLowerInvariant(v)).Append(At(upper)).Append(At(lower)).Append(']');
        }
        return sb.ToString();

        static string At(int i) => i < 0 ? "" : FullWidth[i].ToString();
    }

    /// <summary>prh's <c>escapeSpecialChars</c> (which leaves backslashes as they are).</summary>
    private static string EscapeSpecialChars(string s)
    {
        var sb = new StringBuilder(s.Length + 8);
        foreach (char c in s) sb.Append("¥*+.?{}()[]^$-|/".Contains(c) ? "\\" + c : c.ToString());
        return sb.ToString();
    }

    /// <summary>What <c>RegExp.prototype.source</c> gives for a pattern: '/' outside classes and line breaks escaped.</summary>
    private static string SourceOf(string pattern)
    {
        var sb = new StringBuilder(pattern.Length);
        bool inClass = false;
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length) { sb.Append(c).Append(pattern[++i]); continue; }
            if (c == '[') inClass = true;
            else if (c == ']') inClass = false;
            sb.Append(c switch { '/' when !inClass => "\\/", '\n' => "\\n", '\r' => "\\r", '\u2028' => "\\u2028", '\u2029' => "\\u2029", _ => c.ToString() });
        }
        return sb.ToString();
    }

    /// <summary>prh's <c>+src.version || 1</c>.</summary>
    private static double Version(string? value) =>
        double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) && v != 0 && !double.IsNaN(v) ? v : 1;

    /// <summary>prh's <c>_patternToRegExp</c>: the regex source and whether it ignores case.</summary>
    private static (string Source, bool IgnoreCase) Pattern(YamlNode? pattern, string expected, bool wordBoundary)
    {
        static string Bounded(string source, bool wordBoundary) => wordBoundary ? @"\b" + source + @"\b" : source;
        switch (pattern)
        {
            case null:
                return (Bounded(SpreadAlphaNum(expected), wordBoundary), false);
            case YamlScalarNode s:
                var text = Scalar(s) ?? "";
                if (text.Length >= 2 && text[0] == '/' && text.LastIndexOf('/') is var slash and > 0
                    && text.AsSpan(slash + 1).IndexOfAnyExcept("gimy") < 0 && !text.AsSpan(1, slash - 1).ContainsAny('\n', '\r'))
                {
                    var flags = text[(slash + 1)..];
                    if (flags.Distinct().Count() != flags.Length) throw new JsRegexException($"invalid flags '{flags}'");
                    return (Bounded(text[1..slash], wordBoundary), flags.Contains('i'));
                }
                return (Bounded(EscapeSpecialChars(text), wordBoundary), false);
            case YamlSequenceNode list:
                var parts = list.Children.Select(c => Pattern(c, expected, wordBoundary)).ToList();
                if (parts.Select(p => p.IgnoreCase).Distinct().Count() > 1)
                    throw new JsRegexException("combining different flags: some patterns ignore case and some do not");
                return ("(?:" + string.Join('|', parts.Select(p => p.Source)) + ")", parts.Count > 0 && parts[0].IgnoreCase);
            default:
                throw new JsRegexException($"unexpected pattern at line {pattern.Start.Line}");
        }
    }

    private string Resolve(string fromFile, int line, string key, string folder, string path)
    {
        var full = Path.GetFullPath(Path.Combine(folder, path));
        var rootWithSlash = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        if (!full.StartsWith(rootWithSlash, StringComparison.Ordinal))
            throw new ConfigException(fromFile, line, key, $"'{path}' is outside the workspace");
        if (File.Exists(full) && new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true) is { } target
            && !target.FullName.StartsWith(rootWithSlash, StringComparison.Ordinal))
            throw new ConfigException(fromFile, line, key, $"'{path}' links outside the workspace");
        return full;
    }

    private Engine LoadFile(string full, string fromFile, int fromLine, List<string> chain, bool disableImports)
    {
        var relative = Path.GetRelativePath(root, full).Replace('\\', '/');
        if (chain.Contains(full))
            throw new ConfigException(fromFile, fromLine, "imports", $"'{relative}' imports itself ({string.Join(" → ", chain.Append(full).Select(Path.GetFileName))})");
        var text = read(full) ?? throw new ConfigException(fromFile, fromLine, "prh", $"prh dictionary '{relative}' not found");
        if (!_files.Contains(relative)) _files.Add(relative);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new ConfigException(full, (int)e.Start.Line, null, $"invalid YAML: {e.InnerException?.Message ?? e.Message}");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map)
            throw new ConfigException(full, 1, null, "a prh dictionary is a mapping with 'version' and 'rules'");
        var engine = new Engine(Version(Scalar(Child(map, "version"))));
        if (Child(map, "rules") is { } rules)
        {
            if (rules is not YamlSequenceNode list) throw Error(full, rules, "rules", "expected a list of rules");
            for (int i = 0; i < list.Children.Count; i++) engine.Rules.Add(Rule(full, relative, i, list.Children[i]));
        }
        if (!disableImports && Child(map, "imports") is { } imports) Import(full, imports, engine, [.. chain, full]);
        return engine;
    }

    private void Import(string full, YamlNode imports, Engine engine, List<string> chain)
    {
        IEnumerable<YamlNode> items = imports is YamlSequenceNode seq ? seq.Children : [imports];
        foreach (var item in items)
        {
            string? path;
            bool disable = false;
            var ignore = new List<(string? Pattern, string? Expected)>();
            if (item is YamlMappingNode spec)
            {
                path = Scalar(Child(spec, "path"));
                disable = Scalar(Child(spec, "disableImports")) is "true" or "True" or "TRUE";
                if (Child(spec, "ignoreRules") is YamlSequenceNode rules)
                    foreach (var r in rules.Children)
                        ignore.Add(r is YamlMappingNode m ? (Scalar(Child(m, "pattern")), Scalar(Child(m, "expected"))) : (Scalar(r), null));
            }
            else path = Scalar(item);
            if (path is null) throw Error(full, item, "imports", "expected a path or {path, disableImports, ignoreRules}");
            var target = Resolve(full, (int)item.Start.Line, "imports", Path.GetDirectoryName(full)!, path);
            var imported = LoadFile(target, full, (int)item.Start.Line, chain, disable);
            imported.Rules.RemoveAll(r => ignore.Exists(i => (i.Pattern is not null && r.PatternText == i.Pattern) || (i.Expected is not null && r.Expected == i.Expected)));
            engine.Merge(imported, full, (int)item.Start.Line);
        }
    }

    private PrhRule Rule(string full, string relative, int index, YamlNode node)
    {
        int line = (int)node.Start.Line;
        string? expected, note = null, mustEmpty = null;
        YamlNode? pattern = null;
        bool wordBoundary = false;
        YamlSequenceNode? specs = null;
        if (node is YamlMappingNode map)
        {
            expected = Scalar(Child(map, "expected"));
            var patternNode = Child(map, "pattern");
            var patternsNode = Child(map, "patterns");
            foreach (var p in new[] { patternNode, patternsNode })
                if (p is YamlScalarNode { Value: "" } || p is YamlSequenceNode s && s.Children.Any(c => c is YamlScalarNode { Value: "" }))
                    throw Error(full, node, $"rules[{index}]", "pattern can't be empty");
            pattern = Scalar(patternNode) is not null || patternNode is YamlSequenceNode ? patternNode : patternsNode;
            if (pattern is YamlScalarNode && Scalar(pattern) is null) pattern = null;
            note = Scalar(Child(map, "prh"));
            mustEmpty = Scalar(Child(map, "regexpMustEmpty"));
            if (Child(map, "options") is YamlMappingNode options) wordBoundary = Scalar(Child(options, "wordBoundary")) is "true" or "True" or "TRUE";
            specs = Child(map, "specs") as YamlSequenceNode;
        }
        else expected = Scalar(node);
        var key = $"rules[{index}]" + (expected is null ? "" : $" (expected: {expected})");
        if (expected is null) throw Error(full, node, key, "expected is required");
        int mustEmptyGroup = 0;
        if (mustEmpty is not null)
        {
            if (mustEmpty.Length < 2 || mustEmpty[0] != '$' || !int.TryParse(mustEmpty.AsSpan(1), System.Globalization.NumberStyles.None, null, out mustEmptyGroup))
                throw Error(full, node, key, $"regexpMustEmpty '{mustEmpty}' must be $1, $2, …");
        }
        PrhRule rule;
        try
        {
            var (source, ignoreCase) = Pattern(pattern, expected, wordBoundary);
            rule = new PrhRule(expected, SourceOf(source), ignoreCase, mustEmptyGroup, relative, line, note);
        }
        catch (JsRegexException e)
        {
            throw Error(full, node, key, e.Message);
        }
        foreach (var spec in specs?.Children ?? [])
        {
            var from = spec is YamlMappingNode s ? Scalar(Child(s, "from")) : null;
            var to = spec is YamlMappingNode t ? Scalar(Child(t, "to")) : null;
            if (string.IsNullOrEmpty(from) || string.IsNullOrEmpty(to)) throw Error(full, node, key, "a spec needs 'from' and 'to'");
            var got = PrhDictionary.Rewrite(rule, from);
            if (got != to) throw Error(full, node, key, $"spec failed: \"{from}\" should become \"{to}\" but became \"{got}\" ({rule.PatternText})");
        }
        return rule;
    }

    /// <summary>prh's <c>Engine</c> while loading: its version and rules; <see cref="Merge"/> adds the rules whose <c>expected</c> is new.</summary>
    private sealed class Engine(double version)
    {
        public double Version { get; } = version;
        public List<PrhRule> Rules { get; } = [];

        public void Merge(Engine other, string file, int line)
        {
            if (other.Version != Version) throw new ConfigException(file, line, "version", $"version mismatch: {Version} and {other.Version}");
            var known = Rules.Select(r => r.Expected).ToHashSet(StringComparer.Ordinal);
            Rules.AddRange(other.Rules.Where(r => !known.Contains(r.Expected)));
        }
    }
}
