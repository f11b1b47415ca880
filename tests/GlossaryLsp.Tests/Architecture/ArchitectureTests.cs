using System.Text.RegularExpressions;
using GlossaryLsp.Tests.TestSupport;

namespace GlossaryLsp.Tests.Architecture;

/// <summary>The invariants ARCHITECTURE.md states, checked rather than promised.</summary>
public class ArchitectureTests
{
    [Fact]
    public void Core_references_neither_json_rpc_nor_the_server_nor_the_console_front_end()
    {
        var references = typeof(GlossaryLsp.Core.Index.GlossaryIndex).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();
        references.Should().NotContain(n => n!.StartsWith("StreamJsonRpc") || n.StartsWith("GlossaryLsp.Server") || n.StartsWith("GlossaryLsp.Cli")
                                            || n.StartsWith("System.CommandLine") || n.StartsWith("Newtonsoft"));
        typeof(GlossaryLsp.Core.Index.GlossaryIndex).Assembly.GetTypes()
            .Should().NotContain(t => t.Namespace != null && t.Namespace.Contains("Protocol"));
    }

    [Fact]
    public void Markdig_inclusive_span_ends_are_converted_only_in_TextSpan()
    {
        var core = Path.Combine(RepoPaths.Root, "src", "GlossaryLsp.Core");
        var offenders = Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.EndsWith("TextSpan.cs"))
            .Where(f => Regex.IsMatch(File.ReadAllText(f), @"\.Span\.End\s*\+\s*1"))
            .Select(f => Path.GetRelativePath(core, f));
        offenders.Should().BeEmpty("TextSpan.FromMarkdig is the one place that turns Markdig's inclusive End into an exclusive one");
    }

    [Fact]
    public void Console_output_is_never_written_by_the_core_or_the_server()
    {
        foreach (var project in new[] { "GlossaryLsp.Core", "GlossaryLsp.Server" })
        {
            var dir = Path.Combine(RepoPaths.Root, "src", project);
            Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
                .Where(f => Regex.IsMatch(File.ReadAllText(f), @"Console\.(Write|Out\b|Open)"))
                .Select(f => Path.GetRelativePath(dir, f))
                .Should().BeEmpty($"{project} must not write to stdout: the server's stdout carries only the protocol");
        }
    }
}
