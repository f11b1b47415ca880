using System.Text;

namespace GlossaryLsp.Tests.Cli;

/// <summary><c>glossary link --out DIR</c>: the linked copy of a workspace, written beside it.</summary>
public sealed class LinkOutTests : IDisposable
{
    private const string Transfer = "6Lui56e75a2m57+SIHwgVHJhbnNmZXIgTGVhcm5pbmc=";
    private const string Distillation = "6JK455WZ";

    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0xFF, 0xFE, 0x0A, 0x0D];

    private readonly CliWorkspace _workspace = new();
    private readonly string _out = Directory.CreateTempSubdirectory("glossary-out-").FullName;
    private readonly Dictionary<string, string> _sources;

    public LinkOutTests()
    {
        _workspace.Write(Fixture.Parse("""
            //- glossary.yml
            ignore: ["drafts/**"]
            //- glossary/ml.md
            <!-- 記事URL:https://example.com/glossary/ml.md# -->

            ## 転移学習 | Transfer Learning
            - 学習済みモデルを再利用する。蒸留とは別。

            ## 蒸留
            - 大きなモデルの知識を小さなモデルへ移す。
            //- drafts/memo.md
            転移学習のメモ。
            """));
        _workspace.Write(Fixture.Parse("""
            //- posts/crlf.md
            # 入門
            転移学習と蒸留。![図](../images/figure.png)

            ## まとめ
            蒸留、転移学習、蒸留。
            """, newline: "\r\n"));
        _workspace.WriteBytes("posts/bom.md", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("transfer learning\n")]);
        _workspace.WriteBytes("images/figure.png", Png);
        _sources = Hashes(_workspace.Root);
    }

    public void Dispose()
    {
        _workspace.Dispose();
        Directory.Delete(_out, recursive: true);
    }

    [Fact]
    public void Out_writes_the_linked_documents_and_copies_every_other_file_byte_for_byte()
    {
        var (exit, stdout, stderr) = _workspace.Run(".", "link", "--out", _out);
        exit.Should().Be(0, stderr);
        stdout.Should().Be($"Linked 7 mentions in 3 files; added 2 heading ids; wrote 5 files to {_out}\n");
        stderr.Should().BeEmpty();
        Files(_out).Should().Equal("glossary.yml", "glossary/ml.md", "images/figure.png", "posts/bom.md", "posts/crlf.md");

        File.ReadAllText(Path.Combine(_out, "glossary/ml.md")).Should().Be($"""
            <!-- 記事URL:https://example.com/glossary/ml.md# -->

            ## 転移学習 | Transfer Learning<a id="{Transfer}"></a>
            - 学習済みモデルを再利用する。<a href="https://example.com/glossary/ml.md#{Distillation}">蒸留</a>とは別。

            ## 蒸留<a id="{Distillation}"></a>
            - 大きなモデルの知識を小さなモデルへ移す。

            """);
        File.ReadAllText(Path.Combine(_out, "posts/crlf.md")).Should().Be(
            $"# 入門\r\n[転移学習](../glossary/ml.md#{Transfer})と[蒸留](../glossary/ml.md#{Distillation})。![図](../images/figure.png)\r\n" +
            $"\r\n## まとめ\r\n[蒸留](../glossary/ml.md#{Distillation})、[転移学習](../glossary/ml.md#{Transfer})、[蒸留](../glossary/ml.md#{Distillation})。");
        File.ReadAllBytes(Path.Combine(_out, "posts/bom.md")).Should().Equal(
            [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes($"[transfer learning](../glossary/ml.md#{Transfer})\n")]);
        File.ReadAllBytes(Path.Combine(_out, "images/figure.png")).Should().Equal(Png);
        File.ReadAllText(Path.Combine(_out, "glossary.yml")).Should().Be("ignore: [\"drafts/**\"]\n");
        Hashes(_workspace.Root).Should().Equal(_sources, "the sources are left as they are");
    }

    [Fact]
    public void Out_again_over_its_own_output_gives_the_same_bytes_and_keeps_files_it_does_not_write()
    {
        _workspace.Run(".", "link", "--out", _out).Exit.Should().Be(0);
        var first = Hashes(_out);
        File.WriteAllText(Path.Combine(_out, "posts/crlf.md"), "書き換えた");
        File.WriteAllText(Path.Combine(_out, "old.html"), "<p>前回の出力</p>");

        var (exit, stdout, _) = _workspace.Run(".", "link", "--out", _out);
        exit.Should().Be(0);
        stdout.Should().Be($"Linked 7 mentions in 3 files; added 2 heading ids; wrote 5 files to {_out}\n");
        Hashes(_out).Where(h => h.Key != "old.html").Should().Equal(first);
        File.ReadAllText(Path.Combine(_out, "old.html")).Should().Be("<p>前回の出力</p>", "--out never deletes");
    }

    [Fact]
    public void Out_with_paths_copies_only_their_files_and_honours_mode_first()
    {
        var (exit, stdout, stderr) = _workspace.Run("posts", "link", ".", "--out", _out, "--mode", "first");
        exit.Should().Be(0, stderr);
        stdout.Should().Be($"Linked 5 mentions in 2 files; wrote 2 files to {_out}\n");
        Files(_out).Should().Equal("posts/bom.md", "posts/crlf.md");
        File.ReadAllText(Path.Combine(_out, "posts/crlf.md")).Should().Be(
            $"# 入門\r\n[転移学習](../glossary/ml.md#{Transfer})と[蒸留](../glossary/ml.md#{Distillation})。![図](../images/figure.png)\r\n" +
            $"\r\n## まとめ\r\n[蒸留](../glossary/ml.md#{Distillation})、[転移学習](../glossary/ml.md#{Transfer})、蒸留。");
        Hashes(_workspace.Root).Should().Equal(_sources);
    }

    [Fact]
    public void Out_is_bad_usage_with_check_or_write_inside_or_around_the_workspace_or_on_a_file()
    {
        var file = Path.Combine(_out, "file.txt");
        File.WriteAllText(file, "ファイル");
        var root = _workspace.Root;
        var parent = Path.GetDirectoryName(root)!;
        string[][] calls =
        [
            ["--out", _out, "--check"],
            ["--out", _out, "--write"],
            ["--out", "published"],
            ["--out", "."],
            ["--out", ".."],
            ["--out", file],
        ];
        calls.Select(args => _workspace.Run(".", ["link", .. args])).Select(r => (r.Exit, r.Stdout, r.Stderr)).Should().Equal(
            (2, "", "glossary link: give exactly one of --check, --write or --out DIR\n"),
            (2, "", "glossary link: give exactly one of --check, --write or --out DIR\n"),
            (2, "", $"glossary link: --out published is inside the workspace {root}; it would be read back as part of it (give a folder outside)\n"),
            (2, "", $"glossary link: --out . is inside the workspace {root}; it would be read back as part of it (give a folder outside)\n"),
            (2, "", $"glossary link: --out .. holds the workspace {root}; the copy could overwrite its sources (give a folder outside)\n"),
            (2, "", $"glossary link: --out {file} is a file; give a folder\n"));
        Directory.Exists(_workspace.Path("published")).Should().BeFalse();
        Files(_out).Should().Equal("file.txt");
        Hashes(root).Should().Equal(_sources);
    }

    [Fact]
    public void Out_does_not_copy_a_symbolic_link_to_a_file_outside_the_workspace()
    {
        var secret = Path.Combine(_out, "..", Path.GetFileName(_out) + "-secret.txt");
        File.WriteAllText(secret, "秘密");
        try
        {
            File.CreateSymbolicLink(_workspace.Path("images/secret.txt"), secret);
            var target = Path.Combine(_out, "copy");
            var (exit, stdout, stderr) = _workspace.Run(".", "link", "--out", target);
            exit.Should().Be(0);
            stderr.Should().Be("images/secret.txt: warning: symbolic link to a file outside the workspace; not copied\n");
            stdout.Should().EndWith($"; wrote 5 files to {target}\n");
            File.Exists(Path.Combine(target, "images/secret.txt")).Should().BeFalse();
        }
        finally { File.Delete(secret); }
    }

    private static IEnumerable<string> Files(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    private static Dictionary<string, string> Hashes(string root) =>
        Files(root).ToDictionary(f => f, f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(root, f)))));
}
