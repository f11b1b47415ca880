using System.Text;
using System.Text.Json;
using GlossaryLsp.Core.Features;

namespace GlossaryLsp.Cli.Reports;

/// <summary>
/// Writes <c>glossary terms</c>: text (one line per term), JSON (<c>{"terms":[…]}</c>, fixed property order),
/// CSV (RFC 4180: CRLF records, a field with a comma, quote or line break in double quotes, quotes doubled)
/// and TSV (LF records; in a field <c>\</c>, tab, LF and CR are written <c>\\</c>, <c>\t</c>, <c>\n</c>, <c>\r</c>).
/// Lists (aliases) are joined with " | ", as headings write them; a missing value is an empty field (JSON: null).
/// </summary>
internal static class TermsReportWriter
{
    /// <summary>The columns of CSV and TSV, in order.</summary>
    public static readonly string[] Columns = ["headword", "aliases", "reading", "file", "line", "anchor", "url", "links_in", "mentions", "other_definitions"];

    public static Delimited Csv { get; } = new(',', "\r\n", CsvField);

    public static Delimited Tsv { get; } = new('\t', "\n", TsvField);

    /// <summary><c>file:line: headword | aliases（reading） — N links, M mentions[, also defined in K other documents]</c>.</summary>
    public static void WriteText(TermsReport report, TextWriter output)
    {
        foreach (var r in report.Rows)
        {
            var names = string.Join(" | ", r.Aliases.Prepend(r.Headword)) + (r.Reading is { } reading ? $"（{reading}）" : "");
            var others = r.OtherDefinitions == 0 ? "" : $", also defined in {r.OtherDefinitions} other document{(r.OtherDefinitions == 1 ? "" : "s")}";
            output.WriteLine($"{report.File(r.Path)}:{r.Line}: {names} — {Count(r.LinksIn, "link")}, {Count(r.Mentions, "mention")}{others}");
        }
    }

    public static void WriteJson(TermsReport report, TextWriter output) => JsonReportWriter.WriteUtf8(output, stream => WriteJson(report, stream));

    public static void WriteDelimited(TermsReport report, TextWriter output, Delimited format)
    {
        var sb = new StringBuilder();
        Record(sb, format, Columns);
        foreach (var r in report.Rows)
        {
            Record(sb, format, [
                r.Headword, string.Join(" | ", r.Aliases), r.Reading ?? "", report.File(r.Path), Number(r.Line), r.Anchor ?? "", r.Url ?? "",
                Number(r.LinksIn), Number(r.Mentions), Number(r.OtherDefinitions)]);
            if (sb.Length > 1 << 16)
            {
                output.Write(sb);
                sb.Clear();
            }
        }
        output.Write(sb);
    }

    private static void WriteJson(TermsReport report, Stream stream)
    {
        using var w = new Utf8JsonWriter(stream, JsonReportWriter.Options);
        w.WriteStartObject();
        w.WriteStartArray("terms");
        foreach (var r in report.Rows)
        {
            w.WriteStartObject();
            w.WriteString("headword", r.Headword);
            w.WriteStartArray("aliases");
            foreach (var alias in r.Aliases) w.WriteStringValue(alias);
            w.WriteEndArray();
            w.WriteString("reading", r.Reading);
            w.WriteString("file", report.File(r.Path));
            w.WriteNumber("line", r.Line);
            w.WriteString("anchor", r.Anchor);
            w.WriteString("url", r.Url);
            w.WriteNumber("linksIn", r.LinksIn);
            w.WriteNumber("mentions", r.Mentions);
            w.WriteNumber("otherDefinitions", r.OtherDefinitions);
            w.WriteEndObject();
            JsonReportWriter.FlushWhenFull(w);
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Record(StringBuilder sb, Delimited format, string[] fields)
    {
        for (int i = 0; i < fields.Length; i++)
        {
            if (i > 0) sb.Append(format.Separator);
            format.Field(sb, fields[i]);
        }
        sb.Append(format.LineEnd);
    }

    private static void CsvField(StringBuilder sb, string field)
    {
        if (field.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            sb.Append(field);
            return;
        }
        sb.Append('"').Append(field.Replace("\"", "\"\"")).Append('"');
    }

    private static void TsvField(StringBuilder sb, string field)
    {
        foreach (char c in field)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '\t': sb.Append("\\t"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                default: sb.Append(c); break;
            }
        }
    }

    private static string Number(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";

    /// <summary>A delimited format: the separator, the record terminator and how one field is written.</summary>
    internal sealed record Delimited(char Separator, string LineEnd, Action<StringBuilder, string> Field);
}
