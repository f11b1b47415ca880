using System.CommandLine;
using GlossaryLsp.Cli.Reports;
using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Rules;
using GlossaryLsp.Core.Workspace;

namespace GlossaryLsp.Cli.Commands;

/// <summary>
/// <c>glossary lint [PATH…] [--format text|json|sarif] [--config FILE]</c> (SPEC §4): exit 0 when no
/// errors, 1 when errors were found, 2 for bad usage or a bad config. Results go to stdout; files that
/// could not be analysed and, for JSON/SARIF, the summary go to stderr.
/// </summary>
internal static class LintCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("PATH") { Arity = ArgumentArity.ZeroOrMore, Description = "Files or folders to report (default: the whole workspace)" };
        var format = new Option<string>("--format", "-f") { Description = "Output format", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "sarif");
        var config = new Option<string?>("--config", "-c") { Description = "Use this glossary.yml instead of the workspace's" };
        var stats = new Option<bool>("--stats") { Description = "Print phase timings and counts to stderr" };
        var command = new Command("lint", "Check the glossary: broken links and anchors, duplicates, stale ids, article URLs, …") { paths, format, config, stats };
        command.SetAction(parse => Run(
            parse.GetValue(paths) ?? [], parse.GetValue(format) ?? "text", parse.GetValue(config),
            Program.CurrentDirectory, stdout, stderr, parse.GetValue(stats)));
        return command;
    }

    public static int Run(IReadOnlyList<string> paths, string format, string? configFile, string currentDirectory, TextWriter stdout, TextWriter stderr, bool stats = false)
    {
        var statistics = stats ? new LintStatistics() : null;
        CommandWorkspace workspace;
        try
        {
            var progress = TerminalProgress.For(stderr);
            try { workspace = CommandWorkspace.Open(currentDirectory, paths, configFile, new LoadOptions { Progress = progress, Timings = statistics?.Load }); }
            finally { progress?.Clear(); }
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"glossary lint: {e.Message}");
            return 2;
        }
        catch (ConfigException e)
        {
            stderr.WriteLine($"glossary lint: {ConfigMessage(currentDirectory, e)}");
            return 2;
        }

        foreach (var doc in workspace.Selected)
            if (doc.LoadProblem is { } problem)
                stderr.WriteLine($"{workspace.DisplayPath(doc.Path)}: warning: {problem.Message}");

        statistics?.StartAnalysis();
        var results = DocumentAnalyzer.AnalyzeAll(workspace.Index, workspace.Selected);
        statistics?.StartReport();
        var report = new LintReport
        {
            Workspace = workspace,
            Results = [.. results.Select(r => (r.Document, (IReadOnlyList<Diagnostic>)r.Diagnostics))],
        };
        switch (format)
        {
            case "json":
                JsonReportWriter.Write(report, stdout);
                stderr.WriteLine(report.Summary());
                break;
            case "sarif":
                SarifReportWriter.Write(report, stdout);
                stderr.WriteLine(report.Summary());
                break;
            default:
                TextReportWriter.Write(report, stdout);
                break;
        }
        statistics?.Write(report, stderr);
        return report.HasErrors ? 1 : 0;
    }

    /// <summary>"glossary.yml:4: 'rules.GL0099': unknown rule; …" with the file relative to the current directory.</summary>
    public static string ConfigMessage(string currentDirectory, ConfigException e) =>
        $"{CommandWorkspace.DisplayFile(currentDirectory, e.File)}:{e.Line}: {(e.Key is null ? "" : $"'{e.Key}': ")}{e.Reason}";
}
