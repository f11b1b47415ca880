// Sits between stdin and StreamJsonRpc: re-frames header-delimited messages and forwards only those
// that are well-formed JSON-RPC objects. StreamJsonRpc ends the connection on a message it cannot
// parse; an editor (or a person typing into the pipe) must not be able to kill the server that way,
// so garbage is skipped and logged here instead. Messages pass on byte for byte: this frames and
// validates, it never rewrites.
using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;

namespace GlossaryLsp.Server.Transport;

internal sealed class InboundMessageFilter(Stream input, PipeWriter output, ServerLog log)
{
    private const int MaxHeaderBytes = 64 * 1024;
    private const int MaxMessageBytes = 512 * 1024 * 1024;
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] ContentLength = "content-length:"u8.ToArray();

    private byte[] _buffer = new byte[64 * 1024];
    private int _start, _end;

    /// <summary>Messages dropped so far (tests read it).</summary>
    public int Dropped { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                int headerEnd;
                while ((headerEnd = IndexOf(HeaderEnd)) < 0)
                {
                    if (_end - _start > MaxHeaderBytes)
                    {
                        Drop($"{_end - _start} bytes without a message header");
                        _start = _end;
                    }
                    if (!await FillAsync(cancellationToken).ConfigureAwait(false)) return;
                }
                var header = _buffer.AsSpan(_start, headerEnd - _start);
                _start = headerEnd + HeaderEnd.Length;
                if (ParseContentLength(header) is not { } length || length > MaxMessageBytes)
                {
                    Drop("a message header without a valid Content-Length");
                    continue;
                }
                while (_end - _start < length)
                {
                    EnsureCapacity(length);
                    if (!await FillAsync(cancellationToken).ConfigureAwait(false)) return;
                }
                var body = new ReadOnlyMemory<byte>(_buffer, _start, length);
                _start += length;
                string? problem = Vet(body.Span);
                if (problem is null) Forward(body.Span);
                ShrinkAfterLargeMessage();
                if (problem is not null)
                {
                    Drop(problem);
                    continue;
                }
                var flush = await output.FlushAsync(cancellationToken).ConfigureAwait(false);
                if (flush.IsCompleted) return;
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException)
        {
        }
        finally
        {
            await output.CompleteAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The header's Content-Length (the last one, so garbage before a real header is skipped), or null.</summary>
    private static int? ParseContentLength(ReadOnlySpan<byte> header)
    {
        int found = -1;
        for (int i = 0; i + ContentLength.Length <= header.Length; i++)
            if (Ascii.EqualsIgnoreCase(header.Slice(i, ContentLength.Length), ContentLength)) found = i;
        if (found < 0) return null;
        var rest = header[(found + ContentLength.Length)..];
        int lineEnd = rest.IndexOf((byte)'\r');
        if (lineEnd >= 0) rest = rest[..lineEnd];
        var text = Encoding.ASCII.GetString(rest).Trim();
        return int.TryParse(text, System.Globalization.NumberStyles.None, null, out int n) && n >= 0 ? n : null;
    }

    /// <summary>Null when the body is one JSON object with a string "method" or an "id"; else what is wrong.</summary>
    private static string? Vet(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = Protocol.LspJson.MaxDepth });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return "a message that is not a JSON object";
            bool hasMethod = false, hasId = false, badMethod = false;
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0) break;
                if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1) continue;
                if (reader.ValueTextEquals("method"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.String) hasMethod = true; else badMethod = true;
                }
                else if (reader.ValueTextEquals("id"u8))
                {
                    reader.Read();
                    hasId = reader.TokenType is JsonTokenType.String or JsonTokenType.Number;
                }
                else
                {
                    reader.Read();
                }
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) reader.Skip();
                else if (reader.TokenType == JsonTokenType.String) reader.GetString(); // validates UTF-8
            }
            if (reader.Read()) return "data after the JSON object";
            if (badMethod) return "a message whose \"method\" is not a string";
            if (!hasMethod && !hasId) return "a JSON object that is neither a request, a notification nor a response";
            // Duplicate keys are left to the deserializer as they are.
            return null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            return $"invalid JSON ({e.Message})";
        }
    }

    private void Drop(string what)
    {
        Dropped++;
        log.Warning($"ignored malformed input: {what}");
    }

    private void Forward(ReadOnlySpan<byte> body)
    {
        output.Write(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"));
        output.Write(body);
    }

    private int IndexOf(byte[] pattern) =>
        _buffer.AsSpan(_start, _end - _start).IndexOf(pattern) is var i and >= 0 ? _start + i : -1;

    private void EnsureCapacity(int bodyLength)
    {
        if (_buffer.Length - _start >= bodyLength) return;
        var bigger = _buffer.Length >= bodyLength ? _buffer : new byte[Math.Max(bodyLength, _buffer.Length * 2)];
        Buffer.BlockCopy(_buffer, _start, bigger, 0, _end - _start);
        _end -= _start;
        _start = 0;
        _buffer = bigger;
    }

    /// <summary>Goes back to a small buffer once a large message is through, so its memory is not held.</summary>
    private void ShrinkAfterLargeMessage()
    {
        if (_buffer.Length <= 1024 * 1024 || _end - _start > 64 * 1024) return;
        var small = new byte[64 * 1024];
        Buffer.BlockCopy(_buffer, _start, small, 0, _end - _start);
        _end -= _start;
        _start = 0;
        _buffer = small;
    }

    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0 && _start == _end) _start = _end = 0;
        if (_end == _buffer.Length)
        {
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            else
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }
        }
        int n = await input.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        if (n <= 0) return false;
        _end += n;
        return true;
    }
}
