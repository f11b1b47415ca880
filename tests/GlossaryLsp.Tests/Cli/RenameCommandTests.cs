using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Tests.Cli;

/// <summary><c>glossary rename</c> in-process on a temporary workspace.</summary>
public sealed class RenameCommandTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();
    public RenameCommandTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "glossary"));
        File.WriteAllText(Path.Combine(_root, "glossary", "ml.md"),
            $"<!-- 記事URL:https://example.com/glossary/ml.md# -->\n\n## 転移学習<a id=\"{AnchorCodec.Encode("転移学習")}\"></a>\n- 再利用。\n");
        File.WriteAllText(Path.Combine(_root, "post.md"), $"[転移学習](glossary/ml.md#{AnchorCodec.Encode("転移学習")})\n");
        File.WriteAllText(Path.Combine(_root, "dup.md"), "<!-- 記事URL:https://example.com/dup.md# -->\n## 学習\n- a\n");
        File.WriteAllText(Path.Combine(_root, "glossary", "dup.md"), "<!-- 記事URL:https://example.com/glossary/dup.md# -->\n## 学習\n- b\n");
    }

    private string _root => _workspace.Root;

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void Shows_then_writes_the_rename()
    {
        var before = File.ReadAllText(Path.Combine(_root, "post.md"));
        var (exit, output, _) = Run("rename", "転移学習", "移転学習");
        exit.Should().Be(0);
        output.Should().Contain("Would rename '転移学習' to '移転学習' in glossary/ml.md: 1 link in 2 files (use --write to apply)");
        File.ReadAllText(Path.Combine(_root, "post.md")).Should().Be(before);

        (exit, output, _) = Run("rename", "転移学習", "移転学習", "--write");
        exit.Should().Be(0);
        output.Should().Contain("Renamed '転移学習' to '移転学習' in glossary/ml.md: changed 1 link in 2 files");
        File.ReadAllText(Path.Combine(_root, "post.md")).Should().Be($"[移転学習](glossary/ml.md#{AnchorCodec.Encode("移転学習")})\n");
        File.ReadAllText(Path.Combine(_root, "glossary", "ml.md")).Should().Contain($"## 移転学習<a id=\"{AnchorCodec.Encode("移転学習")}\"></a>\n");
    }

    [Fact]
    public void Errors_have_clear_messages_and_exit_codes()
    {
        Run("rename", "未定義", "x").Should().Match<(int Exit, string Out, string Err)>(r => r.Exit == 1 && r.Err.Contains("no term has the entry word '未定義'"));
        Run("rename", "転移学習", "a|b").Exit.Should().Be(2);
        Run("rename", "転移学習", " ").Exit.Should().Be(2);
        var dup = Run("rename", "学習", "x");
        dup.Exit.Should().Be(1);
        dup.Err.Should().Contain("'学習' is defined in dup.md, glossary/dup.md; choose one with --in FILE");
        Run("rename", "学習", "x", "--in", Path.Combine(_root, "glossary", "dup.md")).Exit.Should().Be(0);
        Run("rename", "転移学習", "学習").Err.Should().Contain("already an entry word of '学習'");
    }

    private (int Exit, string Out, string Err) Run(params string[] args) => _workspace.Run(".", [.. args, "--workspace", _root]);
}
