using System.CommandLine;
using GlossaryLsp.Cli.Reports;
using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Rules;
using GlossaryLsp.Core.Workspace;

namespace GlossaryLsp.Cli.Commands;

/// <summary>
/// <c>glossary lint [PATH…] [--format text|json|sarif] [--config FILE] [--max-findings N] [--fix | --watch]</c>
/// (SPEC §4): exit 0 when no errors, 1 when errors were found (listed or not), 2 for bad usage or a bad
/// config. Results go to stdout; files that could not be analysed and, for JSON/SARIF, the summary go to
/// stderr. A report lists at most N findings and counts the rest (<see cref="LintReport.Listed"/>), so that
/// a workspace-wide flood stays readable, as SPEC §7 bounds one document. <c>--fix</c> is
/// <see cref="LintFix"/>, <c>--watch</c> is <see cref="LintWatch"/>.
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
        var fix = new Option<bool>("--fix") { Description = "Apply every safe fix to the files (only the PATHs' files are edited), then report what is left" };
        var watch = new Option<bool>("--watch", "-w") { Description = "Keep running: report again whenever a file of the workspace changes (Ctrl-C stops)" };
        var maxFindings = new Option<int>("--max-findings")
        {
            HelpName = "N",
            Description = "List at most N findings, the first in path order, and count the rest by rule (0: list all)",
            DefaultValueFactory = _ => LintReport.DefaultMaxFindings,
        };
        var command = new Command("lint", "Check the glossary: broken links and anchors, duplicates, stale ids, article URLs, …")
        {
            paths, format, config, stats, fix, watch, maxFindings,
        };
        command.SetAction((parse, cancel) =>
        {
            var (p, f, c, cwd) = (parse.GetValue(paths) ?? [], parse.GetValue(format) ?? "text", parse.GetValue(config), Program.CurrentDirectory);
            int max = parse.GetValue(maxFindings);
            if (max < 0) return Task.FromResult(Usage(stderr, $"--max-findings must be 0 (list all) or more, not {max}"));
            if (parse.GetValue(fix) && parse.GetValue(watch)) return Task.FromResult(Usage(stderr, "--fix and --watch cannot be combined"));
            if (parse.GetValue(watch))
                return f == "sarif" ? Task.FromResult(Usage(stderr, "--watch writes text or json, not sarif")) : LintWatch.RunAsync(p, f, c, cwd, stdout, stderr, cancel, max);
            return Task.FromResult(parse.GetValue(fix) ? LintFix.Run(p, f, c, cwd, stdout, stderr, max) : Run(p, f, c, cwd, stdout, stderr, parse.GetValue(stats), max));
        });
        return command;
    }

    public static int Run(
        IReadOnlyList<string> paths, string format, string? configFile, string currentDirectory, TextWriter stdout, TextWriter stderr,
        bool stats = false, int maxFindings = LintReport.DefaultMaxFindings)
    {
        var statistics = stats ? new LintStatistics() : null;
        if (Open(paths, configFile, currentDirectory, stderr, statistics?.Load) is not { } workspace) return 2;
        statistics?.StartAnalysis();
        var results = DocumentAnalyzer.AnalyzeAll(workspace.Index, workspace.Selected);
        statistics?.StartReport();
        var report = new LintReport
        {
            Workspace = workspace,
            Results = [.. results.Select(r => (r.Document, (IReadOnlyList<Diagnostic>)r.Diagnostics))],
            MaxFindings = maxFindings,
        };
        Write(report, format, stdout, stderr);
        statistics?.Write(report, stderr);
        return report.HasErrors ? 1 : 0;
    }

    /// <summary>Loads the workspace (progress on an interactive stderr) and warns of the selected files that cannot be analysed; null after bad usage or config (exit 2).</summary>
    public static CommandWorkspace? Open(IReadOnlyList<string> paths, string? configFile, string currentDirectory, TextWriter stderr, LoadTimings? timings = null)
    {
        CommandWorkspace workspace;
        try
        {
            var progress = TerminalProgress.For(stderr);
            try { workspace = CommandWorkspace.Open(currentDirectory, paths, configFile, new LoadOptions { Progress = progress, Timings = timings }); }
            finally { progress?.Clear(); }
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"glossary lint: {e.Message}");
            return null;
        }
        catch (ConfigException e)
        {
            stderr.WriteLine($"glossary lint: {ConfigMessage(currentDirectory, e)}");
            return null;
        }
        foreach (var doc in workspace.Selected)
            if (doc.LoadProblem is { } problem)
                stderr.WriteLine($"{workspace.DisplayPath(doc.Path)}: warning: {problem.Message}");
        return workspace;
    }

    /// <summary>Writes a report in the format asked for: results to stdout; for JSON and SARIF the summary to stderr.</summary>
    public static void Write(LintReport report, string format, TextWriter stdout, TextWriter stderr)
    {
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
    }

    /// <summary>"glossary.yml:4: 'rules.GL0099': unknown rule; …" with the file relative to the current directory.</summary>
    public static string ConfigMessage(string currentDirectory, ConfigException e) =>
        $"{CommandWorkspace.DisplayFile(currentDirectory, e.File)}:{e.Line}: {(e.Key is null ? "" : $"'{e.Key}': ")}{e.Reason}";

    private static int Usage(TextWriter stderr, string message)
    {
        stderr.WriteLine($"glossary lint: {message}");
        return 2;
    }
}
