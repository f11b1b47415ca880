using System.CommandLine;
using System.Reflection;
using GlossaryLsp.Cli.Mcp;
using GlossaryLsp.Core.Config;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace GlossaryLsp.Cli.Commands;

/// <summary>
/// <c>glossary mcp [--workspace DIR] [--config FILE]</c>: a Model Context Protocol server on stdin/stdout
/// (the official C# SDK) whose read-only tools let an AI writing assistant use the glossary
/// (<see cref="GlossaryTools"/>). The workspace follows the disk while the server runs. Exit 0 when the
/// client closes stdin, 2 for bad usage or config.
/// </summary>
internal static class McpCommand
{
    public const string Instructions =
        "Tools over the Markdown glossary of this workspace. Before writing a technical term, look it up (look_up_term) or search it " +
        "(search_terms) and use the glossary's headword; lint_files reports broken links and other glossary problems; suggest_links " +
        "returns a Markdown text with its terms linked to their definitions. Nothing is written to disk.";

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var workspace = EditSession.WorkspaceOption();
        var config = new Option<string?>("--config", "-c") { Description = "Use this glossary.yml instead of the workspace's" };
        var command = new Command("mcp", "Run a Model Context Protocol server on stdin/stdout for AI assistants (read-only: look up, search, lint, suggest links)")
        {
            workspace, config,
        };
        command.SetAction((parse, cancel) =>
        {
            // stdout carries only the protocol: anything written to Console.Out by mistake goes to stderr.
            if (ReferenceEquals(stdout, Console.Out)) Console.SetOut(stderr);
            var (input, output) = (Console.OpenStandardInput(), Console.OpenStandardOutput());
            return RunAsync(parse.GetValue(workspace), parse.GetValue(config), Program.CurrentDirectory, input, output, stderr, cancel);
        });
        return command;
    }

    public static async Task<int> RunAsync(
        string? workspaceFolder, string? configFile, string currentDirectory, Stream input, Stream output, TextWriter stderr, CancellationToken cancellationToken)
    {
        CommandWorkspace workspace;
        try
        {
            // Paths in answers are relative to the workspace root, whatever folder the client started the server in.
            var root = CommandWorkspace.Open(currentDirectory, [], configFile, explicitRoot: workspaceFolder);
            workspace = root.WithCurrentDirectory(root.Root);
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"glossary mcp: {e.Message}");
            return 2;
        }
        catch (ConfigException e)
        {
            stderr.WriteLine($"glossary mcp: {LintCommand.ConfigMessage(currentDirectory, e)}");
            return 2;
        }

        using var watched = new WatchedWorkspace(workspace, configFile is null ? null : Path.GetFullPath(configFile, currentDirectory), stderr);
        var tools = new GlossaryTools(watched);
        var options = new McpServerOptions
        {
            ServerInfo = new Implementation { Name = "glossary", Version = Version() },
            ServerInstructions = Instructions,
            ToolCollection =
            [
                Tool(tools.LookUpTerm, "look_up_term", "Look up a glossary term"),
                Tool(tools.SearchTerms, "search_terms", "Search glossary terms by prefix or reading"),
                Tool(tools.Lint, "lint_files", "Lint glossary files"),
                Tool(tools.SuggestLinks, "suggest_links", "Suggest glossary links for a Markdown text"),
            ],
        };
        await using var transport = new StreamServerTransport(input, output, "glossary");
        await using var server = McpServer.Create(transport, options);
        try { await server.RunAsync(cancellationToken); }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested) { }
        return 0;
    }

    private static McpServerTool Tool(Delegate method, string name, string title) =>
        McpServerTool.Create(method, new McpServerToolCreateOptions { Name = name, Title = title, ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false });

    private static string Version() =>
        typeof(McpCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0] ?? "0.0.0";
}
