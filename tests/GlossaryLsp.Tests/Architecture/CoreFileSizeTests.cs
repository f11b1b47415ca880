using GlossaryLsp.Tests.TestSupport;

namespace GlossaryLsp.Tests.Architecture;

/// <summary>Core's files do one job each, which keeps each of them short.</summary>
public class CoreFileSizeTests
{
    [Fact]
    public void No_source_file_of_Core_is_over_400_lines()
    {
        var core = Path.Combine(RepoPaths.Root, "src", "GlossaryLsp.Core");
        Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories)
            .Select(f => (File: Path.GetRelativePath(core, f).Replace('\\', '/'), Lines: File.ReadLines(f).Count()))
            .Where(f => !f.File.StartsWith("obj/") && !f.File.StartsWith("bin/") && f.Lines > 400)
            .Select(f => $"{f.File}: {f.Lines} lines")
            .Should().BeEmpty("a file over 400 lines does more than one job: split it by job");
    }
}
