using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Workspace;

namespace GlossaryLsp.Server.Workspace;

/// <summary>
/// The parse of an open document's text, started on the thread pool when the text changes. Whoever
/// comes first parses — the pool, or the snapshot that needs it (which then never waits for a busy
/// pool); the other waits for that result. A parse for another configuration or text is not used.
/// </summary>
internal sealed class PendingParse(string path, string text, GlossaryConfig config)
{
    private readonly TaskCompletionSource<ParsedDocument> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _claimed;

    public Task Done => _done.Task;
    public bool IsDone => _done.Task.IsCompleted;

    /// <summary>A parse already done (the text's parse was kept).</summary>
    public static PendingParse Of(ParsedDocument document, GlossaryConfig config)
    {
        var parse = new PendingParse(document.Path, document.Text, config) { _claimed = 1 };
        parse._done.TrySetResult(document);
        return parse;
    }

    public void Start() => ThreadPool.UnsafeQueueUserWorkItem(static p => p.Run(), this, preferLocal: false);

    /// <summary>The parse of <paramref name="currentText"/> with <paramref name="currentConfig"/>: this one's when they are what it parsed.</summary>
    public ParsedDocument Result(string currentText, GlossaryConfig currentConfig)
    {
        if (!ReferenceEquals(currentText, text) || !ReferenceEquals(currentConfig, config))
            return WorkspaceLoader.ParseEditorText(path, currentText, currentConfig);
        Run();
        return _done.Task.GetAwaiter().GetResult();
    }

    private void Run()
    {
        if (Interlocked.Exchange(ref _claimed, 1) != 0) return;
        try
        {
            _done.TrySetResult(WorkspaceLoader.ParseEditorText(path, text, config));
        }
        catch (Exception e)
        {
            _done.TrySetException(e);
        }
    }
}
