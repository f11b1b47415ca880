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
            var output = Console.OpenStandardOutput();
            // stdout carries only the protocol: anything written to Console.Out by mistake goes to stderr.
            Console.SetOut(stderr);
            using var server = new LanguageServer(input, output, stderr);
            return server.RunAsync().GetAwaiter().GetResult();
        });
        return command;
    }
}
