using System.Reflection;
using System.Text.RegularExpressions;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Server;

namespace GlossaryLsp.Tests.Architecture;

/// <summary>The invariants ARCHITECTURE.md states about the source as a whole.</summary>
public partial class SourceRulesTests
{
    [Fact]
    public void No_source_file_is_over_400_lines()
    {
        SourceFiles().Select(f => (f.Path, Lines: File.ReadLines(f.FullPath).Count()))
            .Where(f => f.Lines > 400)
            .Select(f => $"{f.Path}: {f.Lines} lines")
            .Should().BeEmpty("a file over 400 lines does more than one job: split it by job");
    }

    [Fact]
    public void Comments_state_no_measurements()
    {
        var found = new List<string>();
        foreach (var (path, fullPath) in SourceFiles())
        {
            int n = 0;
            foreach (var line in File.ReadLines(fullPath))
            {
                n++;
                int comment = line.IndexOf("//", StringComparison.Ordinal);
                if (comment < 0 || line.LastIndexOf('"', comment) >= 0) continue; // code, or a string holding "//"
                if (Measurement().IsMatch(line[comment..])) found.Add($"{path}:{n}: {line.Trim()}");
            }
        }
        found.Should().BeEmpty("measured numbers belong in docs/PERFORMANCE.md; a comment states a contract or a reason");
    }

    [Fact]
    public void Snapshots_expose_no_setters_and_no_mutable_fields()
    {
        Type[] immutable = [typeof(GlossaryIndex), typeof(ParsedDocument), typeof(TermDefinition), typeof(LinkReference), typeof(Heading), typeof(LinkResolution)];
        MutableMembers(immutable).Should().BeEmpty("a snapshot is read without locks, so nothing may change it after it is made");
    }

    [Fact]
    public void The_server_and_a_request_context_have_no_settable_state()
    {
        MutableMembers([typeof(LanguageServer), typeof(RequestContext)], includePrivate: false).Should().BeEmpty(
            "handlers get what they need from the request context; state changes through its owners' methods");
    }

    [Fact]
    public void Lsp_positions_are_made_only_by_ProtocolConversions()
    {
        var server = Path.Combine("src", "GlossaryLsp.Server");
        SourceFiles()
            .Where(f => f.Path.StartsWith(server.Replace('\\', '/'), StringComparison.Ordinal) && !f.Path.Contains("/Protocol/", StringComparison.Ordinal)
                        && !f.Path.EndsWith("/ProtocolConversions.cs", StringComparison.Ordinal))
            .Where(f => NewPosition().IsMatch(File.ReadAllText(f.FullPath)))
            .Select(f => f.Path)
            .Should().BeEmpty("UTF-16 offsets become LSP positions (utf-16, utf-8 or utf-32) in one class");
    }

    /// <summary>Settable properties (not init-only) and non-readonly fields of the types; private ones too unless told not to.</summary>
    private static IEnumerable<string> MutableMembers(IEnumerable<Type> types, bool includePrivate = true)
    {
        const BindingFlags all = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        foreach (var type in types)
        {
            foreach (var p in type.GetProperties(all))
            {
                bool initOnly = p.SetMethod?.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit)) == true;
                if (p.SetMethod is { } set && !initOnly && (includePrivate || !set.IsPrivate)) yield return $"{type.Name}.{p.Name} has a setter";
            }
            foreach (var f in type.GetFields(all))
                if (!f.IsInitOnly && (includePrivate || !f.IsPrivate) && !f.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)))
                    yield return $"{type.Name}.{f.Name} is a mutable field";
        }
    }

    private static IEnumerable<(string Path, string FullPath)> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Select(f => (Path: Path.GetRelativePath(RepoPaths.Root, f).Replace('\\', '/'), FullPath: f))
            .Where(f => !f.Path.Contains("/obj/", StringComparison.Ordinal) && !f.Path.Contains("/bin/", StringComparison.Ordinal));

    /// <summary>A number with a unit of time, size or share: "150 ms", "0.4 s of CPU", "20 MB", "4 %".</summary>
    [GeneratedRegex(@"\b\d+(?:[.,]\d+)?(?:[–-]\d+(?:[.,]\d+)?)?\s?(?:ms|µs|ns|s of CPU|KB|MB|GB|%)(?![\w])")]
    private static partial Regex Measurement();

    [GeneratedRegex(@"new\s+(?:Protocol\.)?Position\s*\(")]
    private static partial Regex NewPosition();
}
