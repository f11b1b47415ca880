using System.CommandLine;
using GlossaryLsp.Cli.Reports;
using GlossaryLsp.Core.Features;

namespace GlossaryLsp.Cli.Commands;

/// <summary>
/// <c>glossary terms [PATH…] [--format text|json|csv|tsv] [--unused] [--config FILE]</c> (SPEC §4): every
/// term the PATHs define, with its names, place, URL and how the whole workspace uses it. Exit 0; with
/// <c>--unused</c>, 1 when an unused term is listed (as lint exits 1 on errors); 2 for bad usage or config.
/// </summary>
internal static class TermsCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("PATH") { Arity = ArgumentArity.ZeroOrMore, Description = "Files or folders whose terms to list (default: the whole workspace)" };
        var format = new Option<string>("--format", "-f") { Description = "Output format", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "csv", "tsv");
        var unused = new Option<bool>("--unused") { Description = "Only terms no other document links to or mentions (GL0015); exit 1 if there are any" };
        var config = new Option<string?>("--config", "-c") { Description = "Use this glossary.yml instead of the workspace's" };
        var command = new Command("terms", "List every term: names, reading, place, URL, links in, mentions, other definitions") { paths, format, unused, config };
        command.SetAction(parse => Run(
            parse.GetValue(paths) ?? [], parse.GetValue(format) ?? "text", parse.GetValue(unused), parse.GetValue(config),
            Program.CurrentDirectory, stdout, stderr));
        return command;
    }

    public static int Run(IReadOnlyList<string> paths, string format, bool unusedOnly, string? configFile, string currentDirectory, TextWriter stdout, TextWriter stderr)
    {
        if (CommandWorkspace.TryOpen("terms", currentDirectory, paths, configFile, stderr) is not { } workspace) return 2;
        var all = TermInventory.List(workspace.Index, workspace.Selected);
        var report = new TermsReport
        {
            Workspace = workspace,
            Rows = unusedOnly ? [.. all.Where(r => r.IsUnused)] : all,
            TermCount = all.Count,
            UnusedCount = all.Count(r => r.IsUnused),
            FileCount = workspace.Selected.Count,
        };
        switch (format)
        {
            case "json":
                TermsReportWriter.WriteJson(report, stdout);
                stderr.WriteLine(report.Summary());
                break;
            case "csv":
                TermsReportWriter.WriteDelimited(report, stdout, TermsReportWriter.Csv);
                stderr.WriteLine(report.Summary());
                break;
            case "tsv":
                TermsReportWriter.WriteDelimited(report, stdout, TermsReportWriter.Tsv);
                stderr.WriteLine(report.Summary());
                break;
            default:
                TermsReportWriter.WriteText(report, stdout);
                stdout.WriteLine(report.Summary());
                break;
        }
        return unusedOnly && report.Rows.Count > 0 ? 1 : 0;
    }
}
