using GlossaryLsp.Server.Protocol;

namespace GlossaryLsp.Server;

/// <summary>
/// The server's log: stderr always, and <c>window/logMessage</c> once the connection is up. Never
/// stdout — stdout carries only the protocol.
/// </summary>
public sealed class ServerLog(TextWriter stderr)
{
    private readonly object _gate = new();
    public MessageType Level { get; set; } = MessageType.Info;

    internal Func<LogMessageParams, Task>? Forward { get; set; }

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
        if (Forward is { } forward)
            _ = forward(new LogMessageParams(type, message)).ContinueWith(static _ => { }, TaskScheduler.Default);
    }
}
