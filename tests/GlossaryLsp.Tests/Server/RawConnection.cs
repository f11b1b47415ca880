using System.Text;
using System.Text.Json;
using GlossaryLsp.Server;
using Nerdbank.Streams;

namespace GlossaryLsp.Tests.Server;

/// <summary>Bytes in, framed JSON messages out: for garbage input and exact error codes.</summary>
internal sealed class RawConnection : IAsyncDisposable
{
    private readonly Stream _client;
    private readonly Stream _server;
    private readonly StringWriter _stderr = new();
    private readonly byte[] _buffer = new byte[1 << 20];
    private int _start, _end;

    public RawConnection(string root)
    {
        Root = root;
        (_client, _server) = FullDuplexStream.CreatePair();
        Server = new LanguageServer(_server, _server, TextWriter.Synchronized(_stderr), [typeof(ProbeHandler)]);
        Run = Task.Run(Server.RunAsync);
    }

    public LanguageServer Server { get; }
    public Task<int> Run { get; }
    public string Root { get; }

    public string Stderr => _stderr.ToString();

    public static byte[] Frame(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        return [.. Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"), .. body];
    }

    public async Task WriteRawAsync(byte[] bytes)
    {
        await _client.WriteAsync(bytes);
        await _client.FlushAsync();
    }

    public Task WriteRawAsync(string text) => WriteRawAsync(Encoding.UTF8.GetBytes(text));

    public Task SendAsync(object message) => WriteRawAsync(Frame(JsonSerializer.Serialize(message)));

    /// <summary>Reads messages until one with the id arrives (notifications and server requests are skipped).</summary>
    public async Task<JsonElement> ReadResponseAsync(int id)
    {
        using var cts = new CancellationTokenSource(LspTestClient.Patience);
        while (true)
        {
            var message = await ReadMessageAsync(cts.Token);
            if (message.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.Number && i.GetInt32() == id && !message.TryGetProperty("method", out _))
                return message;
            if (message.TryGetProperty("method", out _) && message.TryGetProperty("id", out var rid))
                await SendAsync(new { jsonrpc = "2.0", id = rid, result = (object?)null }); // answer server requests
        }
    }

    public async Task InitializeAsync()
    {
        await SendAsync(new
        {
            jsonrpc = "2.0", id = 1, method = "initialize", @params = new { processId = 1, rootUri = ProtocolConversions.ToFileUri(Root), capabilities = new { } },
        });
        await ReadResponseAsync(1);
        await SendAsync(new { jsonrpc = "2.0", method = "initialized", @params = new { } });
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        try { await Run.WaitAsync(TimeSpan.FromSeconds(10)); } catch (Exception) { }
        Server.Dispose();
    }

    private async Task<JsonElement> ReadMessageAsync(CancellationToken ct)
    {
        while (true)
        {
            var span = _buffer.AsSpan(_start, _end - _start);
            int headerEnd = span.IndexOf("\r\n\r\n"u8);
            if (headerEnd >= 0)
            {
                var header = Encoding.ASCII.GetString(span[..headerEnd]);
                int length = int.Parse(header.Split(':')[1].Trim().Split('\r')[0]);
                if (span.Length >= headerEnd + 4 + length)
                {
                    var json = JsonDocument.Parse(_buffer.AsMemory(_start + headerEnd + 4, length)).RootElement.Clone();
                    _start += headerEnd + 4 + length;
                    return json;
                }
            }
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            int n = await _client.ReadAsync(_buffer.AsMemory(_end), ct);
            if (n == 0) throw new EndOfStreamException("server closed the connection; stderr:\n" + Stderr);
            _end += n;
        }
    }
}
