using GlossaryLsp.Core.Features;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Tests.Features;

/// <summary>Readings of term-list terms and keywords of glossary pages in hover, completion and navigation (SPEC §1, §3).</summary>
public class ReadingAndKeywordFeatureTests
{
    private const string Glossary = """
        //- glossary/ml.md
        <!-- 記事URL:https://example.com/glossary/ml.md# -->

        ## 転移学習 | Transfer Learning
        <!-- 読み:てんいがくしゅう -->

        - 学んだ知識を別の課題に持ち込む ✅

        ## 凍結 | Freezing
        <!-- reading: とうけつ -->

        - 重みを止める。

        ## ファインチューニング | Fine-tuning

        - 追加の学習。
        //- terms/kd.md
        ---
        title: 知識蒸留
        term: ちしきじょうりゅう
        keywords:
          - てんいがくしゅう
          - 知識蒸留
          - 未知語
          - freezing
          - 転移学習
        type: glossary
        ---

        大きなモデルから小さなモデルへ。

        """;

    private static FixtureWorkspace Parse(string fixture, bool crlf = false) => FixtureWorkspace.Parse(crlf ? FixtureWorkspace.Crlf(fixture) : fixture);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Hover_on_a_term_list_term_shows_its_reading_and_not_the_reading_comment(bool crlf)
    {
        var f = Parse(Glossary + "//- articles/post.md\n🌲 [|転$0移学習|]の話。\n", crlf);
        var hover = HoverService.GetHover(f.Index, f.Document, f.Cursor, markdown: true)!;
        new FixtureSpan(f.Document.Path, hover.Span).Should().Be(f.Fixture.Span());
        hover.Contents.Should().Be("**転移学習** | Transfer Learning\n\n読み: てんいがくしゅう\n\n- 学んだ知識を別の課題に持ち込む ✅\n\n---\n\nDefined in `glossary/ml.md:3`\n");
    }

    [Fact]
    public void Hover_on_a_glossary_page_lists_its_related_terms_as_links_to_their_lines()
    {
        var f = Parse(Glossary + "//- articles/post.md\n知識蒸$0留を使う。\n");
        HoverService.GetHover(f.Index, f.Document, f.Cursor, markdown: true, uriOf: p => "file:///w/" + p)!.Contents.Should().Be(
            "**知識蒸留**\n\n読み: ちしきじょうりゅう\n\n大きなモデルから小さなモデルへ。\n\n" +
            "Related terms: [転移学習](file:///w/glossary/ml.md#L3), [凍結](file:///w/glossary/ml.md#L8)\n\n---\n\nDefined in `terms/kd.md:2`\n");
        HoverService.GetHover(f.Index, f.Document, f.Cursor, markdown: false)!.Contents.Should().Be(
            "知識蒸留\n読み: ちしきじょうりゅう\n\n大きなモデルから小さなモデルへ。\n\nRelated terms: 転移学習, 凍結\n\nDefined in terms/kd.md:2\n");
    }

    [Fact]
    public void Related_terms_are_bounded()
    {
        var terms = string.Concat(Enumerable.Range(0, 30).Select(i => $"## 用語{i:D2}\n\n- 定義。\n\n"));
        var keywords = string.Concat(Enumerable.Range(0, 30).Select(i => $"  - 用語{i:D2}\n"));
        var f = Parse($"//- g.md\n<!-- 記事URL:https://e.com/g.md# -->\n\n{terms}//- p.md\n---\ntitle: 頁\nkeywords:\n{keywords}type: glossary\n---\n\n本文。\n//- a.md\n頁$0\n");
        var text = HoverService.GetHover(f.Index, f.Document, f.Cursor, markdown: false)!.Contents;
        text.Should().Contain("Related terms: 用語00, 用語01, ").And.Contain(", 用語19 and 10 more\n").And.NotContain("用語20");
    }

    [Fact]
    public void A_keyword_that_names_a_term_has_its_hover_and_definition()
    {
        var f = Parse(Glossary.Replace("  - freezing", "  - [|free$0zing|]"));
        var hover = HoverService.GetHover(f.Index, f.Document, f.Cursor, markdown: false)!;
        new FixtureSpan(f.Document.Path, hover.Span).Should().Be(f.Fixture.Span());
        hover.Contents.Should().StartWith("凍結 | Freezing\n読み: とうけつ\n");
        var definition = NavigationService.GetDefinition(f.Index, f.Document, f.Cursor).Should().ContainSingle().Subject;
        (definition.Path, f.Index.GetDocument(definition.Path)!.GetText(definition.Span)).Should().Be(("glossary/ml.md", "凍結 | Freezing"));
        var unknown = Parse(Glossary.Replace("  - 未知語", "  - 未知$0語"));
        HoverService.GetHover(unknown.Index, unknown.Document, unknown.Cursor, markdown: false).Should().BeNull();
    }

    [Theory]
    [InlineData("てんい", "転移学習")]
    [InlineData("テンイ", "転移学習")]
    [InlineData("とう", "凍結")]
    public void Completion_by_a_prefix_of_a_term_list_reading_in_either_kana(string typed, string expected)
    {
        var f = Parse(Glossary + $"//- articles/post.md\nこの記事では{typed}$0\n");
        var r = CompletionService.Complete(f.Index, f.Document, f.Cursor);
        var item = r.Items.Should().ContainSingle().Subject;
        item.Label.Should().Be(expected);
        item.FilterText.Should().Be(typed);
        f.TextOf(item.Edit.Span).Should().Be(typed);
        item.Edit.NewText.Should().StartWith($"[{expected}](../glossary/ml.md#");
    }

    [Fact]
    public void Completion_inside_a_block_keywords_list_offers_terms_as_words_not_links()
    {
        var f = Parse(Glossary.Replace("  - 未知語", "  - ファイ$0"));
        var r = CompletionService.Complete(f.Index, f.Document, f.Cursor);
        r.Items.Select(i => i.Label).Should().Equal("ファインチューニング");
        TextEdit.Apply(f.Document.Text, [r.Items[0].Edit]).Should().Contain("\n  - ファインチューニング\n");

        f = Parse(Glossary.Replace("  - 未知語", "  - $0"));
        CompletionService.Complete(f.Index, f.Document, f.Cursor).Items.Select(i => i.Label)
            .Should().Equal(["Fine-tuning", "ファインチューニング"], "terms already listed and the page's own term are left out");
    }

    [Theory]
    [InlineData("keywords: [🌲, \"[|とう|]$0\"]\n")]
    [InlineData("keywords: [🌲, [|とう|]$0\n")] // typing: the flow list is not closed yet, the YAML does not parse
    public void Completion_inside_a_flow_keywords_list_with_crlf_and_emoji(string keywords)
    {
        var f = Parse(Glossary.Replace("keywords:\n  - てんいがくしゅう\n  - 知識蒸留\n  - 未知語\n  - freezing\n  - 転移学習\n", keywords), crlf: true);
        var r = CompletionService.Complete(f.Index, f.Document, f.Cursor);
        var item = r.Items.Should().ContainSingle().Subject;
        item.Label.Should().Be("凍結");
        FixtureWorkspace.Range(f.Document, item.Edit.Span).Should().Be(f.Fixture.Range(f.Fixture.Span()));
        item.Edit.NewText.Should().Be("凍結");
    }

    [Fact]
    public void No_completion_elsewhere_in_front_matter()
    {
        var f = Parse(Glossary.Replace("title: 知識蒸留", "title: 転$0"));
        CompletionService.Complete(f.Index, f.Document, f.Cursor).Items.Should().BeEmpty();
    }
}
