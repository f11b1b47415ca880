using System.Text.Json;
using GlossaryLsp.Server.Protocol;

namespace GlossaryLsp.Tests.Server;

public sealed class LifecycleTests
{
    [Fact]
    public async Task Initialize_advertises_sync_diagnostics_and_encoding_then_shutdown_exit_returns_0()
    {
        await using var client = LspTestClient.Create(Fixtures.Workspace());
        var result = await client.InitializeAsync();
        var caps = result.GetProperty("capabilities");
        caps.GetProperty("positionEncoding").GetString().Should().Be("utf-16");
        caps.GetProperty("textDocumentSync").GetProperty("change").GetInt32().Should().Be(2);
        caps.GetProperty("textDocumentSync").GetProperty("openClose").GetBoolean().Should().BeTrue();
        caps.GetProperty("diagnosticProvider").GetProperty("interFileDependencies").GetBoolean().Should().BeTrue();
        caps.GetProperty("diagnosticProvider").GetProperty("workspaceDiagnostics").GetBoolean().Should().BeTrue();
        result.GetProperty("serverInfo").GetProperty("name").GetString().Should().Be("glossary");

        var ready = await client.WaitForNotificationAsync("glossary/status", p => p.GetProperty("state").GetString() == "ready");
        ready.GetProperty("files").GetInt32().Should().Be(2);
        ready.GetProperty("terms").GetInt32().Should().Be(1);
        client.Notifications("glossary/status")[0].GetProperty("state").GetString().Should().Be("indexing");
        await client.WaitForServerRequestAsync("client/registerCapability");
        var watchers = client.ServerRequests("client/registerCapability")[0].GetProperty("registrations")[0];
        watchers.GetProperty("method").GetString().Should().Be("workspace/didChangeWatchedFiles");
        watchers.GetProperty("registerOptions").GetProperty("watchers").EnumerateArray().Select(w => w.GetProperty("globPattern").GetString())
            .Should().Contain(["**/*.md", "**/*.{yml,yaml}"]);

        (await client.ShutdownAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Work_done_progress_begins_and_ends_around_the_scan()
    {
        await using var client = LspTestClient.Create(Fixtures.Workspace());
        await client.InitializeAsync();
        await client.WaitForServerRequestAsync("window/workDoneProgress/create");
        var end = await client.WaitForNotificationAsync("$/progress", p => p.GetProperty("value").GetProperty("kind").GetString() == "end");
        var progress = client.Notifications("$/progress");
        progress[0].GetProperty("value").GetProperty("kind").GetString().Should().Be("begin");
        progress[0].GetProperty("token").GetString().Should().Be(end.GetProperty("token").GetString());
    }

    [Fact]
    public async Task Exit_without_shutdown_returns_1()
    {
        await using var client = LspTestClient.Create(Fixtures.Workspace());
        await client.InitializeAsync();
        await client.NotifyAsync("exit", null);
        (await client.ServerRun.WaitAsync(LspTestClient.Patience)).Should().Be(1);
    }

    [Fact]
    public async Task End_of_input_exits()
    {
        await using var client = LspTestClient.Create(Fixtures.Workspace());
        await client.InitializeAsync();
        await client.RequestAsync("shutdown", null);
        client.Rpc.Dispose(); // closes the client's end: the server sees the end of its input
        (await client.ServerRun.WaitAsync(LspTestClient.Patience)).Should().Be(0);
    }

    [Fact]
    public async Task Requests_after_shutdown_fail_with_InvalidRequest()
    {
        await using var client = LspTestClient.Create(Fixtures.Workspace());
        await client.InitializeAsync();
        await client.RequestAsync("shutdown", null);
        var act = () => client.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri = client.Uri("記事.md") } });
        (await act.Should().ThrowAsync<StreamJsonRpc.RemoteInvocationException>()).Which.ErrorCode.Should().Be(LspErrorCodes.InvalidRequest);
    }

    [Fact]
    public async Task Requests_before_initialize_fail_with_ServerNotInitialized()
    {
        await using var client = LspTestClient.Create(Fixtures.Workspace());
        var act = () => client.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri = client.Uri("記事.md") } });
        (await act.Should().ThrowAsync<StreamJsonRpc.RemoteInvocationException>()).Which.ErrorCode.Should().Be(LspErrorCodes.ServerNotInitialized);
    }

    [Fact]
    public async Task Unknown_method_is_MethodNotFound_and_the_server_keeps_answering()
    {
        await using var client = LspTestClient.Create(Fixtures.Workspace());
        await client.InitializeAsync();
        var act = () => client.RequestAsync("glossary/noSuchMethod", new { });
        (await act.Should().ThrowAsync<StreamJsonRpc.RemoteMethodNotFoundException>()).Which.ErrorCode.Should().Be(StreamJsonRpc.Protocol.JsonRpcErrorCode.MethodNotFound);
        await client.NotifyAsync("glossary/noSuchNotification", new { });
        var report = await client.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri = client.Uri("記事.md") } });
        report.GetProperty("kind").GetString().Should().Be("full");
    }
}
