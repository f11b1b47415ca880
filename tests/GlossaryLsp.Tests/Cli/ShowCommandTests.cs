using static GlossaryLsp.Core.Text.AnchorCodec;

namespace GlossaryLsp.Tests.Cli;

/// <summary><c>glossary show TERM</c>: found by headword, alias or reading (kana-folded), printed as readable text.</summary>
public sealed class ShowCommandTests : IDisposable
{
    private readonly CliWorkspace _ws = new();

    public ShowCommandTests()
    {
        _ws.Write("glossary.yml", "glossary:\n  - \"glossary/*.md\"\n");
        _ws.Write("glossary/transfer.md", string.Join("\r\n",
            "<!-- 記事URL:https://example.org/glossary/transfer.md# -->",
            "",
            $"## 転移学習 | Transfer Learning<a id=\"{Encode("転移学習 | Transfer Learning")}\"></a>",
            "",
            $"- ある課題で学んだ知識を別の課題に持ち込む ✅ [知識蒸留](../terms/distillation.md)とは別の考え方。",
            $"- <a href=\"https://example.org/glossary/transfer.md#{Encode("ファインチューニング | Fine-tuning")}\">ファインチューニング</a>が代表例 🌲",
            "",
            $"## ファインチューニング | Fine-tuning<a id=\"{Encode("ファインチューニング | Fine-tuning")}\"></a>",
            "",
            "- 学習済みの重みから追加で学習する。",
            ""));
        _ws.Write("terms/distillation.md", """
            ---
            title: 知識蒸留
            e-title: Knowledge Distillation
            term: ちしきじょうりゅう
            type: glossary
            ---

            大きなモデルの出力を小さなモデルに学ばせる手法。

            """);
        _ws.Write("notes/transfer.md", """
            <!-- 記事タイトル:メモ -->

            ## 転移学習

            - 自分用のメモ。
            """);
    }

    public void Dispose() => _ws.Dispose();

    [Fact]
    public void Finds_a_glossary_page_by_its_reading_in_either_kana()
    {
        var expected = "知識蒸留 | Knowledge Distillation\n読み: ちしきじょうりゅう\n\n大きなモデルの出力を小さなモデルに学ばせる手法。\n\nDefined in terms/distillation.md:2\n";
        _ws.Run(".", "show", "チシキジョウリュウ").Should().Be((0, expected, ""));
        _ws.Run("terms", "show", "knowledge distillation").Should().Be((0, expected, ""));
    }

    [Fact]
    public void Prints_links_as_their_text_and_every_definition_nearest_first()
    {
        var (exit, stdout, stderr) = _ws.Run("notes", "show", "転移学習");
        exit.Should().Be(0, stderr);
        stdout.Should().Be(
            "転移学習\n\n- 自分用のメモ。\n\nDefined in notes/transfer.md:3; also defined in 1 other document: glossary/transfer.md\n" +
            "\n---\n\n" +
            "転移学習 | Transfer Learning\n\n" +
            "- ある課題で学んだ知識を別の課題に持ち込む ✅ 知識蒸留とは別の考え方。\n" +
            "- ファインチューニングが代表例 🌲\n\n" +
            "Defined in glossary/transfer.md:3; also defined in 1 other document: notes/transfer.md\n");
    }

    [Fact]
    public void Finds_a_term_list_term_by_its_reading_comment_and_shows_it()
    {
        _ws.Write("glossary/freeze.md", "<!-- 記事URL:https://example.org/glossary/freeze.md# -->\r\n\r\n## 凍結 | Freezing\r\n<!-- 読み:とうけつ -->\r\n\r\n- 重みを止める 🌲\r\n");
        var expected = "凍結 | Freezing\n読み: とうけつ\n\n- 重みを止める 🌲\n\nDefined in glossary/freeze.md:3\n";
        _ws.Run(".", "show", "トウケツ").Should().Be((0, expected, ""));
        _ws.Run(".", "show", "とうけつ").Should().Be((0, expected, ""));
    }

    [Fact]
    public void A_glossary_page_shows_its_related_terms()
    {
        _ws.Write("terms/augment.md", "---\ntitle: データ拡張\nkeywords: [転移学習, 知識蒸留, 未知語]\ntype: glossary\n---\n\nデータを増やす。\n");
        _ws.Run("terms", "show", "データ拡張").Should().Be((0, "データ拡張\n\nデータを増やす。\n\nRelated terms: 転移学習, 知識蒸留\n\nDefined in terms/augment.md:2\n", ""));
    }

    [Fact]
    public void An_unknown_word_exits_1_with_suggestions()
    {
        _ws.Run(".", "show", "ちしき").Should().Be((1, "", "glossary show: no term 'ちしき' in this workspace\nDid you mean: 知識蒸留?\n"));
        _ws.Run(".", "show", "量子化").Should().Be((1, "", "glossary show: no term '量子化' in this workspace\n"));
    }
}
