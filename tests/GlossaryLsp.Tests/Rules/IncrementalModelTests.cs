using CsCheck;
using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Rules;
using GlossaryLsp.Core.Workspace;

namespace GlossaryLsp.Tests.Rules;

/// <summary>
/// Model-based: random small workspaces and random sequences of edits (anywhere, including inside headings,
/// anchors, links and front matter), added, renamed and deleted files and glossary.yml changes. After every
/// step the index kept with <see cref="GlossaryIndex.WithDocument"/>, <see cref="GlossaryIndex.WithConfig"/>
/// and the diagnostics kept with <see cref="WorkspaceDiagnostics.Update(GlossaryIndex, IEnumerable{string})"/>
/// equal a fresh <see cref="WorkspaceLoader.Load"/> of the same files and its full analysis, and hover and
/// definition answer alike. The state is changed the way the server changes it (FolderState, WorkspaceState).
/// </summary>
public sealed class IncrementalModelTests
{
    internal static Gen<(WorkspaceSpec Workspace, ModelOp[] Ops)> Sequences { get; } = Gen.Select(ModelWorkspace.Workspace, ModelOperations.CoreOp.Array[1, 24]);

    [Fact]
    public void After_every_operation_the_incremental_state_equals_a_fresh_load() =>
        ModelRun.Run("core", Sequences, input => RunSequence(ModelWorkspace.Render(input.Workspace), input.Ops), iterations: 200, Print);

    internal static string Print((WorkspaceSpec Workspace, ModelOp[] Ops) input) =>
        string.Concat(ModelWorkspace.Render(input.Workspace).Select(f => $"//- {f.Key}\n{f.Value}\n")) + "ops:\n" + string.Join("\n", input.Ops.Select(o => "  " + o));

    /// <summary>Runs one sequence; throws with the steps and the differences at the first step that differs.</summary>
    internal static int RunSequence(IReadOnlyDictionary<string, string> files, IReadOnlyList<ModelOp> ops)
    {
        using var model = new ModelState(files);
        var config = ReadConfig(model.Root, GlossaryConfig.Default);
        var index = WorkspaceLoader.Load(model.Root, config);
        var diagnostics = WorkspaceDiagnostics.Create(index);
        var steps = new List<string> { "load" };
        for (int i = 0; i < ops.Count; i++)
        {
            var step = model.Apply(ops[i], editor: false);
            steps.Add(step.Description);
            (index, config) = Apply(model.Root, index, config, step, fromDisk: ops[i].Delete % 2 == 0);
            // Half the updates name the changed files, half let the snapshots be compared.
            diagnostics = i % 2 == 0 ? diagnostics.Update(index, step.Touched) : diagnostics.Update(index);
            // The mention automaton made or not before the next change: its successor derives from either.
            if (ops[i].Where % 3 == 0) _ = index.MentionAutomaton;
            var problems = ModelComparison.Differences(index, diagnostics, WorkspaceLoader.Load(model.Root, config), i);
            if (problems.Count > 0) throw new InvalidOperationException(ModelComparison.Describe(steps, problems));
        }
        return ops.Count;
    }

    /// <summary>
    /// The index after files changed on disk, as the server's watched-file handling makes it: glossary.yml
    /// re-read (a bad one keeps the previous configuration; new ignore globs read the folder again), each
    /// other file re-read, re-parsed or removed.
    /// </summary>
    private static (GlossaryIndex Index, GlossaryConfig Config) Apply(string root, GlossaryIndex index, GlossaryConfig config, ModelStep step, bool fromDisk)
    {
        foreach (var path in step.Touched)
        {
            var full = Path.Combine(root, path);
            if (path == ModelState.ConfigFile)
            {
                // Also an other file: links to it resolve.
                index = File.Exists(full) ? index.WithOtherFile(path) : index.WithoutDocument(path);
                var next = ReadConfig(root, config);
                if (ReferenceEquals(next, config)) continue;
                index = config.IgnoreGlobs.SequenceEqual(next.IgnoreGlobs) ? index.WithConfig(next) : WorkspaceLoader.Load(root, next);
                config = next;
            }
            else if (!File.Exists(full)) index = index.WithoutDocument(path);
            else if (config.IsIgnored(path) || WorkspaceLoader.IsInSkippedFolder(path)) continue;
            else if (!WorkspaceLoader.IsMarkdown(path)) index = index.OtherFiles.Contains(path) ? index : index.WithOtherFile(path);
            else if (fromDisk) index = index.WithDocument(WorkspaceLoader.LoadDocument(root, path, config));
            else index = index.WithDocument(WorkspaceLoader.ParseEditorText(path, File.ReadAllText(full), config));
        }
        return (index, config);
    }

    /// <summary>glossary.yml as the server reads it: defaults when there is none, the previous configuration when it is bad.</summary>
    private static GlossaryConfig ReadConfig(string root, GlossaryConfig previous)
    {
        try
        {
            return WorkspaceLoader.LoadConfig(root);
        }
        catch (ConfigException)
        {
            return previous;
        }
    }
}
