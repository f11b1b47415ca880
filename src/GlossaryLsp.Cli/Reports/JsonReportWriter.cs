using System.Text.Encodings.Web;
using System.Text.Json;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Cli.Reports;

/// <summary>
/// The JSON report of SPEC §4: <c>{"files","terms","links","diagnostics":[{"id","severity","message",
/// "file","range","related"}]}</c>, ranges 0-based in UTF-16 code units as in LSP. When the report is
/// capped (<see cref="LintReport.Listed"/>) it ends with <c>"omitted":{"count":N,"byRule":{"GLxxxx":N}}</c>.
/// </summary>
internal static class JsonReportWriter
{
    /// <summary>Japanese stays readable: only what JSON requires is escaped.</summary>
    public static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>What the writer may hold before it hands it to its stream (<see cref="FlushWhenFull"/>).</summary>
    private const int FlushAt = 1 << 16;

    public static void Write(LintReport report, TextWriter output) => WriteUtf8(output, stream => WriteTo(report, stream));

    /// <summary>
    /// Called after each item of a long array: a <see cref="Utf8JsonWriter"/> holds all it writes until it is
    /// flushed, so a report of a million findings would be held whole (gigabytes) before the first byte went out.
    /// </summary>
    public static void FlushWhenFull(Utf8JsonWriter w)
    {
        if (w.BytesPending >= FlushAt) w.Flush();
    }

    /// <summary>
    /// Writes a report as UTF-8 and a line break. To the process's own stdout it goes straight to the stream
    /// (a large report is megabytes; no intermediate string); any other writer gets it as text.
    /// </summary>
    public static void WriteUtf8(TextWriter output, Action<Stream> write)
    {
        if (ReferenceEquals(output, Console.Out))
        {
            // Not disposed: that would close stdout for the rest of the process.
            output.Flush();
            var stdout = new BufferedStream(Console.OpenStandardOutput(), 1 << 16);
            write(stdout);
            stdout.Write(System.Text.Encoding.UTF8.GetBytes(Environment.NewLine));
            stdout.Flush();
            return;
        }
        using var stream = new MemoryStream();
        write(stream);
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length));
    }

    internal static void WriteTo(LintReport report, Stream stream)
    {
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteNumber("files", report.FileCount);
            w.WriteNumber("terms", report.TermCount);
            w.WriteNumber("links", report.LinkCount);
            w.WriteStartArray("diagnostics");
            foreach (var (_, d) in report.Listed)
            {
                w.WriteStartObject();
                w.WriteString("id", d.Id);
                w.WriteString("severity", LintReport.SeverityName(d.Severity));
                w.WriteString("message", d.Message);
                w.WriteString("file", report.File(d.Path));
                WriteRange(w, report.Range(d.Path, d.Span));
                w.WriteStartArray("related");
                foreach (var r in d.Related)
                {
                    w.WriteStartObject();
                    w.WriteString("file", report.File(r.Path));
                    WriteRange(w, report.Range(r.Path, r.Span));
                    w.WriteString("message", r.Message);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
                FlushWhenFull(w);
            }
            w.WriteEndArray();
            if (report.Omitted is { } omitted) WriteOmitted(w, omitted);
            w.WriteEndObject();
        }
    }

    /// <summary><c>"omitted":{"count":N,"byRule":{"GLxxxx":N,…}}</c>, the rules the most first; SARIF's notification carries the same.</summary>
    internal static void WriteOmitted(Utf8JsonWriter w, OmittedFindings omitted)
    {
        w.WriteStartObject("omitted");
        w.WriteNumber("count", omitted.Count);
        w.WriteStartObject("byRule");
        foreach (var (rule, count) in omitted.ByRule) w.WriteNumber(rule, count);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteRange(Utf8JsonWriter w, LineRange range)
    {
        w.WriteStartObject("range");
        WritePosition(w, "start", range.Start);
        WritePosition(w, "end", range.End);
        w.WriteEndObject();
    }

    private static void WritePosition(Utf8JsonWriter w, string name, LinePosition p)
    {
        w.WriteStartObject(name);
        w.WriteNumber("line", p.Line);
        w.WriteNumber("character", p.Character);
        w.WriteEndObject();
    }
}
