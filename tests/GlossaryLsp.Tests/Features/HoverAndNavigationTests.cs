using System.Text;
using GlossaryLsp.Core.Features;

namespace GlossaryLsp.Tests.Features;

public class HoverAndNavigationTests
{
    /// <summary>Two definitions of 凍結: the nearest one (same folder) wins for mentions in glossary/.</summary>
    private const string TL = "6Lui56e75a2m57+SIHwgVHJhbnNmZXIgTGVhcm5pbmc=";

    private const string Workspace = $$"""
        //- glossary/ml.md
        <!-- 記事URL:https://example.com/glossary/ml.md# -->

        ## 転移学習 | Transfer Learning

        - 知識を<b>持ち込む</b>。

        ## ファインチューニング | Fine-tuning

        - <a href="https://example.com/glossary/ml.md#{{TL}}">転移学習</a>の一種。層を凍結することもある。

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

        [転移学習](../glossary/ml.md#{{TL}})と[見出し](#記事-)。
        [壊れた](../glossary/ml.md#5a2Y5Zyo44GX44Gq44GE)、[無い](missing.md)、[外](https://other.example.org/)。

        """;

    [Fact]
    public void Hover_on_a_markdown_link_describes_its_term()
    {
        Hover(At(("articles/post.md", $"[|[転移$0学習](../glossary/ml.md#{TL})|]"))).Should().Be("""
            **転移学習** | Transfer Learning

            - 知識を<b>持ち込む</b>。

            ---

            Defined in `glossary/ml.md:3`

            """.Replace("\r\n", "\n"));
    }

    /// <summary>
    /// The workspace with markers: each snippet is written into its file in place of its first
    /// occurrence without markers.
    /// </summary>
    private static FixtureWorkspace At(params (string Path, string Marked)[] marks) => At(false, marks);

    private static FixtureWorkspace At(bool crlf, params (string Path, string Marked)[] marks)
    {
        var text = crlf ? FixtureWorkspace.Crlf(Workspace) : Workspace;
        foreach (var (path, marked) in marks)
        {
            var plain = Fixture.Parse(marked).Text(Fixture.DefaultPath);
            int file = text.IndexOf("//- " + path, StringComparison.Ordinal);
            int at = text.IndexOf(plain, file, StringComparison.Ordinal);
            at.Should().BeGreaterThan(file, $"'{plain}' is in {path}");
            text = text[..at] + marked + text[(at + plain.Length)..];
        }
        return FixtureWorkspace.Parse(text);
    }

    /// <summary>The hover's contents, after checking that its range is the marked span.</summary>
    private static string Hover(FixtureWorkspace f, bool markdown = true)
    {
        var h = HoverService.GetHover(f.Index, f.Document, f.Cursor, markdown);
        if (h is null) return "(none)";
        new FixtureSpan(f.Document.Path, h.Span).Should().Be(f.Fixture.Span(), "the hover's range is the marked span");
        return h.Contents;
    }

