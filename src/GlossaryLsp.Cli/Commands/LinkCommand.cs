using System.CommandLine;

namespace GlossaryLsp.Cli.Commands;

/// <summary><c>glossary link</c> (placeholder until its issue lands).</summary>
internal static class LinkCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("link", "not implemented yet");
        command.SetAction(_ => { stderr.WriteLine("glossary link: not implemented yet"); return 2; });
        return command;
    }
}
