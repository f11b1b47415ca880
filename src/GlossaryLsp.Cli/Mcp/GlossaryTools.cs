using System.ComponentModel;
using System.Text.Json;
using GlossaryLsp.Cli.Commands;
using GlossaryLsp.Cli.Reports;
using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Features;
using GlossaryLsp.Core.Linking;
using GlossaryLsp.Core.Rules;
using GlossaryLsp.Core.Text;
using GlossaryLsp.Core.Workspace;
using ModelContextProtocol;

namespace GlossaryLsp.Cli.Mcp;

/// <summary>
/// The tools of <c>glossary mcp</c> (SPEC §4), read-only, each an existing feature of the core over the
/// workspace as it is on disk now: the term text of <c>glossary show</c>, the completion's prefix
/// search, the lint report of <c>lint --format json</c>, and the term linker on a text that is never
/// written. Bad arguments (an unknown term, a path outside the workspace) throw <see cref="McpException"/>,
/// which the client receives as the tool's error text.
/// </summary>
internal sealed class GlossaryTools(WatchedWorkspace watched)
{
    /// <summary>Japanese stays readable: only what JSON requires is escaped.</summary>
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly object _gate = new();

    [Description("Look a term of the glossary up by any entry word, alias or kana reading (hiragana and katakana compare equal, " +
                 "Latin case and '-', '_', spaces are ignored). Returns every definition of it as plain text: headword | aliases, " +
                 "reading, the definition, and the file and line where it is defined.")]
    public string LookUpTerm([Description("An entry word, alias or reading, e.g. 転移学習, Transfer Learning or てんいがくしゅう")] string term)
    {
        var (workspace, _) = Current();
        var definitions = workspace.Index.FindDefinitions(term);
        if (definitions.Count > 0) return ShowCommand.Describe(workspace.Index, definitions, "_");
        var suggestions = ShowCommand.Suggest(workspace.Index, term);
        throw new McpException($"No term '{term}' in the glossary." + (suggestions.Count > 0 ? $" Did you mean: {string.Join(", ", suggestions)}?" : ""));
    }

    [Description("Search the glossary's terms whose entry word, alias or kana reading starts with a prefix (compared like look_up_term). " +
                 "Returns a JSON array of {headword, aliases, reading, matched, file, line}.")]
    public string SearchTerms(
        [Description("The start of an entry word, alias or reading, e.g. ファイン or ふぁい")] string prefix,
        [Description("At most this many terms (1-200)")] int limit = 20)
    {
        if (limit is < 1 or > 200) throw new McpException($"limit must be between 1 and 200, not {limit}");
        var (workspace, _) = Current();
        var matches = TermSearch.ByPrefix(workspace.Index, prefix, limit).Select(m => new
        {
            headword = m.Term.Headword,
            aliases = m.Term.Aliases,
            reading = m.Term.Reading,
            matched = m.Matched,
            file = m.Term.DocumentPath,
            line = workspace.Index.GetDocument(m.Term.DocumentPath)!.Lines.GetPosition(m.Term.NameSpan.Start).Line + 1,
        });
        return JsonSerializer.Serialize(matches, JsonOptions);
    }

    [Description("Lint files of the glossary workspace: broken links and anchors, duplicate or stale definitions, article URLs (rules GL0001-GL0012). " +
                 "Returns the report of `glossary lint --format json`: {files, terms, links, diagnostics: [{id, severity, message, file, range, related}]}, " +
                 "files relative to the workspace, ranges 0-based.")]
    public string Lint([Description("Workspace-relative files or folders to lint; none: the whole workspace")] string[]? paths = null)
    {
        var (current, diagnostics) = Current();
        var workspace = Select(current, paths ?? []);
        var report = new LintReport
        {
            Workspace = workspace,
            Results = [.. workspace.Selected.Select(d => (d, (IReadOnlyList<Diagnostic>)diagnostics.Get(d.Path)))],
        };
        using var output = new StringWriter { NewLine = "\n" };
        JsonReportWriter.Write(report, output);
        return output.ToString().TrimEnd('\n');
    }

    [Description("Suggest links for a Markdown text: every unlinked mention of a glossary term becomes a link to its definition, written " +
                 "as the glossary's own linker writes it (minimal edits, the text is otherwise unchanged). Returns the linked Markdown; writes nothing.")]
    public string SuggestLinks(
        [Description("The Markdown text to link")] string markdown,
        [Description("Where the text will live, relative to the workspace (decides relative link targets and nearest definitions); default: a file at the root")]
        string? path = null,
        [Description("all: every mention; first: the first mention of each term per section. Default: the workspace configuration's linker mode")]
        string? mode = null)
    {
        var (workspace, _) = Current();
        var relative = path is null ? "untitled.md" : CheckedPath(workspace, path);
        if (!WorkspaceLoader.IsMarkdown(relative)) throw new McpException($"path {path} is not a Markdown file (.md or .markdown)");
        var linkerMode = mode switch
        {
            null => workspace.Index.Config.LinkerMode,
            "all" => LinkerMode.All,
            "first" => LinkerMode.First,
            _ => throw new McpException($"mode must be 'all' or 'first', not '{mode}'"),
        };
        var document = WorkspaceLoader.ParseEditorText(relative, markdown, workspace.Index.Config);
        if (document.LoadProblem is { } problem) throw new McpException(problem.Message);
        return TextEdit.Apply(markdown, TermLinker.LinkAll(workspace.Index, document, linkerMode));
    }

    private static CommandWorkspace Select(CommandWorkspace workspace, string[] paths)
    {
        var selection = new List<string>();
        foreach (var p in paths)
        {
            var relative = CheckedPath(workspace, p);
            var full = Path.Combine(workspace.Root, relative);
            if (!File.Exists(full) && !Directory.Exists(full)) throw new McpException($"no such file or folder in the workspace: {p}");
            selection.Add(relative);
        }
        return workspace.WithSelection(selection);
    }

    /// <summary>A workspace path; an absolute path must lie inside the workspace, a relative one is relative to it (SPEC §7: nothing outside is read).</summary>
    private static string CheckedPath(CommandWorkspace workspace, string path)
    {
        try { return CommandWorkspace.WorkspacePath(workspace.Root, path, Path.GetFullPath(path, workspace.Root)); }
        catch (UsageException e) { throw new McpException(e.Message); }
    }

    /// <summary>The workspace as it is on disk now (the changes seen since the last call applied).</summary>
    private (CommandWorkspace Workspace, WorkspaceDiagnostics Diagnostics) Current()
    {
        lock (_gate)
        {
            watched.CatchUp();
            return (watched.Workspace, watched.Diagnostics);
        }
    }
}
