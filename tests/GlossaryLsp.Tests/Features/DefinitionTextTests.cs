using GlossaryLsp.Core.Features;
using static GlossaryLsp.Core.Text.AnchorCodec;

namespace GlossaryLsp.Tests.Features;

/// <summary>A definition as a hover shows it: plain text without markup, or Markdown whose links the client can follow.</summary>
public class DefinitionTextTests
{
    private static readonly string Workspace = $$"""
        //- glossary/ml.md
        <!-- 記事URL:https://example.com/glossary/ml.md# -->

        ## $0決定木 | Decision Tree

        - 入力の<a href="https://example.com/glossary/ml.md#{{Encode("特徴量 | Feature")}}">特徴量</a>に関する*条件*で分岐する。
        - [勾配ブースティング](boosting.md#{{Encode("勾配ブースティング | Gradient Boosting")}})の**弱学習器**。`max_depth` で深さを決める。
        - 詳しくは[解説](https://other.example.org/tree)や<a href="https://other.example.org/">外部</a>を参照。

        ## 特徴量 | Feature

        - モデルへの入力。
        //- glossary/boosting.md
        <!-- 記事URL:https://example.com/glossary/boosting.md# -->

        ## 勾配ブースティング | Gradient Boosting

        - 弱学習器を順に足す。
        """;

    private static string UriOf(string path) => "file:///ws/" + path;

    [Fact]
    public void Plain_text_hover_has_links_as_their_text_and_no_markup_with_crlf()
    {
        var f = FixtureWorkspace.Parse(Workspace, newline: "\r\n");
        HoverService.GetHover(f.Index, f.Document, f.Cursor, markdown: false, UriOf)!.Contents.Should().Be("""
            決定木 | Decision Tree

            - 入力の特徴量に関する条件で分岐する。
            - 勾配ブースティングの弱学習器。max_depth で深さを決める。
            - 詳しくは解説や外部を参照。

            Defined in glossary/ml.md:3

            Used in the workspace: 0 links · 0 mentions

            """.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Markdown_hover_links_terms_to_their_heading_lines_and_keeps_other_markup_with_crlf()
    {
        var f = FixtureWorkspace.Parse(Workspace, newline: "\r\n");
        HoverService.GetHover(f.Index, f.Document, f.Cursor, markdown: true, UriOf)!.Contents.Should().Be("""
            **決定木** | Decision Tree

            - 入力の[特徴量](file:///ws/glossary/ml.md#L9)に関する*条件*で分岐する。
            - [勾配ブースティング](file:///ws/glossary/boosting.md#L3)の**弱学習器**。`max_depth` で深さを決める。
            - 詳しくは[解説](https://other.example.org/tree)や[外部](https://other.example.org/)を参照。

            ---

            Defined in `glossary/ml.md:3`

            Used in the workspace: 0 links · 0 mentions

            """.Replace("\r\n", "\n"));
        f.Doc("glossary/ml.md").Lines.GetLine(f.Doc("glossary/ml.md").Text.IndexOf("## 特徴量", StringComparison.Ordinal)).Should().Be(8);
        f.Doc("glossary/boosting.md").Lines.GetLine(f.Doc("glossary/boosting.md").Text.IndexOf("## 勾配", StringComparison.Ordinal)).Should().Be(2);
    }

    [Fact]
    public void Completion_documentation_reads_the_definition_as_the_hover_does()
    {
        var f = FixtureWorkspace.Parse(Workspace, newline: "\r\n");
        var describe = CompletionService.Describe(f.Index, "glossary/ml.md", "決定木", markdown: false);
        HoverService.GetHover(f.Index, f.Document, f.Cursor, markdown: false)!.Contents.Should().Be(describe + "\nUsed in the workspace: 0 links · 0 mentions\n");
        describe.Should().Contain("- 入力の特徴量に関する条件で分岐する。\n");
        CompletionService.Describe(f.Index, "glossary/ml.md", "決定木", markdown: true, UriOf).Should()
            .Contain("- 入力の[特徴量](file:///ws/glossary/ml.md#L9)に関する*条件*で分岐する。\n");
    }

    [Fact]
    public void A_definition_over_20_lines_is_cut_with_where_it_continues()
    {
        var lines = string.Concat(Enumerable.Range(1, 25).Select(i => $"- 項目{i}\n"));
        var f = FixtureWorkspace.Parse("//- g.md\n<!-- 記事タイトル:用語集 -->\n## $0長い用語\n\n" + lines);
        var plain = HoverService.GetHover(f.Index, f.Document, f.Cursor, markdown: false, UriOf)!.Contents;
        plain.Should().Be("長い用語\n\n" + string.Concat(Enumerable.Range(1, 20).Select(i => $"- 項目{i}\n")) +
            "… (continues in g.md:24)\n\nDefined in g.md:2\n\nUsed in the workspace: 0 links · 0 mentions\n");
        var markdown = HoverService.GetHover(f.Index, f.Document, f.Cursor, markdown: true, UriOf)!.Contents;
        markdown.Should().Contain("- 項目20\n\n… (continues in [g.md:24](file:///ws/g.md#L24))\n\n---\n").And.NotContain("項目21");
    }

    [Fact]
    public void A_code_block_cut_in_its_middle_is_closed_before_where_it_continues()
    {
        var code = string.Concat(Enumerable.Range(1, 25).Select(i => $"x{i} = {i}\n"));
        var f = FixtureWorkspace.Parse("//- g.md\n<!-- 記事タイトル:用語集 -->\n## $0コード\n\n~~~~python\n" + code + "~~~~\n");
        HoverService.GetHover(f.Index, f.Document, f.Cursor, markdown: true, UriOf)!.Contents.Should()
            .Contain("x19 = 19\n~~~~\n\n… (continues in [g.md:24](file:///ws/g.md#L24))\n");
    }

    [Theory]
    [InlineData("a &amp; b &lt;c&gt; \\*d\\*", "a & b <c> *d*")]
    [InlineData("***太字斜体*** と __下線__ と ``a`b``", "太字斜体 と 下線 と a`b")]
    [InlineData("[参照][r] と <https://e.org/x> と ![図](z.png)\n\n[r]: https://e.org/r\n", "参照 と https://e.org/x と 図\n\n")]
    [InlineData("### 小見出し\n\n```python\nprint(1)\n```\n", "小見出し\n\nprint(1)\n")]
    [InlineData("<div>\n<a href=\"x.md\">リンク</a> &amp; 文\n</div>\n", "\nリンク & 文\n\n")]
    [InlineData("| 列 | **値** |\n|---|---|\n| `a` | b |\n", "| 列 | 値 |\n|---|---|\n| a | b |\n")]
    [InlineData("> 引用の<b>太字</b>\n>\n> 1. 一\n>    2. 二", "> 引用の太字\n>\n> 1. 一\n>    2. 二")]
    [InlineData("- ~~~~~~~~~~~~\n", "- ")] // an unclosed fence in a list item ends one past the text (fuzz finding)
    [InlineData("- 🌲 ~~~\n- ~~~~", "- 🌲 ~~~\n- ")]
    public void Plain_text_drops_markup_and_keeps_layout(string markdown, string expected)
    {
        DefinitionText.ToPlainText(markdown).Should().Be(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("*")]
    [InlineData("[a](")]
    [InlineData("<a href=\"x\">")]
    [InlineData("```\n")]
    [InlineData("\r\n\r\n- \r\n")]
    [InlineData("&#xD800; \\\n`")]
    public void Plain_text_never_throws_on_broken_markup(string markdown)
    {
        var act = () => DefinitionText.ToPlainText(markdown);
        act.Should().NotThrow();
    }
}
