using CsCheck;

namespace GlossaryLsp.Tests.Server.Workspace;

/// <summary>
/// Model-based, on the server: random workspaces and random sequences of what an editor and the disk do
/// (edits anywhere in open documents, open, close, save, files and folders created, changed, renamed and
/// deleted on disk, glossary.yml valid and invalid). After every step, once the server has settled, the
/// client's diagnostics (pushed or pulled), hover and definition equal a fresh load's (<see cref="ServerModel"/>).
/// </summary>
public sealed class IncrementalServerModelTests
{
    private static readonly Gen<(WorkspaceSpec Workspace, ModelOp[] Ops, bool Eager)> Sequences =
        Gen.Select(ModelWorkspace.Workspace, ModelOperations.ServerOp.Array[1, 16], Gen.Bool);

    [Fact]
    public Task Published_diagnostics_hover_and_definition_equal_a_fresh_load_after_every_step() =>
        ModelRun.RunAsync("server-push", Sequences, input => ServerModel.RunAsync(ModelWorkspace.Render(input.Workspace), input.Ops, pull: false, input.Eager),
            iterations: 25, Print);

    [Fact]
    public Task Pulled_diagnostics_hover_and_definition_equal_a_fresh_load_after_every_step_and_stale_pulls_are_refreshed() =>
        ModelRun.RunAsync("server-pull", Sequences, input => ServerModel.RunAsync(ModelWorkspace.Render(input.Workspace), input.Ops, pull: true, input.Eager),
            iterations: 25, Print);

    private static string Print((WorkspaceSpec Workspace, ModelOp[] Ops, bool Eager) input) =>
        $"background work {(input.Eager ? "eager" : "never")}\n" + Rules.IncrementalModelTests.Print((input.Workspace, input.Ops));
}
