using System.Diagnostics;

namespace GlossaryLsp.Cli;

/// <summary>
/// "Reading 350/1000 files…" on stderr while a long load runs (SPEC §4: progress to stderr, results to
/// stdout). Only on an interactive terminal and only after half a second, so quick runs, pipes, CI logs
/// and in-process tests see nothing; the line is erased when the load ends.
/// </summary>
internal sealed class TerminalProgress : IProgress<(int Done, int Total)>
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly object _gate = new();
    private bool _shown;

    private TerminalProgress() { }

    /// <summary>A progress reporter when <paramref name="stderr"/> is the console's interactive stderr, else null.</summary>
    public static TerminalProgress? For(TextWriter stderr) =>
        ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected ? new TerminalProgress() : null;

    public void Report((int Done, int Total) value)
    {
        if (_clock.ElapsedMilliseconds < 500) return;
        lock (_gate)
        {
            Console.Error.Write($"\rReading {value.Done}/{value.Total} files…");
            _shown = true;
        }
    }

    /// <summary>Erases the progress line, if one was written.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            if (_shown) Console.Error.Write("\r\u001b[K");
            _shown = false;
        }
    }
}
