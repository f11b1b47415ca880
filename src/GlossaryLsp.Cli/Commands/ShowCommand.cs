using System.CommandLine;

namespace GlossaryLsp.Cli.Commands;

/// <summary><c>glossary show</c> (placeholder until its issue lands).</summary>
internal static class ShowCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("show", "not implemented yet");
        command.SetAction(_ => { stderr.WriteLine("glossary show: not implemented yet"); return 2; });
        return command;
    }
}
