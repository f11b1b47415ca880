using GlossaryLsp.Core.Config;
using static GlossaryLsp.Tests.Rules.RuleFixture;

namespace GlossaryLsp.Tests.Rules;

public class GL0014UnknownKeywordTests
{
    private const string Workspace = """
        //- glossary/training.md
        <!-- 記事URL:https://example.org/glossary/training.md# -->

        ## 過学習 | Overfitting
        <!-- 読み:かがくしゅう -->

        - 学習データに合わせすぎた状態 ✅

        ## ファインチューニング | Fine-tuning

        - 追加で学習すること。
        //- terms/distillation.md
        ---
        title: 🌲 知識蒸留
        term: ちしきじょうりゅう
        keywords:
          - 過学習
          - overfitting
          - カガクシュウ
          - ﾌｧｲﾝﾁｭｰﾆﾝｸﾞ
          - fine tuning
          - {|GL0014:教師モデル ✅|}
          - "{|GL0014:🌲 生徒モデル|}"
          - 🌲 知識蒸留
        type: glossary
        ---

        大きなモデルの知識を小さなモデルへ移す。
        //- terms/augmentation.md
        ---
        title: データ拡張
        keywords: [ちしきじょうりゅう, {|GL0014:水増し|}, 'Overfitting', "{|GL0014:ミックスアップ|}"]
        type: glossary
        ---

        データを増やす。
        """;

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Reports_keywords_that_name_no_entry_word_or_reading_with_exact_ranges(string newline)
    {
        var f = Check(Workspace, newline, "GL0014");
        var d = f.Analyze().First(x => x.Id == "GL0014" && x.Path == "terms/distillation.md");
        d.Severity.Should().Be(DiagnosticSeverity.Information);
        d.Message.Should().Be("Keyword '教師モデル ✅' names no term of the workspace");
        d.Path.Should().Be("terms/distillation.md");
    }

    [Fact]
    public void Keywords_of_an_article_are_not_checked()
    {
        Check("""
            //- notes/zenn.md
            ---
            title: 記事
            keywords: [未知語]
            topics: [ml]
            ---
            本文。
            """, "\n", "GL0014");
    }

    [Fact]
    public void Suppressed_by_yaml_comments_in_the_front_matter_and_by_config()
    {
        Check("""
            //- terms/distillation.md
            ---
            title: 知識蒸留
            keywords:
              # glossary-disable-next-line unknown-keyword
              - 教師モデル
              - {|GL0014:生徒モデル|}
            # glossary-disable GL0014
              - モデル圧縮
            # glossary-enable GL0014
              - {|GL0014:🌲 量子化|}
            type: glossary
            ---
            本文。
            """, "\r\n", "GL0014");
        var off = GlossaryConfigLoader.Parse("rules:\n  unknown-keyword: off\n", "glossary.yml");
        Create(Workspace, "\n", off).Actual("GL0014").Should().BeEmpty();
    }
}
