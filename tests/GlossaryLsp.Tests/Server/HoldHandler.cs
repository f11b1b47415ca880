using System.Collections.Concurrent;
using GlossaryLsp.Server;

namespace GlossaryLsp.Tests.Server;

public sealed record HoldParams(string Key);

/// <summary>
/// A test-only mutation that holds the request queue until the test releases it: messages sent
/// meanwhile have arrived (and been seen by arrival handlers) but wait in the queue, as an editor's
/// didOpens wait behind a folder being loaded — without depending on how long the load takes.
/// </summary>
[LspMethod("test/hold", Mutates = true)]
internal sealed class HoldHandler : ILspNotificationHandler<HoldParams>
{
    private static readonly ConcurrentDictionary<string, TaskCompletionSource> Gates = new();

    public static void Release(string key) => Gate(key).TrySetResult();

    public Task HandleAsync(HoldParams notification, RequestContext context, CancellationToken cancellationToken) =>
        Gate(notification.Key).Task.WaitAsync(LspTestClient.Patience, cancellationToken);

    private static TaskCompletionSource Gate(string key) => Gates.GetOrAdd(key, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
