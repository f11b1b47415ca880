using System.Text.Json;

namespace GlossaryLsp.Server.Protocol;

public enum MessageType { Error = 1, Warning = 2, Info = 3, Log = 4, Debug = 5 }

public sealed record LogMessageParams(MessageType Type, string Message);

public sealed record ShowMessageParams(MessageType Type, string Message);

public sealed record WorkDoneProgressCreateParams(string Token);

public sealed record ProgressParams<T>(string Token, T Value);

public sealed record WorkDoneProgressBegin
{
    public string Kind => "begin";
    public required string Title { get; init; }
    public bool? Cancellable { get; init; }
    public string? Message { get; init; }
    public int? Percentage { get; init; }
}

public sealed record WorkDoneProgressReport
{
    public string Kind => "report";
    public string? Message { get; init; }
    public int? Percentage { get; init; }
}

public sealed record WorkDoneProgressEnd
{
    public string Kind => "end";
    public string? Message { get; init; }
}

/// <summary>The custom <c>glossary/status</c> notification (state "indexing" | "ready").</summary>
public sealed record GlossaryStatusParams(string State, int Files, int Terms);

/// <summary>Params of the custom <c>glossary/terms</c> request (it takes none).</summary>
public sealed record GlossaryTermsParams;

public sealed record GlossaryTerm
{
    public required string Headword { get; init; }
    public required IReadOnlyList<string> Aliases { get; init; }
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)]
    public string? Reading { get; init; }
    public required string Uri { get; init; }
    public required Range Range { get; init; }
    /// <summary>Markdown.</summary>
    public required string Definition { get; init; }
}

public sealed record GlossaryTermsResult(IReadOnlyList<GlossaryTerm> Terms);

public sealed record ExecuteCommandParams
{
    public required string Command { get; init; }
    public IReadOnlyList<JsonElement>? Arguments { get; init; }
    public JsonElement? WorkDoneToken { get; init; }
}

public sealed record ApplyWorkspaceEditParams(WorkspaceEdit Edit, string? Label = null);

public sealed record ApplyWorkspaceEditResult(bool Applied, string? FailureReason = null, int? FailedChange = null);
