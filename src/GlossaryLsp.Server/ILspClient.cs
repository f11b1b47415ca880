using GlossaryLsp.Server.Protocol;

namespace GlossaryLsp.Server;

/// <summary>What handlers may send to the client.</summary>
public interface ILspClient
{
    Task NotifyAsync(string method, object? parameters);

    Task<TResult?> RequestAsync<TResult>(string method, object? parameters, CancellationToken cancellationToken);

    /// <summary><c>workspace/applyEdit</c>; a failed or refused edit comes back as <c>applied: false</c>.</summary>
    Task<ApplyWorkspaceEditResult> ApplyEditAsync(WorkspaceEdit edit, string? label, CancellationToken cancellationToken);

    Task ShowMessageAsync(MessageType type, string message);
}
