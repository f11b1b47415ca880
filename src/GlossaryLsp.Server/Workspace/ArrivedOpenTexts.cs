// The texts of didOpens that have arrived but that the request queue has not handled yet: while a
// folder is being read (the `initialized` handler), an editor's didOpens for every file wait behind it,
// each holding the whole text. So that the workspace is not held twice:
// - the loader parses a file from its editor text when that text is here, instead of reading the file,
//   and the queued didOpen then finds that very string indexed (nothing to do);
// - a didOpen arriving after its file was read (the loader is usually ahead) gets the read string in
//   place of its own when they are equal, so its own dies young instead of waiting in the queue.
// Thread-safe, unlike the rest of WorkspaceState: filled on the JSON-RPC thread, read by the loader's
// workers, emptied by the queue.
using System.Collections.Concurrent;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Server.Protocol;

namespace GlossaryLsp.Server.Workspace;

internal sealed class ArrivedOpenTexts
{
    /// <summary>By full file path; an entry is its own object so that removing it cannot remove a newer didOpen's text.</summary>
    private readonly ConcurrentDictionary<string, Entry> _arrived = new(StringComparer.Ordinal);

    /// <summary>While a load runs: the texts it read from disk, by full path.</summary>
    private volatile ConcurrentDictionary<string, string>? _read;

    private sealed class Entry(string text)
    {
        public string Text { get; } = text;
    }

    private int _swapped;

    /// <summary>didOpens arrived and not handled yet (tests read it).</summary>
    public int Count => _arrived.Count;

    /// <summary>didOpens whose text was swapped for the equal text the load had read, since the load began.</summary>
    public int Swapped => _swapped;

    /// <summary>A didOpen arrived (JSON-RPC thread, before it is queued); returns the text to queue: the loaded file's own string when they are equal.</summary>
    public string Arrived(string uri, string text)
    {
        if (ProtocolConversions.ToFilePath(uri) is not { } path) return text;
        if (_read is { } read && read.TryGetValue(path, out var disk) && string.Equals(disk, text, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _swapped);
            return disk;
        }
        _arrived[path] = new Entry(text);
        return text;
    }

    /// <summary>The queue handles the didOpen of this text: it is no longer held here (a later didOpen of the same file stays).</summary>
    public void Handled(string uri, string text)
    {
        if (_arrived.IsEmpty || ProtocolConversions.ToFilePath(uri) is not { } path) return;
        if (_arrived.TryGetValue(path, out var entry) && ReferenceEquals(entry.Text, text))
            _arrived.TryRemove(new KeyValuePair<string, Entry>(path, entry));
    }

    /// <summary>The text of a didOpen of this file that waits in the queue, or null.</summary>
    public string? TextOf(string fullPath) =>
        !_arrived.IsEmpty && _arrived.TryGetValue(fullPath, out var entry) ? entry.Text : null;

    /// <summary>From now until <see cref="EndLoad"/>, <see cref="ReadFromDisk"/> records what the loader read.</summary>
    public void BeginLoad()
    {
        _swapped = 0;
        _read = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
    }

    public void EndLoad() => _read = null;

    /// <summary>The loader read this file from disk (any thread).</summary>
    public void ReadFromDisk(string fullPath, ParsedDocument document)
    {
        if (document.LoadProblem is null && _read is { } read) read[fullPath] = document.Text;
    }
}
