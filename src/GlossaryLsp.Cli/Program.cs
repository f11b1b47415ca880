using System.CommandLine;
using GlossaryLsp.Cli.Commands;

namespace GlossaryLsp.Cli;

/// <summary>The <c>glossary</c> tool: lint | link | rename | serve | mcp | show | terms (SPEC §4). One file per command.</summary>
public static class Program
{
    private static readonly AsyncLocal<string?> CurrentDirectoryOverride = new();

    /// <summary>The directory commands resolve PATHs and print file names against (tests set their own per call).</summary>
    internal static string CurrentDirectory => CurrentDirectoryOverride.Value ?? Environment.CurrentDirectory;

    public static int Main(string[] args)
    {
        // The commands run in one burst and want throughput: no background GC. The server keeps it (its
        // gen2 collections then mostly run beside requests instead of pausing them).
        if (args.FirstOrDefault() is not ("serve" or "mcp")) System.Runtime.GCSettings.LatencyMode = System.Runtime.GCLatencyMode.Batch;
        return Run(args, Console.Out, Console.Error);
    }

    /// <summary>Runs the tool with the given output streams (tests call this in-process).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, null);

    /// <summary>Runs the tool as if started in <paramref name="currentDirectory"/> (null: the process's).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, string? currentDirectory)
    {
        CurrentDirectoryOverride.Value = currentDirectory;
        var root = new RootCommand("GlossaryLsp: lint, link and serve Markdown technical glossaries");
        root.Subcommands.Add(LintCommand.Create(stdout, stderr));
        root.Subcommands.Add(ShowCommand.Create(stdout, stderr));
        root.Subcommands.Add(TermsCommand.Create(stdout, stderr));
        root.Subcommands.Add(LinkCommand.Create(stdout, stderr));
        root.Subcommands.Add(RenameCommand.Create(stdout, stderr));
        root.Subcommands.Add(ServeCommand.Create(stdout, stderr));
        root.Subcommands.Add(McpCommand.Create(stdout, stderr));
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is not System.CommandLine.Help.HelpAction)
        {
            // SPEC §4: bad usage exits 2 (System.CommandLine's own default is 1).
            foreach (var error in parse.Errors) stderr.WriteLine($"glossary: {error.Message}");
            stderr.WriteLine("Run 'glossary --help' for usage.");
            return 2;
        }
        return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }
}
