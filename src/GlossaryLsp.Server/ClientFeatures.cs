using GlossaryLsp.Server.Protocol;

namespace GlossaryLsp.Server;

/// <summary>What the client said it supports, in the few yes/no answers the handlers need.</summary>
public sealed record ClientFeatures
{
    public static ClientFeatures Default { get; } = From(new ClientCapabilities());

    /// <summary>Hover contents in Markdown (else plain text).</summary>
    public bool HoverMarkdown { get; init; }
    /// <summary>Completion documentation in Markdown (else plain text).</summary>
    public bool CompletionDocumentationMarkdown { get; init; }
    /// <summary>The client pulls diagnostics (<c>textDocument/diagnostic</c>); the server then does not push.</summary>
    public bool PullDiagnostics { get; init; }
    public bool DiagnosticRefresh { get; init; }
    public bool SemanticTokensRefresh { get; init; }
    public bool InlayHintRefresh { get; init; }
    public bool CodeLensRefresh { get; init; }
    /// <summary>The client shows code lenses (it says so for the document or the workspace).</summary>
    public bool CodeLens { get; init; }
    public bool WorkDoneProgress { get; init; }
    public bool ApplyEdit { get; init; }
    public bool DocumentChanges { get; init; }
    public bool WatchedFilesDynamicRegistration { get; init; }

    public static ClientFeatures From(ClientCapabilities c)
    {
        var td = c.TextDocument;
        return new ClientFeatures
        {
            HoverMarkdown = td?.Hover?.ContentFormat is not { } formats || formats.Count == 0 || formats[0] == MarkupKind.Markdown,
            CompletionDocumentationMarkdown = td?.Completion?.CompletionItem?.DocumentationFormat is not { } df || df.Count == 0 || df[0] == MarkupKind.Markdown,
            PullDiagnostics = td?.Diagnostic is not null,
            DiagnosticRefresh = c.Workspace?.Diagnostics?.RefreshSupport == true,
            SemanticTokensRefresh = c.Workspace?.SemanticTokens?.RefreshSupport == true,
            InlayHintRefresh = c.Workspace?.InlayHint?.RefreshSupport == true,
            CodeLensRefresh = c.Workspace?.CodeLens?.RefreshSupport == true,
            CodeLens = td?.CodeLens is not null || c.Workspace?.CodeLens is not null,
            WorkDoneProgress = c.Window?.WorkDoneProgress == true,
            ApplyEdit = c.Workspace?.ApplyEdit == true,
            DocumentChanges = c.Workspace?.WorkspaceEdit?.DocumentChanges == true,
            WatchedFilesDynamicRegistration = c.Workspace?.DidChangeWatchedFiles?.DynamicRegistration == true,
        };
    }
}
