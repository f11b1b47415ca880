using System.Text.Json;
using System.Text.Json.Serialization;

namespace GlossaryLsp.Server.Protocol;

public enum DiagnosticSeverity { Error = 1, Warning = 2, Information = 3, Hint = 4 }

public enum DiagnosticTag { Unnecessary = 1, Deprecated = 2 }

public sealed record CodeDescription(string Href);

public sealed record DiagnosticRelatedInformation(Location Location, string Message);

public sealed record Diagnostic
{
    public required Range Range { get; init; }
    public DiagnosticSeverity? Severity { get; init; }
    public string? Code { get; init; }
    public CodeDescription? CodeDescription { get; init; }
    public string? Source { get; init; }
    public required string Message { get; init; }
    public IReadOnlyList<DiagnosticTag>? Tags { get; init; }
    public IReadOnlyList<DiagnosticRelatedInformation>? RelatedInformation { get; init; }
    public JsonElement? Data { get; init; }
}

public sealed record PublishDiagnosticsParams
{
    public required string Uri { get; init; }
    public int? Version { get; init; }
    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }
}

public sealed record DocumentDiagnosticParams
{
    public required TextDocumentIdentifier TextDocument { get; init; }
    public string? Identifier { get; init; }
    public string? PreviousResultId { get; init; }
    public JsonElement? WorkDoneToken { get; init; }
    public JsonElement? PartialResultToken { get; init; }
}

public static class DocumentDiagnosticReportKind
{
    public const string Full = "full";
    public const string Unchanged = "unchanged";
}

/// <summary>A full report (kind "full", items) or an unchanged one (kind "unchanged", resultId).</summary>
public sealed record DocumentDiagnosticReport
{
    public required string Kind { get; init; }
    public string? ResultId { get; init; }
    public IReadOnlyList<Diagnostic>? Items { get; init; }
}

public sealed record PreviousResultId(string Uri, string Value);

public sealed record WorkspaceDiagnosticParams
{
    public string? Identifier { get; init; }
    public IReadOnlyList<PreviousResultId> PreviousResultIds { get; init; } = [];
    public JsonElement? WorkDoneToken { get; init; }
    public JsonElement? PartialResultToken { get; init; }
}

public sealed record WorkspaceDocumentDiagnosticReport
{
    public required string Kind { get; init; }
    public string? ResultId { get; init; }
    public IReadOnlyList<Diagnostic>? Items { get; init; }
    public required string Uri { get; init; }
    /// <summary>The open document's version, or null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public int? Version { get; init; }
}

public sealed record WorkspaceDiagnosticReport(IReadOnlyList<WorkspaceDocumentDiagnosticReport> Items);