    [Fact]
    public void Hover_plaintext_when_the_client_wants_it()
    {
        Hover(At(("articles/post.md", $"[|[転移$0学習](../glossary/ml.md#{TL})|]")), markdown: false).Should().Be("""
            転移学習 | Transfer Learning

            - 知識を持ち込む。

            Defined in glossary/ml.md:3

            """.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Hover_on_a_mention_uses_the_nearest_definition_and_counts_the_others()
    {
        Hover(At(("glossary/ml.md", "[|凍$0結|]すること"))).Should().Be("""
            **凍結** | Freezing

            - 重みを止める。

            ---

            Defined in `glossary/ml.md:11`; also defined in 1 other document: `other/ops.md`

            """.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Hover_on_a_term_heading_and_on_a_glossary_page_title()
    {
        Hover(At(("glossary/ml.md", "## [|ファインチューニング | Fine$0-tuning|]"))).Should().StartWith("**ファインチューニング** | Fine-tuning\n");
        Hover(At(("terms/da.md", "title: [|データ$0拡張|]"))).Should().StartWith("**データ拡張** | Data Augmentation\n\n読み: でーたかくちょう\n\n水増し。\n");
    }

    [Fact]
    public void Hover_on_links_to_headings_broken_links_and_external_links()
    {
        Hover(At(("articles/post.md", "[|[$0見出し](#記事-)|]"))).Should().Be("**記事 🌲**\n\nHeading in `articles/post.md:1`");
        Hover(At(("articles/post.md", "[|[$0壊れた](../glossary/ml.md#5a2Y5Zyo44GX44Gq44GE)|]"))).Should().Be(
            "Broken link: `glossary/ml.md` has no term or heading with the anchor `#5a2Y5Zyo44GX44Gq44GE`");
        Hover(At(("articles/post.md", "[|[$0無い](missing.md)|]"))).Should().Be("Broken link: no document `articles/missing.md` in the workspace");
        Hover(At(("articles/post.md", "[$0外]"))).Should().Be("(none)");
        Hover(At(("articles/post.md", "$0# [|記事 🌲|]"))).Should().Be("Anchor `#記事-`");
    }

    [Fact]
    public void Hover_ranges_survive_crlf_and_emoji()
    {
        Hover(At(crlf: true, ("articles/post.md", "[|[$0無い](missing.md)|]"))).Should().StartWith("Broken link:");
    }

    [Fact]
    public void No_hover_on_plain_text()
    {
        Hover(At(("articles/post.md", "$0と[見出し]"))).Should().Be("(none)");
    }

    [Fact]
    public void Definition_of_link_mention_heading_and_document_link()
    {
        var f = At(("glossary/ml.md", "## [|転移学習 | Transfer Learning|]"), ("articles/post.md", "[転$0移学習]"));
        ShouldBeSpans(NavigationService.GetDefinition(f.Index, f.Document, f.Cursor), f, 0);
        f = At(("glossary/ml.md", "$0凍結すること"), ("glossary/ml.md", "## [|凍結 | Freezing|]"));
        ShouldBeSpans(NavigationService.GetDefinition(f.Index, f.Document, f.Cursor), f, 0);
        f = At(("other/ops.md", "## [|$0凍結|]"));
        ShouldBeSpans(NavigationService.GetDefinition(f.Index, f.Document, f.Cursor), f, 0);
        f = At(("articles/post.md", "# [|記事 🌲|]"), ("articles/post.md", "[$0見出し]"));
        ShouldBeSpans(NavigationService.GetDefinition(f.Index, f.Document, f.Cursor), f, 0);
        f = At(("articles/post.md", "[$0無い]"));
        NavigationService.GetDefinition(f.Index, f.Document, f.Cursor).Should().BeEmpty();
    }

    /// <summary>Asserts the locations are the marked spans, in the given order of the fixture's spans.</summary>
    private static void ShouldBeSpans(IEnumerable<SourceLocation> locations, FixtureWorkspace f, params int[] order) =>
        locations.Select(l => new FixtureSpan(l.Path, l.Span)).Should().Equal(order.Select(i => f.Fixture.Spans[i]));

    [Fact]
    public void References_are_every_link_to_the_term_across_the_workspace()
    {
        var f = At(
            ("glossary/ml.md", "## [|$0転移学習 | Transfer Learning|]"),
            ("glossary/ml.md", $"[|<a href=\"https://example.com/glossary/ml.md#{TL}\">転移学習</a>|]"),
            ("articles/post.md", $"[|[転移学習](../glossary/ml.md#{TL})|]"));
        ShouldBeSpans(NavigationService.GetReferences(f.Index, f.Document, f.Cursor, includeDeclaration: true), f, 0, 2, 1);
        ShouldBeSpans(NavigationService.GetReferences(f.Index, f.Document, f.Cursor, includeDeclaration: false), f, 2, 1);
        f = At(("articles/post.md", "# $0記事"), ("articles/post.md", "[|[見出し](#記事-)|]"));
        ShouldBeSpans(NavigationService.GetReferences(f.Index, f.Document, f.Cursor, includeDeclaration: false), f, 0);
    }

    [Fact]
    public void Hover_names_every_other_document_that_defines_the_term_nearest_first()
    {
        var f = FixtureWorkspace.Parse("""
            //- a/g.md
            <!-- 記事URL:https://e.com/a/g.md# -->

            ## 凍結

            - A。
            //- b/g.md
            <!-- 記事URL:https://e.com/b/g.md# -->

            ## 凍結

            - B。
            //- c.md
            ---
            title: 凍結
            type: glossary
            ---

            C。
            //- a/post.md
            層を凍$0結する。

            """);
        HoverService.GetHover(f.Index, f.Document, f.Cursor, markdown: false)!.Contents.Should().Be(
            "凍結\n\n- A。\n\nDefined in a/g.md:3; also defined in 2 other documents: c.md, b/g.md\n");
    }

    [Fact]
    public void Hover_of_a_term_with_many_aliases_and_definitions_lists_twenty_aliases_and_names_three_documents()
    {
        var aliases = string.Join(" | ", Enumerable.Range(1, 25).Select(i => $"別名{i}"));
        var fixture = new StringBuilder($"//- a/g.md\n<!-- 記事URL:https://e.com/a/g.md# -->\n\n## [|凍$0結 | {aliases}|]\n\n- A。\n");
        foreach (var path in new[] { "a/h.md", "b/g.md", "c.md", "a/i.md", "d/e/f.md" })
            fixture.Append($"//- {path}\n<!-- 記事URL:https://e.com/{path}# -->\n\n## 凍結\n\n- 別。\n");
        Hover(FixtureWorkspace.Parse(fixture.ToString()), markdown: false).Should().Be(
            "凍結 | " + string.Join(" | ", Enumerable.Range(1, 20).Select(i => $"別名{i}")) + " and 5 more\n\n- A。\n\n" +
            "Defined in a/g.md:3; also defined in 5 other documents: a/h.md, a/i.md, c.md and 2 more\n\nUsed in the workspace: 0 links · 0 mentions\n");
    }

    [Fact]
    public void Hover_on_a_link_to_the_workspace_root_names_the_workspace_folder()
    {
        var f = FixtureWorkspace.Parse("[トップ]: /\n[|[ト$0ップ]|] へ戻る\n");
        (Hover(f), Hover(f, markdown: false)).Should().Be(("The workspace folder", "The workspace folder"));
    }
}
