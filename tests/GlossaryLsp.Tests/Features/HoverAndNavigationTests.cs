using GlossaryLsp.Core.Features;

namespace GlossaryLsp.Tests.Features;

public class HoverAndNavigationTests
{
    /// <summary>Two definitions of 凍結: the nearest one (same folder) wins for mentions in glossary/.</summary>
    private const string Workspace = """
        //- glossary/ml.md
        <!-- 記事URL:https://example.com/glossary/ml.md# -->

        ## 転移学習 | Transfer Learning

        - 知識を<b>持ち込む</b>。

        ## ファインチューニング | Fine-tuning

        - <a href="https://example.com/glossary/ml.md#6Lui56e75a2m57+SIHwgVHJhbnNmZXIgTGVhcm5pbmc=">転移学習</a>の一種。層を凍結することもある。

        ## 凍結 | Freezing

        - 重みを止める。
        //- other/ops.md
        <!-- 記事URL:https://example.com/other/ops.md# -->

        ## 凍結

        - 別の意味。
        //- terms/da.md
        ---
        title: データ拡張
        e-title: Data Augmentation
        term: でーたかくちょう
        type: glossary
        ---

        水増し。
        //- articles/post.md
        # 記事 🌲

        [転移学習](../glossary/ml.md#6Lui56e75a2m57+SIHwgVHJhbnNmZXIgTGVhcm5pbmc=)と[見出し](#記事-)。
        [壊れた](../glossary/ml.md#5a2Y5Zyo44GX44Gq44GE)、[無い](missing.md)、[外](https://other.example.org/)。

        """;

    private static FeatureFixture At(string path, string marker, int delta = 0, bool crlf = false)
    {
        var text = crlf ? FeatureFixture.Crlf(Workspace) : Workspace;
        var f = FeatureFixture.Parse(text);
        var doc = f.Doc(path);
        int offset = doc.Text.IndexOf(marker, StringComparison.Ordinal);
        offset.Should().BeGreaterThanOrEqualTo(0, marker);
        return new FeatureFixture { Index = f.Index, Document = doc, Cursor = offset + delta };
    }

    private static string Hover(FeatureFixture f, bool markdown = true) =>
        HoverService.GetHover(f.Index, f.Document, f.Cursor, markdown) is { } h
            ? $"{FeatureFixture.Range(f.Document, h.Span)}\n{h.Contents}"
            : "(none)";

