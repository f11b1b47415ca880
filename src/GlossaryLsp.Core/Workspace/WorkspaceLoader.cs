using System.Collections.Concurrent;
using System.Text;
using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;

namespace GlossaryLsp.Core.Workspace;

/// <summary>
/// Reads a workspace folder from disk into a <see cref="GlossaryIndex"/>: every Markdown file parsed in
/// parallel, other files listed (for link existence checks) but never read. Files that cannot be
/// analysed (not UTF-8, binary, too large, a link out of the workspace) become documents with a
/// <see cref="LoadProblem"/>; nothing here throws for bad content.
/// </summary>
public static class WorkspaceLoader
{
    /// <summary>Files larger than this are reported, not parsed (SPEC §7).</summary>
    public const long MaxFileBytes = 16 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal) { ".git", "node_modules", "bin", "obj", ".vscode-test" };

    /// <summary>Whether a workspace path lies in a folder the loader never enters (<c>.git</c>, <c>node_modules</c>, build output).</summary>
    public static bool IsInSkippedFolder(string relativePath) => relativePath.Split('/')[..^1].Any(SkippedFolders.Contains);

    public static bool IsMarkdown(string path) =>
        path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the config at the root, if any. Throws <see cref="ConfigException"/> when it is bad.</summary>
    public static GlossaryConfig LoadConfig(string root)
    {
        var path = Path.Combine(root, GlossaryConfigLoader.FileName);
        return File.Exists(path) ? GlossaryConfigLoader.Load(path) : GlossaryConfig.Default;
    }

    /// <summary>Reads the folder: every Markdown file parsed in parallel, the other files listed.</summary>
    public static GlossaryIndex Load(string root, GlossaryConfig config, LoadOptions? options = null, CancellationToken cancellationToken = default)
    {
        var (progress, timings, scheduler, share) = (options?.Progress, options?.Timings, options?.Scheduler, options?.ShareText);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        root = Path.GetFullPath(root);
        var markdown = new List<string>();
        var others = new List<string>();
        foreach (var rel in EnumerateFiles(root))
        {
            if (config.IsIgnored(rel)) continue;
            (IsMarkdown(rel) ? markdown : others).Add(rel);
        }
        if (timings is not null) timings.Scan = clock.Elapsed;
        var docs = new ConcurrentBag<ParsedDocument>();
        int done = 0;
        // One file at a time from the front of the list, not a range per worker: file sizes vary widely.
        var parallel = new ParallelOptions
        {
            CancellationToken = cancellationToken,
            TaskScheduler = scheduler ?? TaskScheduler.Default,
            MaxDegreeOfParallelism = scheduler?.MaximumConcurrencyLevel ?? -1,
        };
        Parallel.ForEach(Partitioner.Create(markdown, EnumerablePartitionerOptions.NoBuffering), parallel, rel =>
        {
            docs.Add(LoadDocument(root, rel, config, share));
            var n = Interlocked.Increment(ref done);
            if (progress is not null && (n % 50 == 0 || n == markdown.Count)) progress.Report((n, markdown.Count));
        });
        if (timings is not null) timings.Parse = clock.Elapsed - timings.Scan;
        var index = GlossaryIndex.Create(config, docs, others);
        if (timings is not null) timings.Index = clock.Elapsed - timings.Scan - timings.Parse;
        return index;
    }

    /// <summary>Workspace-relative paths of every file below the root, skipping tool folders and links that leave the root.</summary>
    public static IEnumerable<string> EnumerateFiles(string root)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = true, AttributesToSkip = 0 };
        var stack = new Stack<string>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var dir = stack.Pop();
            IEnumerable<FileSystemInfo> entries;
            try { entries = new DirectoryInfo(dir).EnumerateFileSystemInfos("*", options).ToList(); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
            foreach (var e in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                if (e is DirectoryInfo d)
                {
                    if (SkippedFolders.Contains(d.Name) || d.LinkTarget is not null) continue; // never follow folder links
                    stack.Push(d.FullName);
                }
                else
                {
                    yield return Path.GetRelativePath(root, e.FullName).Replace('\\', '/');
                }
            }
        }
    }

    /// <summary>Reads and parses one file; problems become a <see cref="LoadProblem"/>, never an exception.</summary>
    public static ParsedDocument LoadDocument(string root, string relativePath, GlossaryConfig config) => LoadDocument(root, relativePath, config, null);

    /// <summary>The problem of a file (or, for the server, an open document) over <see cref="MaxFileBytes"/>; null when it fits.</summary>
    public static LoadProblem? TooLarge(long bytes, string noun = "file") =>
        bytes > MaxFileBytes ? new LoadProblem($"{noun} is {bytes / (1024.0 * 1024):0.#} MB; {noun}s over {MaxFileBytes / (1024 * 1024)} MB are not analysed") : null;

    /// <summary>Whether a file is a symbolic link whose final target is missing or outside the root: such a file is never read (SPEC §7).</summary>
    public static bool LinksOutOf(string root, FileInfo file)
    {
        if (file.LinkTarget is null) return false;
        var target = file.ResolveLinkTarget(returnFinalTarget: true);
        var rootFull = Path.GetFullPath(root).TrimEnd('/') + "/";
        return target is null || !Path.GetFullPath(target.FullName).StartsWith(rootFull, StringComparison.Ordinal);
    }

    /// <summary>Parses an editor's text of a document: like a file's, but its size is counted in UTF-8 bytes of the text (SPEC §7).</summary>
    public static ParsedDocument ParseEditorText(string relativePath, string text, GlossaryConfig config)
    {
        // Counting UTF-8 bytes is skipped for texts that cannot reach the limit (at most 3 bytes per UTF-16 unit).
        if (text.Length > MaxFileBytes / 3 && TooLarge(Encoding.UTF8.GetByteCount(text), "document") is { } tooLarge)
            return ParsedDocument.Unreadable(relativePath, tooLarge);
        return ParseText(relativePath, text, config);
    }

    /// <summary>Decodes UTF-8 (BOM allowed) strictly and parses; binary or invalid text becomes a <see cref="LoadProblem"/>.</summary>
    public static ParsedDocument ParseBytes(string relativePath, ReadOnlySpan<byte> bytes, GlossaryConfig config) => ParseBytes(relativePath, bytes, config, null);

    /// <summary>Parses text as a document of this workspace (<see cref="DocumentParser.Parse"/> with the config's glossary globs).</summary>
    public static ParsedDocument ParseText(string relativePath, string text, GlossaryConfig config) =>
        DocumentParser.Parse(relativePath, text, config.IsGlossaryPath(relativePath));

    private static ParsedDocument LoadDocument(string root, string relativePath, GlossaryConfig config, Func<string, string>? share)
    {
        var full = Path.Combine(root, relativePath);
        try
        {
            var info = new FileInfo(full);
            if (LinksOutOf(root, info))
                return ParsedDocument.Unreadable(relativePath, new LoadProblem("symbolic link to a file outside the workspace; not read"));
            if (TooLarge(info.Length) is { } tooLarge) return ParsedDocument.Unreadable(relativePath, tooLarge);
            // Read into a pooled buffer: the bytes live only until they are decoded.
            using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent((int)Math.Max(stream.Length, 1));
            try
            {
                int length = 0, read;
                while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0) length += read;
                if (length == buffer.Length && stream.ReadByte() >= 0) // grew while being read: read it whole
                    return ParseBytes(relativePath, File.ReadAllBytes(full), config, share);
                return ParseBytes(relativePath, buffer.AsSpan(0, length), config, share);
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ParsedDocument.Unreadable(relativePath, new LoadProblem($"cannot read file: {e.Message}"));
        }
    }

    private static ParsedDocument ParseBytes(string relativePath, ReadOnlySpan<byte> bytes, GlossaryConfig config, Func<string, string>? share)
    {
        if (TooLarge(bytes.Length) is { } tooLarge) return ParsedDocument.Unreadable(relativePath, tooLarge);
        int nul = bytes[..Math.Min(bytes.Length, 8192)].IndexOf((byte)0);
        if (nul >= 0)
            return ParsedDocument.Unreadable(relativePath, new LoadProblem($"binary file (NUL byte at offset {nul}); not analysed"));
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
            if (share is not null) text = share(text);
        }
        catch (DecoderFallbackException e)
        {
            return ParsedDocument.Unreadable(relativePath, new LoadProblem($"not valid UTF-8 (invalid byte at offset {e.Index}); not analysed"));
        }
        return ParseText(relativePath, text, config);
    }
}

/// <summary>How long the phases of <see cref="WorkspaceLoader.Load"/> took.</summary>
public sealed class LoadTimings
{
    /// <summary>Listing the files.</summary>
    public TimeSpan Scan { get; set; }
    /// <summary>Reading and parsing every Markdown file (in parallel).</summary>
    public TimeSpan Parse { get; set; }
    /// <summary>Building the index (entry-word and URL tables).</summary>
    public TimeSpan Index { get; set; }
}
