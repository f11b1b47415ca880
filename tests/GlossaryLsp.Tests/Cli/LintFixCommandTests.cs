using System.Text;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Tests.Cli;

/// <summary><c>glossary lint --fix</c> in-process: PATHs, files that may not be edited, usage.</summary>
public sealed class LintFixCommandTests : IDisposable
{
    private static readonly string OldId = AnchorCodec.Encode("転移学習 | Transfer Learning");
    private static readonly string NewId = AnchorCodec.Encode("転移学習 | Transfer Learning | TL");
    private static readonly string Gone = AnchorCodec.Encode("消えた");
    private readonly CliWorkspace _workspace = new();

    public LintFixCommandTests()
    {
        _workspace.Write("glossary/a.md", $"""
            <!-- 記事URL:https://example.org/glossary/a.md# -->

            ## 転移学習 | Transfer Learning | TL<a id="{OldId}"></a>

            - 学習済みの重みを使う。<a href="https://example.org/glossary/a.md#{Gone}">蒸留</a>と併用する。

            ## 蒸留 | Distillation<a id="{AnchorCodec.Encode("蒸留 | Distillation")}"></a>

            - 大きなモデルから小さなモデルへ 🌲

            """);
        _workspace.Write("posts/b.md", $"[転移学習](../glossary/a.md#{OldId})で再利用する。[蒸留](../glossary/a.md#{Gone})も。\n");
    }

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void With_paths_only_those_files_are_edited_and_a_fix_reaching_beyond_them_is_reported()
    {
        var b = File.ReadAllText(_workspace.Path("posts/b.md"));
        var (exit, stdout, stderr) = _workspace.Run(".", "lint", "--fix", "glossary/a.md");

        exit.Should().Be(0, stderr);
        stderr.Should().Be(
            "glossary/a.md:5:23: fixed GL0002 Link to '蒸留' in glossary/a.md\n" +
            "Fixed 1 finding in 1 file\n" +
            "glossary/a.md:3:40: GL0003 not fixed: it also edits posts/b.md, which is not among the PATHs\n");
        File.ReadAllText(_workspace.Path("glossary/a.md")).Should().Contain($"a.md#{AnchorCodec.Encode("蒸留 | Distillation")}\">蒸留</a>").And.Contain($"id=\"{OldId}\"");
        File.ReadAllText(_workspace.Path("posts/b.md")).Should().Be(b);
        stdout.Should().StartWith("glossary/a.md:3:40: warning GL0003 ").And.EndWith("1 warning in 1 file\n");

        var all = _workspace.Run(".", "lint", "--fix");
        all.Exit.Should().Be(0, all.Stderr);
        all.Stderr.Should().Contain("Fixed 2 findings in 2 files\n");
        File.ReadAllText(_workspace.Path("posts/b.md")).Should().Be(
            $"[転移学習](../glossary/a.md#{NewId})で再利用する。[蒸留](../glossary/a.md#{AnchorCodec.Encode("蒸留 | Distillation")})も。\n");
        all.Stdout.Should().Be("No problems in 2 files\n");
    }

    [Fact]
    public void A_read_only_file_is_reported_its_fixes_are_not_applied_and_the_exit_code_is_1()
    {
        File.SetAttributes(_workspace.Path("posts/b.md"), FileAttributes.ReadOnly);
        var b = File.ReadAllText(_workspace.Path("posts/b.md"));

        var (exit, stdout, stderr) = _workspace.Run(".", "lint", "--fix");

        exit.Should().Be(1);
        stderr.Should().Contain("glossary/a.md:3:40: GL0003 not fixed: posts/b.md: read-only file\n")
            .And.Contain("posts/b.md:1:82: GL0002 not fixed: posts/b.md: read-only file\n")
            .And.Contain("glossary/a.md:5:23: fixed GL0002 ");
        File.ReadAllText(_workspace.Path("posts/b.md")).Should().Be(b);
        stdout.Should().Contain(" error GL0002 ").And.Contain(" warning GL0003 ");
    }

    [Fact]
    public void A_file_that_cannot_be_analysed_is_never_written()
    {
        byte[] invalid = [.. Encoding.UTF8.GetBytes($"[転移学習](../glossary/a.md#{OldId}) "), 0xFF, 0xFE, (byte)'\n'];
        _workspace.WriteBytes("posts/c.md", invalid);

        var (exit, _, stderr) = _workspace.Run(".", "lint", "--fix");

        exit.Should().Be(0, stderr);
        stderr.Should().StartWith("posts/c.md: warning: not valid UTF-8");
        File.ReadAllBytes(_workspace.Path("posts/c.md")).Should().Equal(invalid);
        File.ReadAllText(_workspace.Path("posts/b.md")).Should().Contain(NewId);
    }

    [Fact]
    public void Fix_and_watch_together_or_watch_with_sarif_are_bad_usage()
    {
        var both = _workspace.Run(".", "lint", "--fix", "--watch");
        both.Exit.Should().Be(2);
        both.Stderr.Should().Be("glossary lint: --fix and --watch cannot be combined\n");
        _workspace.Run(".", "lint", "--watch", "--format", "sarif").Exit.Should().Be(2);
    }
}
