using System.CommandLine;

namespace GlossaryLsp.Cli.Commands;

/// <summary><c>glossary lint</c> (placeholder until its issue lands).</summary>
internal static class LintCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("lint", "not implemented yet");
        command.SetAction(_ => { stderr.WriteLine("glossary lint: not implemented yet"); return 2; });
        return command;
    }
}
