using static GlossaryLsp.Tests.Rules.RuleFixture;

namespace GlossaryLsp.Tests.Rules;

public class GL0005DuplicateAcrossDocumentsTests
{
    private static readonly string Fixture = """
        //- glossary/training.md
        <!-- 記事URL:https://example.org/glossary/training.md# -->

        ## {|GL0005:過学習|} | {|GL0005:Overfitting|}

        - 学習データに合わせすぎて未知のデータで外す状態 ✅

        ## 汎化 | Generalization

        - 未知のデータへの当てはまり。
        //- notes/exam.md
        <!-- 記事URL:https://example.org/notes/exam.md# -->

        ## {|GL0005:過学習|} | {|GL0005:OVERFITTING|}

        - 試験対策ノートの定義 🌲
        //- terms/overfitting.md
        ---
        title: {|GL0005:過学習|}
        e-title: {|GL0005:Overfitting|}
        term: かがくしゅう
        type: glossary
        ---

        学習データに過剰に適合した状態です。
        """;

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Reports_every_entry_word_defined_in_another_document(string newline)
    {
        var f = Check(Fixture, newline, "GL0005");
        var d = f.Analyze().Single(d => d.Id == "GL0005" && d.Path == "glossary/training.md" && f.Index.GetDocument(d.Path)!.GetText(d.Span) == "過学習");
        d.Message.Should().Be("Entry word '過学習' is also defined in notes/exam.md and terms/overfitting.md");
        d.Related.Select(r => (r.Path, f.Index.GetDocument(r.Path)!.GetText(r.Span))).Should().Equal(("notes/exam.md", "過学習"), ("terms/overfitting.md", "過学習"));
        var english = f.Analyze().Single(d => d.Id == "GL0005" && d.Path == "notes/exam.md" && f.Index.GetDocument(d.Path)!.GetText(d.Span) == "OVERFITTING");
        english.Related.Select(r => (r.Path, f.Index.GetDocument(r.Path)!.GetText(r.Span)))
            .Should().Equal(("glossary/training.md", "Overfitting"), ("terms/overfitting.md", "Overfitting"));
    }

    [Fact]
    public void A_reading_that_matches_nothing_else_and_words_defined_once_are_not_reported()
    {
        Check("""
            //- glossary/training.md
            <!-- 記事URL:https://example.org/glossary/training.md# -->

            ## 学習率 | Learning Rate

            - 重みを動かす幅 ✅
            //- terms/distillation.md
            ---
            title: 知識蒸留
            e-title: Knowledge Distillation
            term: ちしきじょうりゅう
            type: glossary
            ---

            大きなモデルの出力を小さなモデルに学ばせる手法 🌲
            """, "\r\n", "GL0005");
    }
}
