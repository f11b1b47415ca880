using GlossaryLsp.Server;

namespace GlossaryLsp.Tests.Server;

public sealed record ProbeParams(string? Uri = null, bool WaitForCancel = false);

public sealed record ProbeResult(long SnapshotVersion, string? Text);

/// <summary>
/// A test-only reader: returns the text of a document as its snapshot has it, or waits until it is
/// cancelled (for <c>$/cancelRequest</c> tests without timing).
/// </summary>
[LspMethod("test/probe")]
internal sealed class ProbeHandler : ILspRequestHandler<ProbeParams, ProbeResult>
{
    public static readonly TaskCompletionSource Started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<ProbeResult> HandleAsync(ProbeParams request, RequestContext context, CancellationToken cancellationToken)
    {
        if (request.WaitForCancel)
        {
            Started.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        var doc = request.Uri is null ? null : context.GetDocument(request.Uri);
        return new ProbeResult(context.Snapshot.Version, doc?.Document.Text);
    }
}
