using GlossaryLsp.Server.Protocol;
using GlossaryLsp.Server.Workspace;

namespace GlossaryLsp.Server.Handlers;

/// <summary><c>textDocument/didOpen</c>: the editor's text overrides the file on disk.</summary>
[LspMethod("textDocument/didOpen", Mutates = true)]
internal sealed class DidOpenHandler : ILspNotificationHandler<DidOpenTextDocumentParams>
{
    public Task HandleAsync(DidOpenTextDocumentParams notification, RequestContext context, CancellationToken cancellationToken)
    {
        var d = notification.TextDocument;
        context.State.Open(d.Uri, d.Version, d.Text);
        return Task.CompletedTask;
    }
}

/// <summary><c>textDocument/didChange</c>: full or incremental changes, applied in order in the negotiated encoding.</summary>
[LspMethod("textDocument/didChange", Mutates = true)]
internal sealed class DidChangeHandler : ILspNotificationHandler<DidChangeTextDocumentParams>
{
    public Task HandleAsync(DidChangeTextDocumentParams notification, RequestContext context, CancellationToken cancellationToken)
    {
        if (!context.State.Change(notification.TextDocument.Uri, notification.TextDocument.Version, notification.ContentChanges, context.Conversions))
            context.Log.Warning($"didChange for a document that is not open: {notification.TextDocument.Uri}");
        return Task.CompletedTask;
    }
}

/// <summary><c>textDocument/didClose</c>: the document reverts to its content on disk.</summary>
[LspMethod("textDocument/didClose", Mutates = true)]
internal sealed class DidCloseHandler : ILspNotificationHandler<DidCloseTextDocumentParams>
{
    public Task HandleAsync(DidCloseTextDocumentParams notification, RequestContext context, CancellationToken cancellationToken)
    {
        context.State.Close(notification.TextDocument.Uri);
        return Task.CompletedTask;
    }
}

/// <summary><c>textDocument/didSave</c>: the open text is already current; saving glossary.yml in the editor reloads it.</summary>
[LspMethod("textDocument/didSave", Mutates = true)]
internal sealed class DidSaveHandler : ILspNotificationHandler<DidSaveTextDocumentParams>
{
    public Task HandleAsync(DidSaveTextDocumentParams notification, RequestContext context, CancellationToken cancellationToken)
    {
        context.State.Saved(notification.TextDocument.Uri, context.Loading.ShowBadConfig);
        return Task.CompletedTask;
    }
}

/// <summary><c>workspace/didChangeWatchedFiles</c>: files created, changed or deleted on disk (a rename is a delete and a create).</summary>
[LspMethod("workspace/didChangeWatchedFiles", Mutates = true)]
internal sealed class DidChangeWatchedFilesHandler : ILspNotificationHandler<DidChangeWatchedFilesParams>
{
    public Task HandleAsync(DidChangeWatchedFilesParams notification, RequestContext context, CancellationToken cancellationToken)
    {
        context.State.FilesChanged(notification.Changes, context.Loading.ShowBadConfig);
        return Task.CompletedTask;
    }
}

/// <summary><c>workspace/didChangeConfiguration</c> with <c>{ settings: { glossary: S } }</c>: the editor's settings, layered over glossary.yml.</summary>
[LspMethod("workspace/didChangeConfiguration", Mutates = true)]
internal sealed class DidChangeConfigurationHandler : ILspNotificationHandler<DidChangeConfigurationParams>
{
    public Task HandleAsync(DidChangeConfigurationParams notification, RequestContext context, CancellationToken cancellationToken)
    {
        var settings = EditorSettings.ParseSection(notification.Settings);
        foreach (var w in settings.Warnings) context.Log.Warning(w);
        context.State.SetSettings(settings);
        return Task.CompletedTask;
    }
}

/// <summary><c>workspace/didChangeWorkspaceFolders</c>: folders added (read from disk) and removed.</summary>
[LspMethod("workspace/didChangeWorkspaceFolders", Mutates = true)]
internal sealed class DidChangeWorkspaceFoldersHandler : ILspNotificationHandler<DidChangeWorkspaceFoldersParams>
{
    public async Task HandleAsync(DidChangeWorkspaceFoldersParams notification, RequestContext context, CancellationToken cancellationToken)
    {
        var state = context.State;
        foreach (var f in notification.Event.Removed)
            if (ProtocolConversions.ToFilePath(f.Uri) is { } p) state.RemoveFolder(p);
        foreach (var f in notification.Event.Added)
            if (ProtocolConversions.ToFilePath(f.Uri) is { } p && Directory.Exists(p)) state.AddFolder(f.Name, p);
        await context.Loading.LoadAsync("Indexing added folders").ConfigureAwait(false);
    }
}
