namespace GlossaryLsp.Cli.Reports;

/// <summary><c>path:line:col: severity GLxxxx message</c> (1-based, as compilers print), then a summary line.</summary>
internal static class TextReportWriter
{
    public static void Write(LintReport report, TextWriter output)
    {
        foreach (var (doc, diagnostics) in report.Results)
        {
            var file = report.File(doc.Path);
            foreach (var d in diagnostics)
            {
                var start = doc.Lines.GetPosition(d.Span.Start);
                output.WriteLine($"{file}:{start.Line + 1}:{start.Character + 1}: {LintReport.SeverityName(d.Severity)} {d.Id} {d.Message}");
            }
        }
        output.WriteLine(report.Summary());
    }
}
