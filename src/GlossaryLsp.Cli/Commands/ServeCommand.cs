using System.CommandLine;
using GlossaryLsp.Server;

namespace GlossaryLsp.Cli.Commands;

/// <summary><c>glossary serve [--stdio]</c>: the language server on stdin/stdout (SPEC §3).</summary>
internal static class ServeCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var stdio = new Option<bool>("--stdio") { Description = "Talk LSP over stdin/stdout (the default and only transport; accepted for editors that pass it)" };
        var command = new Command("serve", "Run the language server on stdin/stdout") { stdio };
        command.SetAction(_ =>
        {
            var input = Console.OpenStandardInput();
            // Not Console's stream on Unix: it reports a write to a broken pipe as done, and the server would
            // never learn that its client is gone (SPEC §7).
            var output = OperatingSystem.IsWindows() ? Console.OpenStandardOutput()
                : new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
            // stdout carries only the protocol: anything written to Console.Out by mistake goes to stderr.
            Console.SetOut(stderr);
            using var server = new LanguageServer(input, output, stderr);
            return server.RunAsync().GetAwaiter().GetResult();
        });
        return command;
    }
}
