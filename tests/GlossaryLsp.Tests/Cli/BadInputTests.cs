using System.Text;
using static GlossaryLsp.Core.Text.AnchorCodec;

namespace GlossaryLsp.Tests.Cli;

/// <summary>
/// SPEC §7 through <c>glossary lint</c>: every kind of bad file yields a diagnostic or a clear message,
/// never a crash or a hang, and the other files are still reported.
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private readonly CliWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public void Each_bad_file_is_reported_and_the_good_files_are_still_linted()
    {
        _ws.Write(
            "glossary/terms.md",
            $"<!-- 記事URL:https://example.org/glossary/terms.md# -->\n\n## 過学習 | Overfitting<a id=\"{Encode("過学習 | Overfitting")}\"></a>\n\n- 性能が落ちる ✅\n");
        _ws.Write("good.md", string.Join("\n",
            "# 正常な記事 🌲",
            "",
            "[パスワード](../../etc/passwd)を読もうとするリンク。",
            "[壊れた錨](glossary/terms.md#%%%not-base64)",
            "<div><a href=\"glossary/terms.md\">閉じていない HTML",
            ""));
        _ws.WriteBytes("invalid-utf8.md", [.. Encoding.UTF8.GetBytes("# 見出し\n"), 0xE8, 0xBB, 0x0A]);
        _ws.WriteBytes("binary.md", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01]);
        using (var huge = File.Create(_ws.Path("huge.md"))) huge.SetLength(50L * 1024 * 1024);
        _ws.Write("long-line.md", "# 長い行\n\n" + string.Concat(Enumerable.Repeat("<a <!-- [x](", 90_000)) + "\n");
        _ws.Write("bad-yaml.md", "---\ntitle: [閉じていない\ntype: glossary\n---\n\n本文。\n");

        var (exit, stdout, stderr) = _ws.Run(".", "lint");

        stdout.Should().Be(
            "bad-yaml.md:2:1: error GL0008 Front matter is not valid YAML: an unclosed bracket, quote or flow collection\n" +
            "good.md:3:9: error GL0001 Link target '../../etc/passwd' is outside the workspace; it is not checked or read\n" +
            "good.md:4:8: error GL0006 Anchor '#%%%not-base64' is not base64 of UTF-8 heading text, so it cannot name a term of glossary/terms.md\n" +
            "3 errors in 7 files\n");
        stderr.Should().Be(
            "binary.md: warning: binary file (NUL byte at offset 4); not analysed\n" +
            "huge.md: warning: file is 50 MB; files over 16 MB are not analysed\n" +
            "invalid-utf8.md: warning: not valid UTF-8 (invalid byte at offset 12); not analysed\n" +
            "long-line.md: warning: line 3 is 1,080,000 characters long; lines over 20,000 characters are not analysed\n");
        exit.Should().Be(1);
    }

    [Fact]
    public void Deep_nesting_in_markdown_front_matter_and_config_is_reported_without_parsing_it()
    {
        _ws.Write("deep-list.md", "# 深い\n\n" + string.Concat(Enumerable.Range(0, 3000).Select(i => new string(' ', 2 * i) + "- x\n")));
        _ws.Write("deep-quote.md", "# 深い ✅\n\n" + string.Concat(Enumerable.Repeat(string.Concat(Enumerable.Repeat("> ", 2000)) + "x\n", 200)));
        _ws.Write("deep-yaml.md", "---\ntype: glossary\ntitle: 深い\nkeywords:\n" + string.Concat(Enumerable.Repeat("  [\n", 100_000)) + "---\n\n本文 🌲\n");
        _ws.Write("ok.md", "# 浅い\n\n> - > - 引用の中のリスト\n");

        var (exit, stdout, stderr) = _ws.Run(".", "lint");

        stdout.Should().Be(
            "deep-yaml.md:133:3: error GL0008 Front matter is not valid YAML: line 132 of the front matter opens more than 128 nested [ ] or { } collections; " +
            "nesting over 128 levels is not analysed\n" +
            "1 error in 4 files\n");
        stderr.Should().Be(
            "deep-list.md: warning: line 260 is indented 514 columns; nesting over 128 levels (512 columns) is not analysed\n" +
            "deep-quote.md: warning: line 3 nests 2,000 block quotes and list items; nesting over 128 levels is not analysed\n");
        exit.Should().Be(1);

        _ws.Write("glossary.yml", "ignore:\n" + string.Concat(Enumerable.Repeat("  [\n", 1000)));
        _ws.Run(".", "lint").Should().Be((2, "",
            "glossary lint: glossary.yml:130: invalid YAML: opens more than 128 nested [ ] or { } collections; nesting over 128 levels is not analysed\n"));
    }

    [Fact]
    public void A_symbolic_link_out_of_the_workspace_or_to_a_deleted_file_is_reported_and_never_read()
    {
        _ws.Write("g.md", $"<!-- 記事URL:https://example.org/g.md# -->\n\n## 語 | Word<a id=\"{Encode("語 | Word")}\"></a>\n\n- 定義 🌲\n");
        _ws.Write("gone.md", "消える\n");
        File.CreateSymbolicLink(_ws.Path("out.md"), "/etc/passwd");
        File.CreateSymbolicLink(_ws.Path("dangling.md"), _ws.Path("gone.md"));
        File.Delete(_ws.Path("gone.md"));
        Directory.CreateSymbolicLink(_ws.Path("etc"), "/etc");
        File.CreateSymbolicLink(_ws.Path("inside.md"), _ws.Path("g.md"));
        _ws.Write("post.md", "# 記事\n\n[外](etc/passwd)と[語](inside.md#" + Encode("語 | Word") + ")\n");

        var (exit, stdout, stderr) = _ws.Run(".", "lint");

        stdout.Should().Be(
            "g.md:3:4: warning GL0005 Entry word '語' is also defined in inside.md\n" +
            "g.md:3:8: warning GL0005 Entry word 'Word' is also defined in inside.md\n" +
            "inside.md:3:4: warning GL0005 Entry word '語' is also defined in g.md\n" +
            "inside.md:3:8: warning GL0005 Entry word 'Word' is also defined in g.md\n" +
            "post.md:3:5: error GL0001 Link target not found: no document at 'etc/passwd'\n" +
            "1 error and 4 warnings in 5 files\n", "a link to a file inside the workspace is followed; a folder link out of it is not");
        stderr.Should().StartWith("dangling.md: warning: cannot read file: ")
            .And.EndWith("out.md: warning: symbolic link to a file outside the workspace; not read\n");
        exit.Should().Be(1);
    }

    [Fact]
    public void Files_deleted_or_changed_while_the_workspace_loads_are_taken_as_they_are_when_read()
    {
        for (int i = 1; i <= 120; i++) _ws.Write($"f{i:D3}.md", $"# 記事 {i}\n\n本文 ✅\n");
        var hook = new OnProgress(done =>
        {
            if (done != 50) return;
            File.Delete(_ws.Path("f100.md"));
            _ws.Write("f080.md", "# 変わった 🌲\n\n[無い](nowhere.md)\n");
        });
        // One file at a time, in path order: the 50th file's progress comes before the 80th and 100th are read.
        var oneAtATime = new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, maxConcurrencyLevel: 1).ConcurrentScheduler;

        var workspace = GlossaryLsp.Cli.CommandWorkspace.Open(_ws.Root, [], null, new Core.Workspace.LoadOptions { Progress = hook, Scheduler = oneAtATime });

        workspace.Index.GetDocument("f100.md")!.LoadProblem!.Message.Should().StartWith("cannot read file: Could not find file");
        var changed = workspace.Index.GetDocument("f080.md")!;
        changed.Text.Should().Be("# 変わった 🌲\n\n[無い](nowhere.md)\n");
        Core.Rules.DocumentAnalyzer.Analyze(workspace.Index, changed).Should().ContainSingle().Which.Message.Should().Be("Link target not found: no document at 'nowhere.md'");
    }

    /// <summary>Progress reported on the loading thread, as it happens (Progress&lt;T&gt; would post it elsewhere).</summary>
    private sealed class OnProgress(Action<int> action) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => action(value.Done);
    }
}
