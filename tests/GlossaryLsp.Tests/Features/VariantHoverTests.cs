using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Features;

namespace GlossaryLsp.Tests.Features;

/// <summary>Hover and go-to-definition on a notation variant (GL0013): the preferred form and its term, over the variant's whole span.</summary>
public class VariantHoverTests
{
    private const string Glossary = """
        //- glossary/terms.md
        <!-- 記事URL:https://example.com/glossary/terms.md# -->

        ## コンピューター | Computer
        - 計算機。

        ## サーバー | Server
        - 提供する側。

        ## ハイパーパラメータ
        - 学習前に決める値。

        """;

    private static readonly GlossaryConfig Declared =
        GlossaryConfigLoader.Parse("variants:\n  ハイパーパラメータ: [ハイパラ]\n  ベクトル: [ベクター]\n", "/ws/glossary.yml");

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Hover_on_a_variant_names_the_preferred_form_then_describes_its_term(string newline)
    {
        var f = FixtureWorkspace.Parse(Glossary + "//- notes/a.md\n🌲 新しい[|コンピュ$0ータ|]を買う。\n", newline: newline);
        Hover(f).Should().Be("""
            `コンピュータ`: notation variant; the preferred form is **コンピューター** (GL0013)

            **コンピューター** | Computer

            - 計算機。

            ---

            Defined in `glossary/terms.md:3`

            """.Replace("\r\n", "\n"));
        NavigationService.GetDefinition(f.Index, f.Document, f.Cursor).Should().ContainSingle()
            .Which.Should().Be(new SourceLocation("glossary/terms.md", f.Index.FindDefinitions("コンピューター")[0].NameSpan));
    }

    [Fact]
    public void A_variant_wins_over_the_shorter_mention_inside_it_as_gl0013_reports_it()
    {
        var f = FixtureWorkspace.Parse(Glossary + "//- notes/a.md\n[|サー$0バーー|]を立てる。\n");
        Hover(f, markdown: false).Should().StartWith("サーバーー: notation variant; the preferred form is サーバー (GL0013)\n\nサーバー | Server\n");
    }

    [Fact]
    public void Hover_on_a_declared_form_names_where_it_is_declared_and_a_form_the_glossary_lacks_has_no_term()
    {
        var f = FixtureWorkspace.Parse(Glossary + "//- notes/a.md\n[|ハイ$0パラ|]を調べる。ベクターも。\n", Declared);
        Hover(f).Should().StartWith("`ハイパラ`: declared non-preferred in `glossary.yml:2`; the preferred form is **ハイパーパラメータ** (GL0013)\n\n**ハイパーパラメータ**\n");

        f = FixtureWorkspace.Parse(Glossary + "//- notes/a.md\nハイパラを調べる。[|ベク$0ター|]も。\n", Declared);
        Hover(f).Should().Be("`ベクター`: declared non-preferred in `glossary.yml:3`; the preferred form is **ベクトル** (GL0013)");
        NavigationService.GetDefinition(f.Index, f.Document, f.Cursor).Should().BeEmpty("no term defines ベクトル");
    }

    [Fact]
    public void No_variant_hover_inside_code_or_on_an_exact_mention()
    {
        var f = FixtureWorkspace.Parse(Glossary + "//- notes/a.md\n`コンピュ$0ータ` と書く。\n");
        HoverService.GetHover(f.Index, f.Document, f.Cursor, markdown: true).Should().BeNull();
        f = FixtureWorkspace.Parse(Glossary + "//- notes/a.md\n[|コンピュ$0ーター|]を買う。\n");
        Hover(f).Should().StartWith("**コンピューター** | Computer\n");
    }

    private static string Hover(FixtureWorkspace f, bool markdown = true)
    {
        var h = HoverService.GetHover(f.Index, f.Document, f.Cursor, markdown);
        h.Should().NotBeNull();
        new FixtureSpan(f.Document.Path, h!.Span).Should().Be(f.Fixture.Span(), "the hover's range is the variant");
        return h.Contents;
    }
}
