using static GlossaryLsp.Tests.Rules.RuleFixture;

namespace GlossaryLsp.Tests.Rules;

public class GL0011EmptyDefinitionTests
{
    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Reports_terms_with_nothing_but_white_space_or_comments_before_the_next_heading(string newline)
    {
        var f = Check($$"""
            //- glossary/drift.md
            <!-- 記事URL:https://example.org/glossary/drift.md# -->

            ## {|GL0011:データドリフト ✅ | Data Drift|}<a id="{{A("データドリフト ✅ | Data Drift")}}"></a>

            ## コンセプトドリフト | Concept Drift

            - 入力と正解の対応関係そのものが時間とともに変わる現象 🌲

            ## {|GL0011:モデル崩壊|}
            <!-- TODO: 定義を書く -->

            ## 継続学習 | Continual Learning

            ### 関連

            - 破滅的忘却

            ## {|GL0011:🌲 最後の用語|}
            """, newline, "GL0011");
        f.Analyze().Where(d => d.Id == "GL0011").Select(d => d.Message).Should().Equal(
            "Term 'データドリフト ✅' has an empty definition (nothing before the next heading)",
            "Term 'モデル崩壊' has an empty definition (nothing before the next heading)",
            "Term '🌲 最後の用語' has an empty definition (nothing before the next heading)");
    }

    [Fact]
    public void Reports_a_glossary_page_without_body()
    {
        var f = Check("""
            //- terms/distillation.md
            ---
            title: {|GL0011:知識蒸留|}
            type: glossary
            ---

            """, "\r\n", "GL0011");
        f.Single("GL0011").Message.Should().Be("Term '知識蒸留' has an empty definition (the page body has no first paragraph or section)");
    }

    [Fact]
    public void Suppression_comments_and_config_silence_it()
    {
        Check("""
            //- glossary/drift.md
            <!-- 記事URL:https://example.org/glossary/drift.md# -->

            <!-- glossary-disable-next-line empty-definition -->
            ## データドリフト | Data Drift

            <!-- glossary-disable GL0011 -->
            ## モデル崩壊

            ## 勾配消失
            <!-- glossary-enable -->

            ## {|GL0011:勾配爆発 ✅|}
            """, "\r\n", "GL0011");
        var off = Core.Config.GlossaryConfigLoader.Parse("rules:\n  empty-definition: off\n", "glossary.yml");
        Create("""
            //- glossary/drift.md
            <!-- 記事URL:https://example.org/glossary/drift.md# -->

            ## データドリフト | Data Drift
            """, "\n", off).Analyze().Should().BeEmpty();
    }
}
