using GlossaryLsp.Core.Text;
using GlossaryLsp.Core.Features;

namespace GlossaryLsp.Tests.Features;

/// <summary>Where terms are used: the lenses on their names, the counts text, the places, the hover on a name.</summary>
public sealed class TermUsageServiceTests
{
    /// <summary>Spans in the glossaries are where lenses sit; in the articles, the uses of 転移学習.</summary>
    private static readonly string Workspace = $$"""
        //- glossary/ml.md
        <!-- 記事URL:https://example.com/glossary/ml.md# -->

        ## [|転移学習 | Transfer Learning|]
        <!-- 読み:てんいがくしゅう -->

        - 転移学習は自分の文書の中では数えない。

        ## [|特徴量|]

        - 入力。
        //- terms/da.md
        ---
        type: glossary
        title: [|データ拡張|]
        ---
        水増し。
        //- articles/a.md
        # 記事

        😀 [|[転移学習](../glossary/ml.md#{{AnchorCodec.Encode("転移学習 | Transfer Learning")}})|] と [|転移学習|] と データ拡張。
        //- articles/b.md
        🌲 [|Transfer learning|] を使う。[|<a href="https://example.com/glossary/ml.md#{{AnchorCodec.Encode("転移学習 | Transfer Learning")}}">TL</a>|]
        """;

    [Fact]
    public void Lenses_sit_on_term_headings_and_page_titles_and_count_links_and_mentions_of_other_documents()
    {
        var f = FixtureWorkspace.Parse(Workspace, newline: "\r\n");
        var ml = TermUsageService.GetLenses(f.Doc("glossary/ml.md"));
        var da = TermUsageService.GetLenses(f.Doc("terms/da.md"));
        ml.Concat(da).Select(l => l.Span).Should().Equal(f.Fixture.Spans.Where(s => !s.Path.StartsWith("articles/", StringComparison.Ordinal)).Select(s => s.Span));
        ml.Concat(da).Select(l => TermUsageService.CountsText(f.Index, l.Term))
            .Should().Equal("2 links · 2 mentions", "0 links · 0 mentions", "0 links · 1 mention");
        TermUsageService.TermAt(f.Doc("glossary/ml.md"), ml[1].Span.Start).Should().BeSameAs(ml[1].Term);
        TermUsageService.TermAt(f.Doc("glossary/ml.md"), ml[1].Span.Start + 1).Should().BeNull();
    }

    [Fact]
    public void The_places_are_the_links_and_mentions_counted_in_path_then_text_order()
    {
        var f = FixtureWorkspace.Parse(Workspace, newline: "\r\n");
        var term = f.Doc("glossary/ml.md").Terms[0];
        TermUsageService.Places(f.Index, term).Select(p => (p.Path, p.Span, p.IsLink)).Should().Equal(
            f.Fixture.Spans.Where(s => s.Path.StartsWith("articles/", StringComparison.Ordinal))
                .Select((s, i) => (s.Path, s.Span, IsLink: i is 0 or 3)));
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
            .EndWith("Defined in `glossary/ml.md:3`\n\nUsed in other documents: 2 links · 2 mentions\n");
        HoverService.GetHover(f.Index, ml, ml.Terms[0].NameSpan.Start + 1, markdown: false)!.Contents.Should()
            .EndWith("Defined in glossary/ml.md:3\n\nUsed in other documents: 2 links · 2 mentions\n");
        var page = f.Doc("terms/da.md");
        HoverService.GetHover(f.Index, page, page.Terms[0].NameSpan.Start, markdown: false)!.Contents.Should()
            .EndWith("Used in other documents: 0 links · 1 mention\n");
        var article = f.Doc("articles/a.md");
        HoverService.GetHover(f.Index, article, f.Fixture.Spans.First(s => s.Path == "articles/a.md" && !article.GetText(s.Span).StartsWith('[')).Span.Start, markdown: false)!
            .Contents.Should().NotContain("Used in");
    }
}
