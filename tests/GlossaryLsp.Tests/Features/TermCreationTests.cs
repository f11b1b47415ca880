using GlossaryLsp.Core.Features;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Text;
using GlossaryLsp.Core.Workspace;

namespace GlossaryLsp.Tests.Features;

public sealed class TermCreationTests
{
    /// <summary>Three term-list glossaries at different distances from the article, and a glossary page.</summary>
    private const string Workspace = """
        //- notes/記事.md
        🌲 [|自己教師あり学習|]を試す。[転移学習](../glossary/ml.md#6Lui56e75a2m57+S)も。`コード`
        //- glossary/ml.md
        <!-- 記事URL:https://example.com/glossary/ml.md# -->

        ## 転移学習<a id="6Lui56e75a2m57+S"></a>

        - 知識を持ち込む。
        //- notes/用語.md
        <!-- 記事URL:https://example.com/notes/用語.md# -->

        ## 凍結<a id="5YeN57WQ"></a>

        - 重みを止める。

        //- a/b/c/遠い.md
        <!-- 記事URL:https://example.com/a/b/c/遠い.md# -->
        ## 遠い
        //- z/遠すぎる.md
        <!-- 記事URL:https://example.com/z/遠すぎる.md# -->
        ## 遠すぎる
        //- pages/da.md
        ---
        type: glossary
        title: データ拡張
        ---
        水増し。
        """;

    [Fact]
    public void A_selection_is_added_to_the_three_nearest_term_lists_and_linked_to_the_new_term()
    {
        var f = FixtureWorkspace.Parse(Workspace);
        var actions = TermCreation.Propose(f.Index, f.Document, f.Selection, []).ToList();
        actions.Select(a => a.Title).Should().Equal(
            "Add '自己教師あり学習' to notes/用語.md", "Add '自己教師あり学習' to glossary/ml.md", "Add '自己教師あり学習' to z/遠すぎる.md");

        var edits = actions[0].Edits;
        edits.Select(e => e.Path).Should().Equal("notes/記事.md", "notes/用語.md");
        var anchor = AnchorCodec.Encode("自己教師あり学習");
        var article = f.Apply("notes/記事.md", edits[0].Edits);
        article.Should().StartWith($"🌲 [自己教師あり学習](用語.md#{anchor})を試す。");
        var glossary = f.Apply("notes/用語.md", edits[1].Edits);
        glossary.Should().Be(f.Doc("notes/用語.md").Text + $"## 自己教師あり学習<a id=\"{anchor}\"></a>\n\n- \n");

        // The new link resolves to the new term.
        var index = f.Index.WithDocument(WorkspaceLoader.ParseText("notes/用語.md", glossary, f.Index.Config))
            .WithDocument(WorkspaceLoader.ParseText("notes/記事.md", article, f.Index.Config));
        var doc = index.GetDocument("notes/記事.md")!;
        index.ResolveLink(doc, doc.Links[0]).Term!.Headword.Should().Be("自己教師あり学習");
        index.ResolveLink(doc, doc.Links[0]).Term!.DocumentPath.Should().Be("notes/用語.md");
    }

    [Fact]
    public void A_glossary_without_a_final_line_break_in_crlf_gets_one_blank_line_and_crlf()
    {
        var f = FixtureWorkspace.Parse("""
            //- notes/記事.md
            🌲 [|自己教師あり学習|]を試す。
            //- notes/用語.md
            <!-- 記事URL:https://example.com/notes/用語.md# -->

            ## 凍結<a id="5YeN57WQ"></a>

            - 重みを止める。
            """, newline: "\r\n");
        f.Doc("notes/用語.md").Text.Should().EndWith("- 重みを止める。");
        var add = TermCreation.Propose(f.Index, f.Document, f.Selection, []).First();
        f.Apply("notes/用語.md", add.Edits[1].Edits).Should().EndWith(
            $"- 重みを止める。\r\n\r\n## 自己教師あり学習<a id=\"{AnchorCodec.Encode("自己教師あり学習")}\"></a>\r\n\r\n- \r\n");
    }

