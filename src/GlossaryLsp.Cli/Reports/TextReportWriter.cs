namespace GlossaryLsp.Cli.Reports;

/// <summary>
/// <c>path:line:col: severity GLxxxx message</c> (1-based, as compilers print) for each listed finding, then
/// <c>… N more findings not listed (GLxxxx N, …); --max-findings 0 lists all</c> when the report is capped,
/// then the summary line of all findings.
/// </summary>
internal static class TextReportWriter
{
    public static void Write(LintReport report, TextWriter output)
    {
        Core.Parsing.ParsedDocument? last = null;
        string file = "";
        foreach (var (doc, d) in report.Listed)
        {
            if (!ReferenceEquals(doc, last)) (last, file) = (doc, report.File(doc.Path));
            var start = doc.Lines.GetPosition(d.Span.Start);
            output.WriteLine($"{file}:{start.Line + 1}:{start.Character + 1}: {LintReport.SeverityName(d.Severity)} {d.Id} {d.Message}");
        }
        if (report.Omitted is { } omitted) output.WriteLine($"… {omitted.Message}");
        output.WriteLine(report.Summary());
    }
}
