using System.Text;

namespace GlossaryLsp.Cli;

/// <summary>
/// Writes the files <c>glossary lint --fix</c> changed, all or none: each new text goes to a temporary
/// file in the file's own folder (same permissions, the file's BOM kept; the text between edits, line
/// ends included, is the file's own), then, once every file is staged and each still holds exactly the
/// text that was read, every temporary file is renamed over its file — a rename replaces a file whole,
/// so a reader never sees half a file. A read-only file, a file changed since it was read, or one that
/// cannot be written is reported, and then no file is written at all: a fix edits several files (an id
/// and the links to it) and must not be half-applied.
/// </summary>
internal static class FixedFiles
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    /// <summary>"read-only file" when the file may not be written (its write permission is off, also for root); else null.</summary>
    public static string? ReadOnlyProblem(string root, string path)
    {
        try { return File.GetAttributes(Target(root, path)).HasFlag(FileAttributes.ReadOnly) ? "read-only file" : null; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return $"cannot read file: {e.Message}"; }
    }

    /// <summary>Writes every change, or none; returns the problems (workspace path, message), empty when all were written.</summary>
    public static IReadOnlyList<(string Path, string Message)> WriteAll(string root, IReadOnlyList<Change> changes)
    {
        var problems = new List<(string, string)>();
        var staged = new List<(Change Change, string File, string Temp, bool Bom)>();
        try
        {
            foreach (var change in changes)
            {
                try
                {
                    var file = Target(root, change.Path);
                    if (ReadOnlyProblem(root, change.Path) is { } readOnly) { problems.Add((change.Path, readOnly)); continue; }
                    var (bom, _) = Read(file);
                    var temp = Path.Combine(Path.GetDirectoryName(file)!, $".{Path.GetFileName(file)}.{Guid.NewGuid():N}.glossary-fix");
                    staged.Add((change, file, temp, bom));
                    using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                    {
                        if (bom) stream.Write([0xEF, 0xBB, 0xBF]);
                        stream.Write(StrictUtf8.GetBytes(change.NewText));
                        stream.Flush(flushToDisk: true);
                    }
                    if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, File.GetUnixFileMode(file));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    problems.Add((change.Path, $"cannot write file: {e.Message}"));
                }
            }
            if (problems.Count > 0) return problems;

            // Just before replacing: every file still holds the text the fixes were computed from.
            foreach (var (change, file, _, bom) in staged)
            {
                try
                {
                    var (nowBom, text) = Read(file);
                    if (text != change.OriginalText || nowBom != bom) problems.Add((change.Path, "the file changed on disk since it was read"));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    problems.Add((change.Path, $"cannot read file: {e.Message}"));
                }
            }
            if (problems.Count > 0) return problems;
            foreach (var (change, file, temp, _) in staged)
            {
                try { File.Move(temp, file, overwrite: true); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { problems.Add((change.Path, $"cannot replace file: {e.Message}")); }
            }
            return problems;
        }
        finally
        {
            foreach (var (_, _, temp, _) in staged)
            {
                try { File.Delete(temp); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { problems.Add((temp, $"cannot remove the temporary file: {e.Message}")); }
            }
        }
    }

    /// <summary>The file a workspace path names: a symbolic link's target (inside the workspace: the loader reads no other), else the path.</summary>
    private static string Target(string root, string path)
    {
        var full = Path.Combine(root, path);
        return new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
    }

    /// <summary>A file's BOM and text as the loader decodes it (null text when it is no longer UTF-8).</summary>
    private static (bool Bom, string? Text) Read(string file)
    {
        var bytes = File.ReadAllBytes(file);
        bool bom = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
        try { return (bom, StrictUtf8.GetString(bytes, bom ? 3 : 0, bytes.Length - (bom ? 3 : 0))); }
        catch (DecoderFallbackException) { return (bom, null); }
    }

    /// <summary>One changed document: its workspace path, the text it was parsed from, and its fixed text.</summary>
    public sealed record Change(string Path, string OriginalText, string NewText);
}
