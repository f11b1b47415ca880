namespace GlossaryLsp.Core.Workspace;

/// <summary>How <see cref="WorkspaceLoader.Load"/> reads a folder; the defaults suit a one-off command.</summary>
public sealed record LoadOptions
{
    public static LoadOptions Default { get; } = new();

    /// <summary>Told (done, total) as Markdown files are parsed.</summary>
    public IProgress<(int Done, int Total)>? Progress { get; init; }

    /// <summary>Filled with how long each phase took.</summary>
    public LoadTimings? Timings { get; init; }

    /// <summary>Where the files are parsed, as many at once as it runs (default: the thread pool).</summary>
    public TaskScheduler? Scheduler { get; init; }

    /// <summary>
    /// Given each file's decoded text, returns the string to keep: an equal one already held elsewhere
    /// (the server: an editor's didOpen of the file, which then shares it), or the text itself.
    /// </summary>
    public Func<string, string>? ShareText { get; init; }
}
