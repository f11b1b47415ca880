using GlossaryLsp.Core.Text;
using GlossaryLsp.Core.Features;

namespace GlossaryLsp.Tests.Features;

/// <summary>Where terms are used: the lenses on their names, the counts text, the places, the hover on a name.</summary>
public sealed class TermUsageServiceTests
{
    private static readonly string TransferLearning = AnchorCodec.Encode("転移学習 | Transfer Learning");

    /// <summary>
    /// Spans: 0, 3, 4 are where lenses sit; 1, 2 and 5–8 the uses of 転移学習 (its own definition's too).
    /// The heading of 特徴量 links to itself: that link is not a use.
    /// </summary>
    private static readonly string Workspace = $$"""
        //- glossary/ml.md
        <!-- 記事URL:https://example.com/glossary/ml.md# -->

        ## [|転移学習 | Transfer Learning|]
        <!-- 読み:てんいがくしゅう -->

        - 😀 [|転移学習|]は自分の文書の中でも数える:[|[転移学習](#{{TransferLearning}})|]。

        ## [|<a href="#{{AnchorCodec.Encode("特徴量")}}">特徴量</a>|]

        - 入力。
        //- terms/da.md
        ---
        type: glossary
        title: [|データ拡張|]
        ---
        水増し。
        //- articles/a.md
        # 記事

        😀 [|[転移学習](../glossary/ml.md#{{TransferLearning}})|] と [|転移学習|] と データ拡張。
        //- articles/b.md
        🌲 [|Transfer learning|] を使う。[|<a href="https://example.com/glossary/ml.md#{{TransferLearning}}">TL</a>|]
        """;

    [Fact]
    public void Lenses_sit_on_term_headings_and_page_titles_and_count_the_links_and_mentions_of_the_whole_workspace()
    {
        var f = FixtureWorkspace.Parse(Workspace, newline: "\r\n");
        var ml = TermUsageService.GetLenses(f.Doc("glossary/ml.md"));
        var da = TermUsageService.GetLenses(f.Doc("terms/da.md"));
        ml.Concat(da).Select(l => l.Span).Should().Equal(new[] { 0, 3, 4 }.Select(i => f.Fixture.Spans[i].Span));
        ml.Concat(da).Select(l => TermUsageService.CountsText(f.Index, l.Term))
            .Should().Equal("3 links · 3 mentions", "0 links · 0 mentions", "0 links · 1 mention");
        TermUsageService.TermAt(f.Doc("glossary/ml.md"), ml[1].Span.Start).Should().BeSameAs(ml[1].Term);
        TermUsageService.TermAt(f.Doc("glossary/ml.md"), ml[1].Span.Start + 1).Should().BeNull();
    }

    [Fact]
    public void Glossary_terms_and_GL0015_still_count_only_other_documents_from_the_same_table()
    {
        var f = FixtureWorkspace.Parse(Workspace, newline: "\r\n");
        TermInventory.List(f.Index, [f.Doc("glossary/ml.md")]).Select(r => (r.Headword, r.LinksIn, r.Mentions))
            .Should().Equal(("転移学習", 2, 2), ("特徴量", 0, 0));
    }

    [Fact]
    public void The_places_are_the_links_and_mentions_counted_in_path_then_text_order()
    {
        var f = FixtureWorkspace.Parse(Workspace, newline: "\r\n");
        var term = f.Doc("glossary/ml.md").Terms[0];
        TermUsageService.Places(f.Index, term).Select(p => (p.Path, p.Span, p.IsLink)).Should().Equal(
            new[] { (5, true), (6, false), (7, false), (8, true), (1, false), (2, true) }
                .Select(x => (f.Fixture.Spans[x.Item1].Path, f.Fixture.Spans[x.Item1].Span, x.Item2)));
        TermUsageService.Places(f.Index, f.Doc("glossary/ml.md").Terms[1]).Should().BeEmpty();
    }

    [Fact]
    public void A_thousand_uses_read_with_separators_and_one_of_each_in_the_singular()
    {
        var many = string.Concat(Enumerable.Repeat("語 ", 1234));
        var f = FixtureWorkspace.Parse($"//- g.md\n<!-- 記事タイトル:用語集 -->\n## 語\n\n- 定義。\n//- a.md\n{many}\n//- b.md\n[語](g.md#{AnchorCodec.Encode("語")})\n");
        TermUsageService.CountsText(f.Index, f.Doc("g.md").Terms[0]).Should().Be("1 link · 1,234 mentions");
    }

    [Fact]
    public void Hover_on_a_term_name_says_where_it_is_used_and_hover_on_a_mention_does_not()
    {
        var f = FixtureWorkspace.Parse(Workspace, newline: "\r\n");
        var ml = f.Doc("glossary/ml.md");
        HoverService.GetHover(f.Index, ml, ml.Terms[0].NameSpan.Start + 1, markdown: true)!.Contents.Should()
            .EndWith("Defined in `glossary/ml.md:3`\n\nUsed in the workspace: 3 links · 3 mentions\n");
        HoverService.GetHover(f.Index, ml, ml.Terms[0].NameSpan.Start + 1, markdown: false)!.Contents.Should()
            .EndWith("Defined in glossary/ml.md:3\n\nUsed in the workspace: 3 links · 3 mentions\n");
        var page = f.Doc("terms/da.md");
        HoverService.GetHover(f.Index, page, page.Terms[0].NameSpan.Start, markdown: false)!.Contents.Should()
            .EndWith("Used in the workspace: 0 links · 1 mention\n");
        var article = f.Doc("articles/a.md");
        HoverService.GetHover(f.Index, article, f.Fixture.Spans[6].Span.Start, markdown: false)!
            .Contents.Should().NotContain("Used in");
    }
}
