using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Linking;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Tests.Linking;

/// <summary>Exact results of <see cref="TermLinker"/>: link style per document kind, modes, heading ids, idempotence.</summary>
public class TermLinkerTests
{
    private const string TermList = "//- glossary/ml.md\r\n" +
        "<!-- 記事URL:https://example.com/glossary/ml.md# -->\r\n" +
        "\r\n" +
        "## 転移学習 | Transfer Learning \r\n" +
        "- 学習済みモデルを使う。\r\n" +
        "\r\n" +
        "## 学習 | Training<a id=\"5a2m57+SIHwgVHJhaW5pbmc=\"></a>\r\n" +
        "- 転移学習とは別。\r\n";

    private const string TlAnchor = "6Lui56e75a2m57+SIHwgVHJhbnNmZXIgTGVhcm5pbmc=";
    private const string TrainingAnchor = "5a2m57+SIHwgVHJhaW5pbmc=";

    [Fact]
    public void Term_list_gets_html_links_and_missing_heading_ids_with_crlf_kept()
    {
        var result = Link(TermList, "glossary/ml.md", LinkerMode.All, out int second);
        result.Should().Be(
            "<!-- 記事URL:https://example.com/glossary/ml.md# -->\r\n" +
            "\r\n" +
            $"## 転移学習 | Transfer Learning<a id=\"{TlAnchor}\"></a>\r\n" +
            $"- <a href=\"https://example.com/glossary/ml.md#{TrainingAnchor}\">学習</a>済みモデルを使う。\r\n" +
            "\r\n" +
            $"## 学習 | Training<a id=\"{TrainingAnchor}\"></a>\r\n" +
            $"- <a href=\"https://example.com/glossary/ml.md#{TlAnchor}\">転移学習</a>とは別。\r\n");
        second.Should().Be(0);
    }

    private static string Link(string fixture, string path, LinkerMode mode, out int secondRun)
    {
        var w = FixtureWorkspace.Parse(fixture);
        var index = w.Index;
        var result = w.Apply(path, TermLinker.LinkAll(index, index.GetDocument(path)!, mode));
        var again = index.WithDocument(GlossaryLsp.Core.Workspace.WorkspaceLoader.ParseText(path, result, index.Config));
        secondRun = TermLinker.LinkAll(again, again.GetDocument(path)!, mode).Length;
        return result;
    }

    [Fact]
    public void Article_gets_markdown_links_with_relative_paths_and_keeps_tabs_tables_containers_and_front_matter()
    {
        var article = "//- posts/2024/post.md\n" +
            "---\ntitle: 転移学習入門\nemoji: 🌲\n---\n" +
            "✅\t転移学習で学習を速く。\n" +
            "\n| 用語 | 説明 |\n|---|---|\n| 転移学習 | 再利用 |\n" +
            "\n:::message\n学習の注意\n:::\n";
        var result = Link(TermList + article, "posts/2024/post.md", LinkerMode.All, out int second);
        result.Should().Be(
            "---\ntitle: 転移学習入門\nemoji: 🌲\n---\n" +
            $"✅\t[転移学習](../../glossary/ml.md#{TlAnchor})で[学習](../../glossary/ml.md#{TrainingAnchor})を速く。\n" +
            $"\n| 用語 | 説明 |\n|---|---|\n| [転移学習](../../glossary/ml.md#{TlAnchor}) | 再利用 |\n" +
            $"\n:::message\n[学習](../../glossary/ml.md#{TrainingAnchor})の注意\n:::\n");
        second.Should().Be(0);
    }

    [Fact]
    public void First_mode_links_the_first_mention_of_each_term_per_section()
    {
        var article = "//- notes/a.md\n" +
            "# 概要\n転移学習と学習。転移学習と学習。\n" +
            "## 詳細\n学習、転移学習、学習。\n" +
            "## 既にリンク済み\n[学習](../glossary/ml.md#5a2m57+SIHwgVHJhaW5pbmc=)の後の学習。\n";
        var first = Link(TermList + article, "notes/a.md", LinkerMode.First, out int second);
        var tl = $"(../glossary/ml.md#{TlAnchor})";
        var tr = $"(../glossary/ml.md#{TrainingAnchor})";
        first.Should().Be(
            $"# 概要\n[転移学習]{tl}と[学習]{tr}。転移学習と学習。\n" +
            $"## 詳細\n[学習]{tr}、[転移学習]{tl}、学習。\n" +
            $"## 既にリンク済み\n[学習]{tr}の後の学習。\n");
        second.Should().Be(0);

        var all = Link(TermList + article, "notes/a.md", LinkerMode.All, out _);
        all.Should().Contain($"[転移学習]{tl}と[学習]{tr}。[転移学習]{tl}と[学習]{tr}。").And.Contain($"[学習]{tr}の後の[学習]{tr}。");
    }

    [Fact]
    public void Glossary_page_targets_and_no_link_of_a_page_to_itself()
    {
        var fixture = """
            //- glossary/transfer-learning.md
            ---
            type: glossary
            title: 転移学習
            e-title: Transfer Learning
            url: /ja/glossary/Transfer-Learning/
            ---
            転移学習は学習済みモデルを再利用する。
            //- glossary/list.md
            <!-- 記事URL:https://example.com/glossary/list.md# -->
            ## 学習<a id="5a2m57+S"></a>
            - transfer learningの基礎。
            //- my notes/a (1).md
            転移学習のメモ。

            """;
        var page = Link(fixture, "glossary/transfer-learning.md", LinkerMode.All, out _);
        page.Should().EndWith("---\n転移学習は[学習](list.md#5a2m57+S)済みモデルを再利用する。\n");
        Link(fixture, "glossary/list.md", LinkerMode.All, out _).Should().Contain(
            "- <a href=\"/ja/glossary/Transfer-Learning/\">transfer learning</a>の基礎。");
        Link(fixture, "my notes/a (1).md", LinkerMode.All, out _).Should().Be("[転移学習](../glossary/transfer-learning.md)のメモ。\n");
    }

    [Fact]
    public void Link_mention_wraps_exactly_the_mention()
    {
        var w = FixtureWorkspace.Parse(TermList + "//- a.md\n🌲🌲ＡＩと[|転移学習|]\r\n");
        var mention = MentionScanner.FindMentions(w.Index, w.Document).Single();
        var edit = TermLinker.LinkMention(w.Index, w.Document, mention)!;
        edit.Span.Should().Be(w.Selection);
        edit.NewText.Should().Be($"[転移学習](glossary/ml.md#{TlAnchor})");
    }
}
