using System.Text;
using GlossaryLsp.Core.Workspace;

namespace GlossaryLsp.Tests.Cli;

/// <summary>
/// <c>glossary lint --fix</c> on a copy of the real public glossary (corpora/tech_glossary/output) with
/// defects planted: every safe fix is applied, the files differ from the corpus by exactly those fixes,
/// and a second run changes nothing.
/// </summary>
public sealed class LintFixCorpusTests : IDisposable
{
    private const string Base = "https://github.com/takata150802/tech_glossary/blob/main/output/";
    private readonly CliWorkspace _workspace = new();

    public LintFixCorpusTests()
    {
        foreach (var file in Directory.EnumerateFiles(RepoPaths.TechGlossaryOutput, "*", SearchOption.AllDirectories))
            _workspace.WriteBytes(Path.GetRelativePath(RepoPaths.TechGlossaryOutput, file), File.ReadAllBytes(file));
        // One file with a BOM and CRLF line ends, which the fixes keep.
        var crlf = Encoding.UTF8.GetBytes(File.ReadAllText(_workspace.Path("ml-dl-training.md")).Replace("\n", "\r\n"));
        _workspace.WriteBytes("ml-dl-training.md", [0xEF, 0xBB, 0xBF, .. crlf]);
    }

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void Fix_applies_every_planted_safe_fix_and_nothing_else_and_a_second_run_changes_nothing()
    {
        // The corpus itself has safe findings: the article URL of ai/llm-inference.md ends in '.md.md#'
        // (and whatever other rules' safe fixes find). The first run brings it to its fixed point.
        var before = Snapshot();
        var first = _workspace.Run(".", "lint", "--fix");
        first.Exit.Should().Be(0, first.Stderr);
        first.Stderr.Should().Contain("ai/llm-inference.md:1:12: fixed GL0012 Use the article URL " + Base + "ai/llm-inference.md# and update 15 links\n");
        var corpus = Snapshot();
        Changed(before, corpus).Should().Contain("ai/llm-inference.md");
        Text(before, "ai/llm-inference.md").Split("ai/llm-inference.md.md#").Should().HaveCount(17, "the comment and 15 links");
        Text(corpus, "ai/llm-inference.md").Should().NotContain("ai/llm-inference.md.md#");

        // Planted: four headings edited by hand (stale ids; トークン is linked from 23 places in other files), and a
        // link per term of five single-definition terms with its anchor broken, one link with an
        // ambiguous text (no safe fix) broken too.
        var expected = new Dictionary<string, string>(corpus.ToDictionary(kv => kv.Key, kv => Text(corpus, kv.Key)));
        var planted = new Dictionary<string, string>(expected);
        StaleId(planted, expected, "dl-train_eval.md", "過学習 | Overfitting", "過学習 | Overfitting | 過剰適合");
        StaleId(planted, expected, "ml-dl-training.md", "ファインチューニング | Fine-tuning", "ファインチューニング | Fine-tuning | FT");
        StaleId(planted, expected, "ai/deep-learning.md", "学習率 | Learning Rate", "学習率 | Learning rate");
        StaleId(planted, expected, "ai/nlp.md", "トークン | Token", "トークン | Token | 字句");
        var broken = "#" + Convert.ToBase64String(Encoding.UTF8.GetBytes("存在しない見出し"));
        var retargetable = BreakLinks(planted, broken, singleDefinition: true, count: 5);
        var ambiguous = BreakLinks(planted, broken, singleDefinition: false, count: 1);
        foreach (var (path, _) in ambiguous) expected[path] = planted[path];

        // Planted notation variants (GL0013): one in a link's text, two in the prose of the BOM + CRLF file, one
        // form glossary.yml declares non-preferred; each fix writes the preferred form and nothing else.
        _workspace.WriteBytes("glossary.yml", Encoding.UTF8.GetBytes("variants:\n  ハイパーパラメータ: [ハイパラ, 超パラメータ]\n"));
        Variant(planted, expected, "ai/nlp.md", ">トークナイザ</a>を列挙", ">トークナイザー</a>を列挙");
        Variant(planted, expected, "ml-dl-training.md", "モデルをもう一度学習させること。", "モデルをもう一度学習させること。（ファイン・チューニング、finetuning とも書く）",
            "モデルをもう一度学習させること。（ファインチューニング、Fine-tuning とも書く）");
        Variant(planted, expected, "dl-train_eval.md", "トレーニングに影響を与えます。", "トレーニングに影響を与えます。（略してハイパラ）", "トレーニングに影響を与えます。（略してハイパーパラメータ）");
        foreach (var (path, text) in planted) WriteKeepingBom(path, text);
        var lint = _workspace.Run(".", "lint");
        lint.Stdout.Split('\n').Count(l => l.Contains(" GL0003 ")).Should().Be(4);
        lint.Stdout.Split('\n').Count(l => l.Contains(" GL0002 ")).Should().Be(retargetable.Count + 1);
        lint.Stdout.Split('\n').Where(l => l.Contains(" GL0013 ")).Should().Equal(
            "ai/nlp.md:78:308: warning GL0013 'トークナイザー' is a notation variant of 'トークナイザ', defined in ai/nlp.md; write 'トークナイザ'",
            "dl-train_eval.md:26:335: warning GL0013 'ハイパラ' is declared a non-preferred form of 'ハイパーパラメータ' in glossary.yml:2; write 'ハイパーパラメータ'",
            "ml-dl-training.md:7:353: warning GL0013 'ファイン・チューニング' is a notation variant of 'ファインチューニング', defined in ml-dl-training.md; write 'ファインチューニング'",
            "ml-dl-training.md:7:365: warning GL0013 'finetuning' is a notation variant of 'Fine-tuning', defined in ml-dl-training.md; write 'Fine-tuning'");

        var fix = _workspace.Run(".", "lint", "--fix");
        fix.Exit.Should().Be(1, "the link with an ambiguous text is still broken");
        fix.Stderr.Should().Contain($"Fixed {4 + retargetable.Count + 4} findings in ");
        fix.Stdout.Should().NotContain(" GL0013 ").And.NotContain(" GL0010 ", "the link text is an entry word again");
        fix.Stdout.Split('\n').Where(l => l.Contains(" error GL")).Should().ContainSingle()
            .Which.Should().StartWith($"{ambiguous[0].Path}:").And.Contain(" error GL0002 ");
        var after = Snapshot();
        foreach (var path in after.Keys) Text(after, path).Should().Be(expected[path], $"{path} is the corpus plus exactly the planted defects' fixes");
        after["ml-dl-training.md"].Take(3).Should().Equal(new byte[] { 0xEF, 0xBB, 0xBF });
        Text(after, "ml-dl-training.md").Replace("\r\n", "").Should().NotContain("\n", "CRLF line ends stay");

        var again = _workspace.Run(".", "lint", "--fix");
        again.Stderr.Should().Contain("No safe fixes to apply");
        again.Stdout.Should().Be(fix.Stdout);
        Changed(after, Snapshot()).Should().BeEmpty();
    }

