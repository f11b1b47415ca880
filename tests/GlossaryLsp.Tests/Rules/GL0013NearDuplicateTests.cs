using static GlossaryLsp.Tests.Rules.RuleFixture;

namespace GlossaryLsp.Tests.Rules;

/// <summary>GL0013's near-duplicate definitions: two terms whose entry words are variants of each other, reported on the later one.</summary>
public class GL0013NearDuplicateTests
{
    private const string Fixture = """
        //- glossary/a.md
        <!-- 記事URL:https://example.org/glossary/a.md# -->

        ## サーバ | Fine-tuning

        - 提供する計算機 ✅

        ## コンピュータ

        - 計算機。

        ## {|GL0013:コンピューター|}

        - 同じ文書の後の定義 🌲

        ## キー | AI

        - 短い語は変種を持たない。
        //- glossary/b.md
        <!-- 記事URL:https://example.org/glossary/b.md# -->

        ## {|GL0013:サーバー|} | {|GL0013:Finetuning|}

        - 後の定義。

        ## キイ | A.I

        - 短い語。
        //- terms/server.md
        ---
        title: {|GL0013:サーヴァー|}
        type: glossary
        ---

        三つ目の綴り。
        """;

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void The_later_definition_is_reported_with_the_earlier_ones_as_related(string newline)
    {
        var f = Check(Fixture, newline, "GL0013");
        var b = f.Analyze().Single(d => d.Id == "GL0013" && d.Path == "glossary/b.md" && f.Text(d.Path).Substring(d.Span.Start, d.Span.Length) == "サーバー");
        b.Message.Should().Be("Entry word 'サーバー' is a notation variant of 'サーバ', defined in glossary/a.md; keep one spelling (the other can be an alias)");
        b.Related.Select(r => (r.Path, f.Text(r.Path).Substring(r.Span.Start, r.Span.Length), r.Message)).Should().Equal(("glossary/a.md", "サーバ", "'サーバ' is defined here (サーバ)"));
        var page = f.Analyze().Single(d => d.Id == "GL0013" && d.Path == "terms/server.md");
        page.Message.Should().Be("Entry word 'サーヴァー' is a notation variant of 'サーバ', defined in glossary/a.md and glossary/b.md; keep one spelling (the other can be an alias)");
        page.Related.Select(r => r.Path).Should().Equal("glossary/a.md", "glossary/b.md");
        page.Fixes.Should().BeEmpty();
    }

    [Fact]
    public void The_same_word_defined_twice_is_duplicate_across_documents_not_a_near_duplicate()
    {
        Check("""
            //- glossary/a.md
            <!-- 記事URL:https://example.org/glossary/a.md# -->

            ## サーバー

            - 一つ目。
            //- glossary/b.md
            <!-- 記事URL:https://example.org/glossary/b.md# -->

            ## サーバー | サーバ

            - 二つ目、別の綴りも別名に持つ。
            """, "\n", "GL0013");
    }
}
