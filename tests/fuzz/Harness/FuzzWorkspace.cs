using System.Text;
using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Workspace;

namespace GlossaryLsp.Fuzz;

/// <summary>
/// One fuzz input read as a small workspace, in the tests' fixture syntax: a line starting with <c>//-</c>
/// begins a file and names its path (the bytes before the first such line are the file <c>doc.md</c>).
/// A root <c>glossary.yml</c> is the config; Markdown files are decoded and parsed as the loader does
/// (strict UTF-8, BOM, NUL bytes, size and line limits); any other path is a non-Markdown file.
/// Paths are made workspace-relative: no empty, <c>.</c> or <c>..</c> segments, no control characters.
/// </summary>
public sealed class FuzzWorkspace
{
    /// <summary>More files than this are ignored: a workspace of a few files finds the cross-file paths.</summary>
    public const int MaxFiles = 16;

    private static readonly UTF8Encoding LenientUtf8 = new(false, throwOnInvalidBytes: false);

    private FuzzWorkspace(GlossaryConfig config, string? configError, IReadOnlyList<(string Path, byte[] Bytes)> files, GlossaryIndex index)
    {
        Config = config;
        ConfigError = configError;
        Files = files;
        Index = index;
    }

    public GlossaryConfig Config { get; }

    /// <summary>The message of a bad glossary.yml (the workspace then uses the default config, as the server does).</summary>
    public string? ConfigError { get; }

    /// <summary>Every file of the input (Markdown, other files and the config) with its bytes.</summary>
    public IReadOnlyList<(string Path, byte[] Bytes)> Files { get; }

    public GlossaryIndex Index { get; }

    public static FuzzWorkspace Read(ReadOnlySpan<byte> input)
    {
        var files = Split(input);
        var config = GlossaryConfig.Default;
        string? configError = null;
        var yml = files.FirstOrDefault(f => f.Path == GlossaryConfigLoader.FileName);
        if (yml.Bytes is not null)
        {
            try
            {
                config = GlossaryConfigLoader.Parse(LenientUtf8.GetString(yml.Bytes), GlossaryConfigLoader.FileName);
            }
            catch (ConfigException e)
            {
                configError = e.Message;
            }
        }
        var docs = new List<ParsedDocument>();
        var others = new List<string>();
        foreach (var (path, bytes) in files)
        {
            if (WorkspaceLoader.IsMarkdown(path)) docs.Add(WorkspaceLoader.ParseBytes(path, bytes, config));
            else others.Add(path);
        }
        return new FuzzWorkspace(config, configError, files, GlossaryIndex.Create(config, docs, others));
    }

    /// <summary>The files of an input, in input order, each path at most once (a repeated path gets a folder of its own).</summary>
    public static List<(string Path, byte[] Bytes)> Split(ReadOnlySpan<byte> input)
    {
        var files = new List<(string Path, byte[] Bytes)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string path = "doc.md";
        int start = 0, lineStart = 0;
        bool first = true;
        while (lineStart <= input.Length && files.Count < MaxFiles)
        {
            int nl = input[lineStart..].IndexOf((byte)'\n');
            int lineEnd = nl < 0 ? input.Length : lineStart + nl;
            if (input[lineStart..lineEnd].StartsWith("//-"u8))
            {
                if (!first || lineStart > 0) Add(path, input[start..lineStart]);
                first = false;
                path = SafePath(input[(lineStart + 3)..lineEnd], files.Count);
                start = nl < 0 ? input.Length : lineEnd + 1;
            }
            if (nl < 0) break;
            lineStart = lineEnd + 1;
        }
        if (files.Count < MaxFiles) Add(path, input[start..]);
        return files;

        void Add(string p, ReadOnlySpan<byte> bytes)
        {
            if (!seen.Add(p)) seen.Add(p = $"dup{files.Count}/{p}");
            files.Add((p, bytes.ToArray()));
        }
    }

    /// <summary>A workspace-relative path from the rest of a <c>//-</c> line; <c>f{n}.md</c> when nothing usable is left.</summary>
    public static string SafePath(ReadOnlySpan<byte> raw, int n)
    {
        var text = LenientUtf8.GetString(raw).Trim();
        var segments = text.Split('/', '\\')
            .Select(s => new string([.. s.Where(c => !char.IsControl(c))]).Trim())
            .Where(s => s.Length > 0 && s != "." && s != "..")
            .Select(s => s.Length > 40 ? s[..(char.IsHighSurrogate(s[39]) ? 39 : 40)] : s)
            .Take(5)
            .ToList();
        return segments.Count == 0 ? $"f{n}.md" : string.Join('/', segments);
    }
}
