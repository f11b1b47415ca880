using System.Text.RegularExpressions;
using GlossaryLsp.Tests.TestSupport;

namespace GlossaryLsp.Tests.Architecture;

/// <summary>
/// Core's folders form layers; a folder uses only folders of lower layers (read from each file's
/// <c>using GlossaryLsp.Core.X</c> directives and qualified <c>GlossaryLsp.Core.X.</c> names):
/// Text; then Config and Parsing (Parsing never knows the index or the configuration); Index;
/// then Linking and Workspace; Rules; Features.
/// </summary>
public class FolderDependencyTests
{
    private static readonly Dictionary<string, int> Layers = new()
    {
        ["Text"] = 0,
        ["Config"] = 1,
        ["Parsing"] = 1,
        ["Index"] = 2,
        ["Linking"] = 3,
        ["Workspace"] = 3,
        ["Rules"] = 4,
        ["Features"] = 5,
    };

    private static readonly Regex Reference = new(@"\bGlossaryLsp\.Core\.(?<folder>[A-Z][A-Za-z]*)\b", RegexOptions.Compiled);

    private static string CoreRoot => Path.Combine(RepoPaths.Root, "src", "GlossaryLsp.Core");

    [Fact]
    public void Every_folder_of_Core_has_a_layer()
    {
        var folders = Directory.EnumerateDirectories(CoreRoot).Select(Path.GetFileName).Where(d => d is not ("bin" or "obj"));
        folders.Should().BeEquivalentTo(Layers.Keys, "a new folder of Core is placed in the layering here");
    }

    /// <summary>(file, its folder, a folder it references) for every reference to another folder of Core.</summary>
    private static IEnumerable<(string File, string From, string To)> References()
    {
        foreach (var file in Directory.EnumerateFiles(CoreRoot, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(CoreRoot, file).Replace('\\', '/');
            if (relative.StartsWith("obj/") || relative.StartsWith("bin/") || !relative.Contains('/')) continue;
            var from = relative[..relative.IndexOf('/')];
            foreach (var line in File.ReadLines(file))
            {
                if (line.TrimStart().StartsWith("namespace ")) continue;
                foreach (Match m in Reference.Matches(line))
                    if (m.Groups["folder"].Value is var to && to != from) yield return (relative, from, to);
            }
        }
    }

    [Fact]
    public void Folders_use_only_lower_layers()
    {
        References().Distinct()
            .Where(r => !Layers.ContainsKey(r.To) || Layers[r.To] >= Layers[r.From])
            .Select(r => $"{r.File}: {r.From} (layer {Layers[r.From]}) uses {r.To} (layer {Layers.GetValueOrDefault(r.To, -1)})")
            .Should().BeEmpty("a folder may use only folders of lower layers: Text < Config, Parsing < Index < Linking, Workspace < Rules < Features");
    }

    [Fact]
    public void The_folder_graph_is_acyclic()
    {
        var edges = References().Select(r => (r.From, r.To)).Distinct().ToLookup(e => e.From, e => e.To);
        var state = new Dictionary<string, int>(); // 1: on the path, 2: done
        var cycle = new List<string>();
        bool Visit(string folder, List<string> path)
        {
            if (state.GetValueOrDefault(folder) == 2) return false;
            if (state.GetValueOrDefault(folder) == 1) { cycle.AddRange(path.SkipWhile(p => p != folder).Append(folder)); return true; }
            state[folder] = 1;
            path.Add(folder);
            foreach (var next in edges[folder])
                if (Visit(next, path)) return true;
            path.RemoveAt(path.Count - 1);
            state[folder] = 2;
            return false;
        }
        foreach (var folder in edges.Select(g => g.Key).ToList())
            if (Visit(folder, [])) break;
        var files = cycle.Zip(cycle.Skip(1), (a, b) => References().First(r => r.From == a && r.To == b).File);
        cycle.Should().BeEmpty($"Core's folders must not depend on each other in a cycle; the cycle's edges come from {string.Join(", ", files)}");
    }
}
