using System.CommandLine;

namespace GlossaryLsp.Cli.Commands;

/// <summary><c>glossary serve</c> (placeholder until its issue lands).</summary>
internal static class ServeCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("serve", "not implemented yet");
        command.SetAction(_ => { stderr.WriteLine("glossary serve: not implemented yet"); return 2; });
        return command;
    }
}
