using System.Reflection;
using System.Text.Json;
using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Rules;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Cli.Reports;

/// <summary>
/// SARIF 2.1.0 as GitHub code scanning accepts it: one run, the rule catalog as the driver's rules,
/// 1-based regions in UTF-16 code units, URIs relative to the current directory, fixes as replacements.
/// A capped report (<see cref="LintReport.Listed"/>) says what it left out in a tool execution notification
/// of the run's invocation; the run itself succeeded.
/// </summary>
internal static class SarifReportWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>Not indented: a log is read by tools, which limit the size of an upload, and indentation is half of a large one.</summary>
    private static readonly JsonWriterOptions Options = JsonReportWriter.Options with { Indented = false };

    public static void Write(LintReport report, TextWriter output) => JsonReportWriter.WriteUtf8(output, stream => WriteTo(report, stream));

    /// <summary>SARIF's friendly rule name is a Pascal-case identifier: broken-link → BrokenLink.</summary>
    public static string FriendlyName(string alias) =>
        string.Concat(alias.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    /// <summary>SARIF has error, warning and note; information and hint are notes.</summary>
    public static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };

    internal static void WriteTo(LintReport report, Stream stream)
    {
        var rules = RuleCatalog.All;
        // Every stale id's fix moves the links that use it: found for all listed fixes in one pass over the links.
        var retargets = report.Listed.SelectMany(l => l.Diagnostic.Fixes).Select(f => f.Retarget).OfType<AnchorRetarget>();
        var linkEdits = AnchorRetarget.LinkEditsOfAll(retargets, report.Workspace.Index);
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteString("$schema", SchemaUri);
            w.WriteString("version", "2.1.0");
            w.WriteStartArray("runs");
            w.WriteStartObject();

            w.WriteStartObject("tool");
            w.WriteStartObject("driver");
            w.WriteString("name", "glossary");
            w.WriteString("informationUri", "https://github.com/glossarylsp/glossarylsp");
            var version = typeof(SarifReportWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0];
            if (version is not null) w.WriteString("semanticVersion", version);
            w.WriteStartArray("rules");
            foreach (var r in rules)
            {
                w.WriteStartObject();
                w.WriteString("id", r.Id);
                w.WriteString("name", FriendlyName(r.Alias));
                w.WriteStartObject("shortDescription");
                w.WriteString("text", r.Title);
                w.WriteEndObject();
                // GitHub code scanning requires a full description and help on every rule (the validator's GH2012).
                w.WriteStartObject("fullDescription");
                w.WriteString("text", $"{r.Title} ({r.Id}, {r.Alias}).");
                w.WriteEndObject();
                w.WriteString("helpUri", r.HelpUri);
                w.WriteStartObject("help");
                w.WriteString("text", $"{r.Title}. When {r.Id} is reported and how to fix it: {r.HelpUri}");
                w.WriteString("markdown", $"**{r.Title}** ({r.Id}, `{r.Alias}`). When it is reported and how to fix it: [{r.DocPath}]({r.HelpUri})");
                w.WriteEndObject();
                w.WriteStartObject("defaultConfiguration");
                if (!r.EnabledByDefault) w.WriteBoolean("enabled", false);
                w.WriteString("level", Level(r.DefaultSeverity));
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();

            if (report.Omitted is { } omitted) WriteInvocation(w, omitted);
            w.WriteString("columnKind", "utf16CodeUnits");
            w.WriteStartArray("results");
            foreach (var (_, d) in report.Listed)
            {
                w.WriteStartObject();
                w.WriteString("ruleId", d.Id);
                w.WriteNumber("ruleIndex", IndexOf(rules, d.Rule));
                w.WriteString("level", Level(d.Severity));
                WriteMessage(w, d.Message);
                w.WriteStartArray("locations");
                w.WriteStartObject();
                WritePhysicalLocation(w, report, d.Path, d.Span);
                w.WriteEndObject();
                w.WriteEndArray();
                if (d.Related.Length > 0)
                {
                    w.WriteStartArray("relatedLocations");
                    int id = 0;
                    foreach (var r in d.Related)
                    {
                        w.WriteStartObject();
                        w.WriteNumber("id", id++);
                        WritePhysicalLocation(w, report, r.Path, r.Span);
                        WriteMessage(w, r.Message);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                }
                if (d.Fixes.Length > 0) WriteFixes(w, report, d.Fixes, linkEdits);
                w.WriteEndObject();
                JsonReportWriter.FlushWhenFull(w);
            }
            w.WriteEndArray();

            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }
    }

    /// <summary>The run's one invocation, only when findings were left out: a warning notification naming them and the option.</summary>
    private static void WriteInvocation(Utf8JsonWriter w, OmittedFindings omitted)
    {
        w.WriteStartArray("invocations");
        w.WriteStartObject();
        w.WriteBoolean("executionSuccessful", true);
        w.WriteStartArray("toolExecutionNotifications");
        w.WriteStartObject();
        w.WriteString("level", "warning");
        WriteMessage(w, omitted.Message);
        w.WriteStartObject("properties");
        JsonReportWriter.WriteOmitted(w, omitted);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
    }

    private static int IndexOf(IReadOnlyList<RuleDescriptor> rules, RuleDescriptor rule)
    {
        for (int i = 0; i < rules.Count; i++) if (rules[i].Id == rule.Id) return i;
        return -1;
    }

    private static void WriteMessage(Utf8JsonWriter w, string text)
    {
        w.WriteStartObject("message");
        w.WriteString("text", text);
        w.WriteEndObject();
    }

    private static void WritePhysicalLocation(Utf8JsonWriter w, LintReport report, string path, TextSpan span)
    {
        w.WriteStartObject("physicalLocation");
        WriteArtifact(w, report, path);
        WriteRegion(w, "region", report.Range(path, span));
        w.WriteEndObject();
    }

    private static void WriteArtifact(Utf8JsonWriter w, LintReport report, string path)
    {
        w.WriteStartObject("artifactLocation");
        w.WriteString("uri", Uri.EscapeDataString(report.File(path)).Replace("%2F", "/"));
        w.WriteEndObject();
    }

    private static void WriteRegion(Utf8JsonWriter w, string name, LineRange range)
    {
        w.WriteStartObject(name);
        w.WriteNumber("startLine", range.Start.Line + 1);
        w.WriteNumber("startColumn", range.Start.Character + 1);
        w.WriteNumber("endLine", range.End.Line + 1);
        w.WriteNumber("endColumn", range.End.Character + 1);
        w.WriteEndObject();
    }

    private static void WriteFixes(Utf8JsonWriter w, LintReport report, IEnumerable<CodeFix> fixes, Dictionary<AnchorRetarget, List<DocumentEdit>> linkEdits)
    {
        w.WriteStartArray("fixes");
        foreach (var fix in fixes)
        {
            w.WriteStartObject();
            w.WriteStartObject("description");
            w.WriteString("text", fix.Title);
            w.WriteEndObject();
            w.WriteStartArray("artifactChanges");
            foreach (var change in fix.EditsIn(report.Workspace.Index, linkEdits))
            {
                w.WriteStartObject();
                WriteArtifact(w, report, change.Path);
                w.WriteStartArray("replacements");
                foreach (var edit in change.Edits)
                {
                    w.WriteStartObject();
                    WriteRegion(w, "deletedRegion", report.Range(change.Path, edit.Span));
                    w.WriteStartObject("insertedContent");
                    w.WriteString("text", edit.NewText);
                    w.WriteEndObject();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
