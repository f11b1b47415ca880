using System.CommandLine;

namespace GlossaryLsp.Cli.Commands;

/// <summary><c>glossary rename</c> (placeholder until its issue lands).</summary>
internal static class RenameCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("rename", "not implemented yet");
        command.SetAction(_ => { stderr.WriteLine("glossary rename: not implemented yet"); return 2; });
        return command;
    }
}
