using System.CommandLine;
using GlossaryLsp.Cli.Commands;

namespace GlossaryLsp.Cli;

/// <summary>The <c>glossary</c> tool: lint | link | rename | serve | show (SPEC §4). One file per command.</summary>
public static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the tool with the given output streams (tests call this in-process).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("GlossaryLsp: lint, link and serve Markdown technical glossaries");
        root.Subcommands.Add(LintCommand.Create(stdout, stderr));
        root.Subcommands.Add(ShowCommand.Create(stdout, stderr));
        root.Subcommands.Add(LinkCommand.Create(stdout, stderr));
        root.Subcommands.Add(RenameCommand.Create(stdout, stderr));
        root.Subcommands.Add(ServeCommand.Create(stdout, stderr));
        var parse = root.Parse(args);
        return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }
}
