using System.Text.Json;
using static GlossaryLsp.Core.Text.AnchorCodec;

namespace GlossaryLsp.Tests.Cli;

/// <summary><c>glossary terms</c> (SPEC §4): every term with its names, place, URL and usage, as text, JSON, CSV or TSV.</summary>
public sealed class TermsCommandTests : IDisposable
{
    private static readonly string TL = Encode("転移学習 | Transfer Learning");
    private static readonly string FT = Encode("ファインチューニング | Fine-tuning, \"FT\"");
    private readonly CliWorkspace _ws = new();

    public TermsCommandTests()
    {
        _ws.Write("glossary.yml", "glossary:\n  - \"glossary/*.md\"\n");
        _ws.Write("glossary/ml.md", string.Join("\r\n",
            "<!-- 記事URL:https://example.org/glossary/ml.md# -->",
            "",
            $"## 転移学習 | Transfer Learning<a id=\"{TL}\"></a>",
            "<!-- 読み:てんいがくしゅう -->",
            "",
            $"- 知識を持ち込む ✅ <a href=\"https://example.org/glossary/ml.md#{FT}\">ファインチューニング</a>とは別。",
            "",
            "## ファインチューニング | Fine-tuning, \"FT\"",
            "",
            "- 追加で学習する。🌲",
            "",
            "## 凍結\\層 | Freezing\tLayer",
            "",
            "- タブと\\を含む見出し。",
            ""));
        _ws.Write("notes/ml.md", "<!-- 記事タイトル:メモ -->\n\n## 転移学習\n\n- 自分用。\n");
        _ws.Write("terms/kd.md", "---\ntitle: 知識蒸留\nterm: ちしきじょうりゅう\nkeywords: [転移学習]\ntype: glossary\nurl: /ja/glossary/kd/\n---\n\n小さなモデルへ。\n");
        _ws.Write("articles/post.md", $"# 記事\n\n[転移学習](../glossary/ml.md#{TL})と Transfer Learning と知識蒸留と[蒸留](/ja/glossary/kd/)。\n");
    }

    public void Dispose() => _ws.Dispose();

    [Fact]
    public void Text_lists_every_term_with_its_usage_and_a_summary()
    {
        _ws.Run(".", "terms").Should().Be((0,
            "glossary/ml.md:3: 転移学習 | Transfer Learning（てんいがくしゅう） — 1 link, 1 mention, also defined in 1 other document\n" +
            "glossary/ml.md:8: ファインチューニング | Fine-tuning, \"FT\" — 0 links, 0 mentions\n" +
            "glossary/ml.md:12: 凍結\\層 | Freezing\tLayer — 0 links, 0 mentions\n" +
            "notes/ml.md:3: 転移学習 — 0 links, 0 mentions, also defined in 1 other document\n" +
            "terms/kd.md:2: 知識蒸留（ちしきじょうりゅう） — 1 link, 1 mention\n" +
            "5 terms in 4 files, 3 unused\n",
            ""));
    }

    [Fact]
    public void Json_is_stable_with_nulls_for_missing_values_and_paths_relative_to_the_current_directory()
    {
        var (exit, stdout, stderr) = _ws.Run("glossary", "terms", "--format", "json", "ml.md");
        exit.Should().Be(0);
        stderr.Should().Be("3 terms in 1 file, 2 unused\n");
        stdout.Should().Be($$"""
            {
              "terms": [
                {
                  "headword": "転移学習",
                  "aliases": [
                    "Transfer Learning"
                  ],
                  "reading": "てんいがくしゅう",
                  "file": "ml.md",
                  "line": 3,
                  "anchor": "{{TL}}",
                  "url": "https://example.org/glossary/ml.md#{{TL}}",
                  "linksIn": 1,
                  "mentions": 1,
                  "otherDefinitions": 1
                },
                {
                  "headword": "ファインチューニング",
                  "aliases": [
                    "Fine-tuning, \"FT\""
                  ],
                  "reading": null,
                  "file": "ml.md",
                  "line": 8,
                  "anchor": "{{FT}}",
                  "url": "https://example.org/glossary/ml.md#{{FT}}",
                  "linksIn": 0,
                  "mentions": 0,
                  "otherDefinitions": 0
                },
                {
                  "headword": "凍結\\層",
                  "aliases": [
                    "Freezing\tLayer"
                  ],
                  "reading": null,
                  "file": "ml.md",
                  "line": 12,
                  "anchor": "{{Encode("凍結\\層 | Freezing\tLayer")}}",
                  "url": "https://example.org/glossary/ml.md#{{Encode("凍結\\層 | Freezing\tLayer")}}",
                  "linksIn": 0,
                  "mentions": 0,
                  "otherDefinitions": 0
                }
              ]
            }

            """.Replace("\r\n", "\n"));
        JsonDocument.Parse(stdout).RootElement.GetProperty("terms")[2].GetProperty("aliases")[0].GetString().Should().Be("Freezing\tLayer");
    }