    private static List<string> Changed(Dictionary<string, byte[]> a, Dictionary<string, byte[]> b) =>
        [.. a.Keys.Union(b.Keys).Where(k => !a.TryGetValue(k, out var x) || !b.TryGetValue(k, out var y) || !x.SequenceEqual(y)).Order(StringComparer.Ordinal)];

    private static string Text(Dictionary<string, byte[]> files, string path)
    {
        var bytes = files[path];
        int bom = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        return Encoding.UTF8.GetString(bytes, bom, bytes.Length - bom);
    }

    private static string Id(string headingText) => Convert.ToBase64String(Encoding.UTF8.GetBytes(headingText));

    /// <summary>Edits a heading's text but not its id; the fix writes the new id and moves the links of every file that used the old one.</summary>
    private static void StaleId(Dictionary<string, string> planted, Dictionary<string, string> expected, string path, string heading, string edited)
    {
        var old = $"## {heading}<a id=\"{Id(heading)}\"></a>";
        planted[path].Should().Contain(old);
        planted[path] = planted[path].Replace(old, $"## {edited}<a id=\"{Id(heading)}\"></a>");
        expected[path] = expected[path].Replace(old, $"## {edited}<a id=\"{Id(edited)}\"></a>");
        var oldLink = $"\"{Base}{path}#{Id(heading)}\"";
        foreach (var file in expected.Keys.ToList()) expected[file] = expected[file].Replace(oldLink, $"\"{Base}{path}#{Id(edited)}\"");
    }

    /// <summary>Writes <paramref name="variant"/> for the first <paramref name="text"/> of a file; the fix writes <paramref name="fixedText"/> (by default the text as it was).</summary>
    private static void Variant(Dictionary<string, string> planted, Dictionary<string, string> expected, string path, string text, string variant, string? fixedText = null)
    {
        int at = planted[path].IndexOf(text, StringComparison.Ordinal);
        at.Should().BeGreaterThanOrEqualTo(0, $"{path} holds '{text}'");
        planted[path] = planted[path][..at] + variant + planted[path][(at + text.Length)..];
        int e = expected[path].IndexOf(text, StringComparison.Ordinal);
        expected[path] = expected[path][..e] + (fixedText ?? text) + expected[path][(e + text.Length)..];
    }

    /// <summary>
    /// Breaks the anchor of the first link (one per link text, first files first) whose text names
    /// exactly one term (<paramref name="singleDefinition"/>) or several, and that now resolves.
    /// </summary>
    private List<(string Path, string Text)> BreakLinks(Dictionary<string, string> planted, string brokenFragment, bool singleDefinition, int count)
    {
        var index = WorkspaceLoader.Load(_workspace.Root, WorkspaceLoader.LoadConfig(_workspace.Root));
        var result = new List<(string, string)>();
        foreach (var doc in index.Documents.Values.Where(d => d.Path.EndsWith(".md", StringComparison.Ordinal)))
        {
            foreach (var link in doc.Links.Reverse())
            {
                if (result.Count == count) return result;
                int defs = index.FindDefinitions(link.Text).Count;
                if ((singleDefinition ? defs != 1 : defs < 2) || !link.Target.Contains('#') || result.Any(r => r.Item2 == link.Text)) continue;
                if (index.ResolveLink(doc, link).Status != Core.Index.LinkStatus.Resolved) continue;
                var target = planted[doc.Path].Substring(link.TargetSpan.Start, link.TargetSpan.Length);
                if (planted[doc.Path] != doc.Text || target.Contains("＃")) continue;
                planted[doc.Path] = planted[doc.Path][..link.TargetSpan.Start] + target[..target.IndexOf('#')] + brokenFragment + planted[doc.Path][link.TargetSpan.End..];
                result.Add((doc.Path, link.Text));
            }
        }
        result.Should().HaveCount(count);
        return result;
    }

    private void WriteKeepingBom(string path, string text)
    {
        bool bom = File.ReadAllBytes(_workspace.Path(path)).AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
        _workspace.WriteBytes(path, [.. bom ? (byte[])[0xEF, 0xBB, 0xBF] : [], .. Encoding.UTF8.GetBytes(text)]);
    }

    private Dictionary<string, byte[]> Snapshot() =>
        Directory.EnumerateFiles(_workspace.Root, "*.md", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(_workspace.Root, f).Replace('\\', '/'), File.ReadAllBytes);
}
