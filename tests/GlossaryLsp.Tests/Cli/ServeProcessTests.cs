using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace GlossaryLsp.Tests.Cli;

/// <summary>
/// The real <c>glossary serve</c> process when its client disappears (SPEC §7): stdin closed in the middle
/// of a request, stdout's pipe broken. The process ends, cleanly and soon, instead of hanging or crashing.
/// </summary>
public sealed class ServeProcessTests : IDisposable
{
    private readonly CliWorkspace _ws = new();

    public ServeProcessTests()
    {
        // Enough documents that a workspace pull is still being answered when the client goes.
        for (int i = 0; i < 400; i++)
            _ws.Write($"glossary/g{i:000}.md", $"<!-- 記事URL:https://example.org/g/glossary/g{i:000}.md# -->\n\n## 用語{i} | Term {i}\n\n- [壊れた](g{(i + 1) % 400:000}.md#44GC) ✅\n");
    }

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task Stdin_closed_in_the_middle_of_a_request_ends_the_process_within_a_second()
    {
        using var server = await StartAsync();
        await server.SendAsync(new { jsonrpc = "2.0", id = 2, method = "workspace/diagnostic", @params = new { previousResultIds = Array.Empty<object>() } });
        var closed = Stopwatch.StartNew();
        server.Process.StandardInput.Close();
        bool exited = await server.WaitForExitAsync(TimeSpan.FromSeconds(10));
        var elapsed = closed.Elapsed;

        exited.Should().BeTrue();
        elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1), "an editor that quits waits for its server");
        server.Process.ExitCode.Should().Be(1, "the input ended without shutdown");
        server.Stderr.Should().NotContain("Unhandled exception");
    }

    [Fact]
    public async Task A_broken_stdout_pipe_ends_the_process_cleanly()
    {
        using var server = await StartAsync();
        server.Process.StandardOutput.Close(); // the client's end of our stdout: every write now fails (EPIPE)
        var sent = Stopwatch.StartNew();
        for (int id = 10; id < 20 && !server.Process.HasExited; id++)
        {
            try
            {
                await server.SendAsync(new { jsonrpc = "2.0", id, method = "workspace/diagnostic", @params = new { previousResultIds = Array.Empty<object>() } });
            }
            catch (IOException)
            {
                break; // the server exited between the check and the write: its stdin is closed too
            }
            await Task.Delay(50);
        }
        bool exited = await server.WaitForExitAsync(TimeSpan.FromSeconds(10));

        exited.Should().BeTrue($"the server cannot answer anyone any more; stderr:\n{server.Stderr}");
        sent.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
        server.Process.ExitCode.Should().Be(1);
        server.Stderr.Should().NotContain("Unhandled exception");
    }

    private async Task<ServeProcess> StartAsync()
    {
        var server = ServeProcess.Start(_ws.Root);
        await server.SendAsync(new
        {
            jsonrpc = "2.0", id = 1, method = "initialize",
            @params = new { processId = Environment.ProcessId, rootUri = GlossaryLsp.Server.ProtocolConversions.ToFileUri(_ws.Root), capabilities = new { } },
        });
        await server.ReadUntilAsync(m => m.TryGetProperty("id", out var id) && id.GetInt32() == 1);
        await server.SendAsync(new { jsonrpc = "2.0", method = "initialized", @params = new { } });
        await server.ReadUntilAsync(m => m.TryGetProperty("method", out var method) && method.GetString() == "glossary/status"
                                         && m.GetProperty("params").GetProperty("state").GetString() == "ready");
        return server;
    }

    /// <summary><c>dotnet glossary.dll serve</c> (the build beside the tests) with its stdio in our hands.</summary>
    private sealed class ServeProcess : IDisposable
    {
        private readonly StringBuilder _stderr = new();

        private ServeProcess(Process process) => Process = process;

        public Process Process { get; }

        public string Stderr
        {
            get { lock (_stderr) return _stderr.ToString(); }
        }

        public static ServeProcess Start(string cwd)
        {
            var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "glossary.dll"), "serve"])
            {
                WorkingDirectory = cwd, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            var server = new ServeProcess(Process.Start(start)!);
            server.Process.ErrorDataReceived += (_, e) => { lock (server._stderr) server._stderr.AppendLine(e.Data); };
            server.Process.BeginErrorReadLine();
            return server;
        }

        public async Task SendAsync(object message)
        {
            var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(message));
            var stdin = Process.StandardInput.BaseStream;
            await stdin.WriteAsync(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"));
            await stdin.WriteAsync(body);
            await stdin.FlushAsync();
        }

        /// <summary>Reads framed messages from stdout until one satisfies the predicate.</summary>
        public async Task<JsonElement> ReadUntilAsync(Func<JsonElement, bool> predicate)
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var stdout = Process.StandardOutput.BaseStream;
            while (true)
            {
                int length = 0;
                for (string line; (line = await ReadLineAsync(stdout, cts.Token)).Length > 0;)
                    if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) length = int.Parse(line[15..].Trim());
                var body = new byte[length];
                await stdout.ReadExactlyAsync(body, cts.Token);
                var message = JsonDocument.Parse(body).RootElement.Clone();
                if (predicate(message)) return message;
            }
        }

        public async Task<bool> WaitForExitAsync(TimeSpan patience)
        {
            using var cts = new CancellationTokenSource(patience);
            try
            {
                await Process.WaitForExitAsync(cts.Token);
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        public void Dispose()
        {
            if (!Process.HasExited) Process.Kill(entireProcessTree: true);
            Process.Dispose();
        }

        private static async Task<string> ReadLineAsync(Stream stream, CancellationToken cancellationToken)
        {
            var line = new StringBuilder();
            var one = new byte[1];
            while (await stream.ReadAsync(one, cancellationToken) == 1 && one[0] != '\n')
                if (one[0] != '\r') line.Append((char)one[0]);
            return line.ToString();
        }
    }
}