    [Fact]
    public void Csv_follows_rfc_4180_quoting_with_crlf_records()
    {
        var (exit, stdout, stderr) = _ws.Run(".", "terms", "--format", "csv", "glossary/ml.md", "terms");
        (exit, stderr).Should().Be((0, "4 terms in 2 files, 2 unused\n"));
        stdout.Should().Be(
            "headword,aliases,reading,file,line,anchor,url,links_in,mentions,other_definitions\r\n" +
            $"転移学習,Transfer Learning,てんいがくしゅう,glossary/ml.md,3,{TL},https://example.org/glossary/ml.md#{TL},1,1,1\r\n" +
            $"ファインチューニング,\"Fine-tuning, \"\"FT\"\"\",,glossary/ml.md,8,{FT},https://example.org/glossary/ml.md#{FT},0,0,0\r\n" +
            $"凍結\\層,Freezing\tLayer,,glossary/ml.md,12,{Encode("凍結\\層 | Freezing\tLayer")},https://example.org/glossary/ml.md#{Encode("凍結\\層 | Freezing\tLayer")},0,0,0\r\n" +
            "知識蒸留,,ちしきじょうりゅう,terms/kd.md,2,,/ja/glossary/kd/,1,1,0\r\n");
    }

    [Fact]
    public void Tsv_escapes_backslash_tab_and_line_breaks_and_unused_lists_only_unused_terms_exiting_1()
    {
        var (exit, stdout, stderr) = _ws.Run(".", "terms", "--format", "tsv", "--unused");
        (exit, stderr).Should().Be((1, "5 terms in 4 files, 3 unused\n"));
        var fz = Encode("凍結\\層 | Freezing\tLayer");
        stdout.Should().Be(
            "headword\taliases\treading\tfile\tline\tanchor\turl\tlinks_in\tmentions\tother_definitions\n" +
            $"ファインチューニング\tFine-tuning, \"FT\"\t\tglossary/ml.md\t8\t{FT}\thttps://example.org/glossary/ml.md#{FT}\t0\t0\t0\n" +
            $"凍結\\\\層\tFreezing\\tLayer\t\tglossary/ml.md\t12\t{fz}\thttps://example.org/glossary/ml.md#{fz}\t0\t0\t0\n" +
            "転移学習\t\t\tnotes/ml.md\t3\t" + Encode("転移学習") + "\t\t0\t0\t1\n");
        _ws.Run(".", "terms", "--unused", "terms").Should().Be((0, "1 term in 1 file, 0 unused\n", ""), "nothing unused: exit 0");
    }

    [Fact]
    public void Bad_usage_exits_2()
    {
        var (exit, _, stderr) = _ws.Run(".", "terms", "--format", "xml");
        exit.Should().Be(2);
        stderr.Should().StartWith("glossary: ");
        _ws.Run(".", "terms", "missing").Should().Be((2, "", "glossary terms: no such file or folder: missing\n"));
        _ws.Write("glossary.yml", "rules:\n  GL0099: off\n");
        _ws.Run(".", "terms").Exit.Should().Be(2);
    }
}
