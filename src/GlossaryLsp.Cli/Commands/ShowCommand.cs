using System.CommandLine;
using GlossaryLsp.Core.Features;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Cli.Commands;

/// <summary>
/// <c>glossary show TERM</c>: prints a term's definition, found by any entry word, alias or reading
/// (kana-folded, case-insensitive). Several definitions are printed nearest to the current directory
/// first. Exit 1 when no term matches (with suggestions), 2 for bad usage or config.
/// </summary>
internal static class ShowCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var term = new Argument<string>("TERM") { Description = "An entry word, alias or reading" };
        var config = new Option<string?>("--config", "-c") { Description = "Use this glossary.yml instead of the workspace's" };
        var command = new Command("show", "Print a term's definition") { term, config };
        command.SetAction(parse => Run(parse.GetValue(term)!, parse.GetValue(config), Program.CurrentDirectory, stdout, stderr));
        return command;
    }

    public static int Run(string term, string? configFile, string currentDirectory, TextWriter stdout, TextWriter stderr)
    {
        if (CommandWorkspace.TryOpen("show", currentDirectory, [], configFile, stderr) is not { } workspace) return 2;

        var index = workspace.Index;
        var definitions = index.FindDefinitions(term);
        if (definitions.Count == 0)
        {
            var where = workspace.DisplayPath("");
            stderr.WriteLine($"glossary show: no term '{term}' in {(where is "" or "." ? "this workspace" : where)}");
            var suggestions = Suggest(index, term);
            if (suggestions.Count > 0) stderr.WriteLine($"Did you mean: {string.Join(", ", suggestions)}?");
            return 1;
        }

        // Nearest to where the user stands first: the same rule links follow (SPEC §1).
        var here = Path.GetRelativePath(workspace.Root, workspace.CurrentDirectory).Replace('\\', '/');
        var from = here == "." || here.StartsWith("..", StringComparison.Ordinal) ? "_" : here + "/_";
        stdout.Write(Describe(index, definitions, from).Replace("\n", stdout.NewLine));
        return 0;
    }

    /// <summary>Every definition in full as plain text, nearest to <paramref name="fromPath"/> first, separated by "---" lines ('\n' line ends).</summary>
    public static string Describe(GlossaryIndex index, IReadOnlyList<TermDefinition> definitions, string fromPath)
    {
        var text = new System.Text.StringBuilder();
        foreach (var next in GlossaryIndex.NearestFirst(definitions.Distinct().ToList(), fromPath))
        {
            if (text.Length > 0) text.Append("\n---\n\n");
            text.Append(TermDescription.ToPlainText(index, next, maxLines: int.MaxValue));
        }
        return text.ToString();
    }

    /// <summary>Up to five headwords whose entry words start with or contain the asked word.</summary>
    public static List<string> Suggest(GlossaryIndex index, string word)
    {
        var key = TermKey.Normalize(word);
        if (key.Length == 0) return [];
        return [.. index.EntryWordTable
            .Where(kv => kv.Key.Contains(key, StringComparison.Ordinal) || key.Contains(kv.Key, StringComparison.Ordinal) && kv.Key.Length >= 2)
            .OrderBy(kv => kv.Key.StartsWith(key, StringComparison.Ordinal) ? 0 : 1).ThenBy(kv => kv.Key.Length).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .SelectMany(kv => kv.Value.Select(index.Resolve))
            .Select(t => t.Headword)
            .Distinct()
            .Take(5)];
    }
}