    [Fact]
    public void A_broken_link_whose_text_names_no_term_is_retargeted_to_the_new_term()
    {
        var f = FixtureWorkspace.Parse("""
            //- glossary/ml.md
            <!-- 記事URL:https://example.com/glossary/ml.md# -->

            ## 転移学習<a id="6Lui56e75a2m57+S"></a>

            - 知識を持ち込む。<a href="https://example.com/glossary/ml.md#$044Gq44GE">蒸留 ✅</a>も。

            """);
        var diagnostics = Core.Rules.DocumentAnalyzer.Analyze(f.Index, f.Document);
        var add = TermCreation.Propose(f.Index, f.Document, new TextSpan(f.Cursor, 0), diagnostics).Single();
        add.Title.Should().Be("Add '蒸留 ✅' to glossary/ml.md");
        add.Diagnostic!.Id.Should().Be("GL0002");
        var anchor = AnchorCodec.Encode("蒸留 ✅");
        f.Apply("glossary/ml.md", add.Edits.Single().Edits).Should().EndWith(
            $"<a href=\"https://example.com/glossary/ml.md#{anchor}\">蒸留 ✅</a>も。\n\n## 蒸留 ✅<a id=\"{anchor}\"></a>\n\n- \n");
    }

    [Fact]
    public void An_unknown_keyword_of_a_glossary_page_is_added_and_then_names_the_new_term()
    {
        var f = FixtureWorkspace.Parse("""
            //- glossary/pages/蒸留.md
            ---
            type: glossary
            title: 知識蒸留
            keywords:
              - 転移学習
              - "教師$0モデル"
            ---
            大きなモデルから小さなモデルへ。
            //- glossary/ml.md
            <!-- 記事URL:https://example.com/glossary/ml.md# -->

            ## 転移学習<a id="6Lui56e75a2m57+S"></a>

            - 知識を持ち込む。
            """, newline: "\r\n");
        var diagnostics = Core.Rules.DocumentAnalyzer.Analyze(f.Index, f.Document);
        var add = TermCreation.Propose(f.Index, f.Document, new TextSpan(f.Cursor, 0), diagnostics).Single();
        add.Title.Should().Be("Add '教師モデル' to glossary/ml.md");
        add.Diagnostic!.Id.Should().Be("GL0014");
        // Only the glossary changes: the keyword stays as written.
        var glossary = f.Apply("glossary/ml.md", add.Edits.Single().Edits);
        glossary.Should().EndWith($"- 知識を持ち込む。\r\n\r\n## 教師モデル<a id=\"{AnchorCodec.Encode("教師モデル")}\"></a>\r\n\r\n- \r\n");
        var index = f.Index.WithDocument(WorkspaceLoader.ParseText("glossary/ml.md", glossary, f.Index.Config));
        Core.Rules.DocumentAnalyzer.Analyze(index, index.GetDocument(f.Document.Path)!).Should().NotContain(d => d.Id == "GL0014");
    }

    [Theory]
    [InlineData("🌲 [|自己教師あり学習を試す。[転移|]学習](…)")] // crosses a link
    [InlineData("🌲 自己教師あり[|学習を試す。\n転移|]学習")] // two lines
    [InlineData("`[|コード|]`")] // inside code
    [InlineData("🌲 [|転移学習|]を試す。")] // names a term
    [InlineData("🌲 転移[|学習|]を試す。")] // inside a mention
    [InlineData("🌲 [|A | B|]を試す。")] // would parse as a headword with an alias
    [InlineData("🌲 [|   |]を試す。")] // white space only
    public void No_action_for_a_selection_that_is_not_a_new_word_of_prose_on_one_line(string article)
    {
        var f = FixtureWorkspace.Parse($"//- notes/記事.md\n{article}\n" + Workspace[Workspace.IndexOf("//- glossary/ml.md", StringComparison.Ordinal)..]);
        TermCreation.Propose(f.Index, f.Doc("notes/記事.md"), f.Selection, []).Should().BeEmpty();
    }
}
