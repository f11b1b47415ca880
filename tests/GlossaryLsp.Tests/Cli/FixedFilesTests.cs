using System.Text;
using GlossaryLsp.Cli;

namespace GlossaryLsp.Tests.Cli;

/// <summary><see cref="FixedFiles"/>: the files of <c>lint --fix</c> are written all or none, each replaced whole.</summary>
public sealed class FixedFilesTests : IDisposable
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Writes_the_new_texts_keeping_bom_and_permissions_and_leaves_no_temporary_file()
    {
        _workspace.WriteBytes("a.md", [.. Bom, .. Encoding.UTF8.GetBytes("# 見出し\r\nold ✅\r\n")]).Write("sub/b.md", "old\n");
        File.SetUnixFileMode(_workspace.Path("sub/b.md"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.UserExecute);

        var problems = FixedFiles.WriteAll(_workspace.Root, [new("a.md", "# 見出し\r\nold ✅\r\n", "# 見出し\r\nnew 🌲\r\n"), new("sub/b.md", "old\n", "new\n")]);

        problems.Should().BeEmpty();
        File.ReadAllBytes(_workspace.Path("a.md")).Should().Equal([.. Bom, .. Encoding.UTF8.GetBytes("# 見出し\r\nnew 🌲\r\n")]);
        File.ReadAllText(_workspace.Path("sub/b.md")).Should().Be("new\n");
        File.GetUnixFileMode(_workspace.Path("sub/b.md")).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.UserExecute);
        Directory.EnumerateFiles(_workspace.Root, "*", SearchOption.AllDirectories).Select(Path.GetFileName).Should().BeEquivalentTo(["a.md", "b.md"]);
    }

    [Fact]
    public void A_file_changed_since_it_was_read_is_reported_and_no_file_is_written()
    {
        _workspace.Write("a.md", "old a\n").Write("b.md", "changed by someone else\n");

        var problems = FixedFiles.WriteAll(_workspace.Root, [new("a.md", "old a\n", "new a\n"), new("b.md", "old b\n", "new b\n")]);

        problems.Should().Equal(("b.md", "the file changed on disk since it was read"));
        File.ReadAllText(_workspace.Path("a.md")).Should().Be("old a\n", "a fix may span both files: none is half-applied");
        File.ReadAllText(_workspace.Path("b.md")).Should().Be("changed by someone else\n");
        Directory.EnumerateFiles(_workspace.Root).Select(Path.GetFileName).Should().BeEquivalentTo(["a.md", "b.md"]);
    }

    [Fact]
    public void A_read_only_or_vanished_file_is_reported_and_no_file_is_written()
    {
        _workspace.Write("a.md", "old a\n").Write("ro.md", "old\n");
        File.SetAttributes(_workspace.Path("ro.md"), FileAttributes.ReadOnly);

        var problems = FixedFiles.WriteAll(_workspace.Root, [new("a.md", "old a\n", "new a\n"), new("ro.md", "old\n", "new\n"), new("gone.md", "x\n", "y\n")]);

        problems.Select(p => p.Path).Should().Equal("ro.md", "gone.md");
        problems[0].Message.Should().Be("read-only file");
        problems[1].Message.Should().StartWith("cannot ");
        File.ReadAllText(_workspace.Path("a.md")).Should().Be("old a\n");
        File.ReadAllText(_workspace.Path("ro.md")).Should().Be("old\n");
        File.Exists(_workspace.Path("gone.md")).Should().BeFalse();
    }

    [Fact]
    public void A_symbolic_link_inside_the_workspace_stays_a_link_and_its_target_is_written()
    {
        _workspace.Write("real.md", "old\n");
        File.CreateSymbolicLink(_workspace.Path("link.md"), "real.md");

        FixedFiles.WriteAll(_workspace.Root, [new("link.md", "old\n", "new\n")]).Should().BeEmpty();

        new FileInfo(_workspace.Path("link.md")).LinkTarget.Should().Be("real.md");
        File.ReadAllText(_workspace.Path("real.md")).Should().Be("new\n");
    }
}
