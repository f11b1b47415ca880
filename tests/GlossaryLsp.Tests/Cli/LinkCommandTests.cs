using System.Text;
using GlossaryLsp.Tests.Cli;

namespace GlossaryLsp.Tests.Cli;

/// <summary><c>glossary link</c> in-process on a temporary workspace.</summary>
public sealed class LinkCommandTests : IDisposable
{
    private const string Anchor = "6Lui56e75a2m57+SIHwgVHJhbnNmZXIgTGVhcm5pbmc=";
    private readonly CliWorkspace _workspace = new();
    public LinkCommandTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "glossary"));
        Directory.CreateDirectory(Path.Combine(_root, "posts"));
        File.WriteAllText(Path.Combine(_root, "glossary", "ml.md"),
            $"<!-- 記事URL:https://example.com/glossary/ml.md# -->\r\n\r\n## 転移学習 | Transfer Learning<a id=\"{Anchor}\"></a>\r\n- 再利用。\r\n");
        // A BOM and CRLF that must survive.
        File.WriteAllBytes(Path.Combine(_root, "posts", "a.md"), [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("# 見出し\r\n転移学習と転移学習。\r\n")]);
        File.WriteAllText(Path.Combine(_root, "posts", "b.md"), "transfer learning\n");
    }

    private string _root => _workspace.Root;

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void Check_lists_what_it_would_link_and_exits_1()
    {
        var (exit, output, _) = Run("link", _root, "--check");
        exit.Should().Be(1);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        lines.Should().HaveCount(3);
        lines[0].Should().EndWith($"posts/a.md:2:1: would link '転移学習' → glossary/ml.md#{Anchor} (転移学習)");
        lines[1].Should().EndWith("posts/a.md:2:6: would link '転移学習' → glossary/ml.md#" + Anchor + " (転移学習)");
        lines[2].Should().EndWith("posts/b.md:1:1: would link 'transfer learning' → glossary/ml.md#" + Anchor + " (転移学習)");
    }

    [Fact]
    public void Write_edits_only_the_given_paths_and_keeps_bom_and_line_ends()
    {
        var (exit, output, err) = Run("link", Path.Combine(_root, "posts", "a.md"), "--write", "--mode", "first");
        exit.Should().Be(0, err);
        output.Trim().Should().Be("Linked 1 mention in 1 file");
        File.ReadAllBytes(Path.Combine(_root, "posts", "a.md")).Should().Equal(
            [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes($"# 見出し\r\n[転移学習](../glossary/ml.md#{Anchor})と転移学習。\r\n")]);
        File.ReadAllText(Path.Combine(_root, "posts", "b.md")).Should().Be("transfer learning\n");
        Run("link", Path.Combine(_root, "posts", "a.md"), "--check", "--mode", "first").Exit.Should().Be(0);
        Run("link", Path.Combine(_root, "posts", "a.md"), "--check").Exit.Should().Be(1, "mode all still has the second mention");
    }

    [Fact]
    public void Mode_comes_from_the_config_unless_given()
    {
        File.WriteAllText(Path.Combine(_root, "glossary.yml"), "linker:\n  mode: first\n");
        var (exit, output, _) = Run("link", "--check");
        exit.Should().Be(1);
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(2, "first mode: one mention in a.md, one in b.md");
        Run("link", "--check", "--mode", "all").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(3);
        File.WriteAllText(Path.Combine(_root, "glossary.yml"), "linker: first\n");
        var bad = Run("link", "--check");
        bad.Exit.Should().Be(2);
        bad.Err.Should().Contain("glossary.yml:1").And.Contain("'linker'");
    }

    [Fact]
    public void Usage_errors_exit_2()
    {
        Run("link", _root).Exit.Should().Be(2);
        Run("link", _root, "--check", "--write").Exit.Should().Be(2);
        Run("link", _root, "--check", "--mode", "some").Exit.Should().NotBe(0);
        var (exit, _, err) = Run("link", Path.Combine(_root, "posts", "missing.md"), "--check");
        exit.Should().Be(2);
        err.Should().Be($"glossary link: no such file or folder: {Path.Combine(_root, "posts", "missing.md")}\n");
    }

    private (int Exit, string Out, string Err) Run(params string[] args) => _workspace.Run(".", [.. args, "--workspace", _root]);
}
