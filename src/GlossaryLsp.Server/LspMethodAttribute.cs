namespace GlossaryLsp.Server;

/// <summary>A request handler: converts the params, calls the core, converts the result back.</summary>
public interface ILspRequestHandler<TParams, TResult>
{
    Task<TResult> HandleAsync(TParams request, RequestContext context, CancellationToken cancellationToken);
}

/// <summary>A notification handler.</summary>
public interface ILspNotificationHandler<TParams>
{
    Task HandleAsync(TParams notification, RequestContext context, CancellationToken cancellationToken);
}

/// <summary>
/// Marks a handler class: the LSP method it answers and whether it mutates the server state. Mutating
/// handlers run one at a time, in arrival order; the others run concurrently on the snapshot current
/// when they arrive.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class LspMethodAttribute(string method) : Attribute
{
    public string Method { get; } = method;
    public bool Mutates { get; init; }
}

