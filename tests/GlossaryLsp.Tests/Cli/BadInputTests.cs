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
}
