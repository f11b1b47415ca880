using GlossaryLsp.Server.Protocol;

namespace GlossaryLsp.Server;

/// <summary>
/// The server's log: stderr always, and each message also to <paramref name="forward"/> (the server's
/// <c>window/logMessage</c>, which sends nothing while the connection is down). Never stdout — stdout
/// carries only the protocol. Any thread.
/// </summary>
public sealed class ServerLog(TextWriter stderr, Func<LogMessageParams, Task>? forward = null)
{
    private readonly object _gate = new();
    private volatile MessageType _level = MessageType.Info;

    /// <summary>The least severe message type written (<c>$/setTrace</c> sets it).</summary>
    public MessageType Level => _level;

    public void SetLevel(MessageType level) => _level = level;

    public void Error(string message) => Write(MessageType.Error, message);
    public void Warning(string message) => Write(MessageType.Warning, message);
    public void Info(string message) => Write(MessageType.Info, message);
    public void Debug(string message) => Write(MessageType.Log, message);

    public void Write(MessageType type, string message)
    {
        if (type > Level) return;
        lock (_gate)
        {
            try { stderr.WriteLine($"[{type.ToString().ToLowerInvariant()}] {message}"); stderr.Flush(); }
            catch (Exception e) when (e is IOException or ObjectDisposedException) { }
        }
        if (forward is not null)
            _ = forward(new LogMessageParams(type, message)).ContinueWith(static _ => { }, TaskScheduler.Default);
    }
}