    [Fact]
    public void Hover_on_a_markdown_link_describes_its_term()
    {
        Hover(At("articles/post.md", "転移学習]", 2)).Should().Be("""
            2:0-2:70
            **転移学習** | Transfer Learning

            - 知識を<b>持ち込む</b>。

            ---

            Defined in `glossary/ml.md:3`

            """.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Hover_plaintext_when_the_client_wants_it()
    {
        Hover(At("articles/post.md", "転移学習]", 2), markdown: false).Should().Be("""
            2:0-2:70
            転移学習 | Transfer Learning

            - 知識を<b>持ち込む</b>。

            Defined in glossary/ml.md:3

            """.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Hover_on_a_mention_uses_the_nearest_definition_and_counts_the_others()
    {
        Hover(At("glossary/ml.md", "凍結すること", 1)).Should().Be("""
            8:106-8:108
            **凍結** | Freezing

            - 重みを止める。

            ---

            Defined in `glossary/ml.md:11`; also defined in 1 other document: `other/ops.md`

            """.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Hover_on_a_term_heading_and_on_a_glossary_page_title()
    {
        Hover(At("glossary/ml.md", "Fine-tuning", 4)).Should().StartWith("6:3-6:27\n**ファインチューニング** | Fine-tuning\n");
        Hover(At("terms/da.md", "データ拡張", 2)).Should().StartWith("1:7-1:12\n**データ拡張** | Data Augmentation\n\n読み: でーたかくちょう\n\n水増し。\n");
    }

    [Fact]
    public void Hover_on_links_to_headings_broken_links_and_external_links()
    {
        Hover(At("articles/post.md", "[見出し]", 1)).Should().Be("2:71-2:82\n**記事 🌲**\n\nHeading in `articles/post.md:1`");
        Hover(At("articles/post.md", "[壊れた]", 1)).Should().Be(
            "3:0-3:45\nBroken link: `glossary/ml.md` has no term or heading with the anchor `#5a2Y5Zyo44GX44Gq44GE`");
        Hover(At("articles/post.md", "[無い]", 1)).Should().Be("3:46-3:62\nBroken link: no document `articles/missing.md` in the workspace");
        Hover(At("articles/post.md", "[外]", 1)).Should().Be("(none)");
        Hover(At("articles/post.md", "# 記事", 0)).Should().Be("0:2-0:7\nAnchor `#記事-`");
    }

    [Fact]
    public void Hover_ranges_survive_crlf_and_emoji()
    {
        Hover(At("articles/post.md", "[無い]", 1, crlf: true)).Should().StartWith("3:46-3:62\n");
    }

    [Fact]
    public void No_hover_on_plain_text()
    {
        Hover(At("articles/post.md", "と[見出し]", 0)).Should().Be("(none)");
    }

    private static string Locations(FeatureFixture f, IEnumerable<SourceLocation> locations) =>
        string.Join(", ", locations.Select(l => $"{l.Path} {FeatureFixture.Range(f.Index.GetDocument(l.Path)!, l.Span)}"));

    [Fact]
    public void Definition_of_link_mention_heading_and_document_link()
    {
        var f = At("articles/post.md", "転移学習]", 1);
        Locations(f, NavigationService.GetDefinition(f.Index, f.Document, f.Cursor)).Should().Be("glossary/ml.md 2:3-2:27");
        f = At("glossary/ml.md", "凍結すること", 0);
        Locations(f, NavigationService.GetDefinition(f.Index, f.Document, f.Cursor)).Should().Be("glossary/ml.md 10:3-10:16");
        f = At("other/ops.md", "凍結", 0);
        Locations(f, NavigationService.GetDefinition(f.Index, f.Document, f.Cursor)).Should().Be("other/ops.md 2:3-2:5");
        f = At("articles/post.md", "[見出し]", 1);
        Locations(f, NavigationService.GetDefinition(f.Index, f.Document, f.Cursor)).Should().Be("articles/post.md 0:2-0:7");
        f = At("articles/post.md", "[無い]", 1);
        NavigationService.GetDefinition(f.Index, f.Document, f.Cursor).Should().BeEmpty();
    }

    [Fact]
    public void References_are_every_link_to_the_term_across_the_workspace()
    {
        var f = At("glossary/ml.md", "転移学習 |", 0);
        Locations(f, NavigationService.GetReferences(f.Index, f.Document, f.Cursor, includeDeclaration: true)).Should().Be(
            "glossary/ml.md 2:3-2:27, articles/post.md 2:0-2:70, glossary/ml.md 8:2-8:100");
        Locations(f, NavigationService.GetReferences(f.Index, f.Document, f.Cursor, includeDeclaration: false)).Should().Be(
            "articles/post.md 2:0-2:70, glossary/ml.md 8:2-8:100");
        f = At("articles/post.md", "# 記事", 2);
        Locations(f, NavigationService.GetReferences(f.Index, f.Document, f.Cursor, includeDeclaration: false)).Should().Be("articles/post.md 2:71-2:82");
    }

    [Fact]
    public void Hover_names_every_other_document_that_defines_the_term()
    {
        var f = FeatureFixture.Parse("//- a/g.md\n<!-- 記事URL:https://e.com/a/g.md# -->\n\n## 凍結\n\n- A。\n//- b/g.md\n<!-- 記事URL:https://e.com/b/g.md# -->\n\n## 凍結\n\n- B。\n//- c.md\n---\ntitle: 凍結\ntype: glossary\n---\n\nC。\n//- a/post.md\n層を凍$0結する。\n");
        HoverService.GetHover(f.Index, f.Document, f.Cursor, markdown: false)!.Contents.Should().Be(
            "凍結\n\n- A。\n\nDefined in a/g.md:3; also defined in 2 other documents: b/g.md, c.md\n");
    }
}
