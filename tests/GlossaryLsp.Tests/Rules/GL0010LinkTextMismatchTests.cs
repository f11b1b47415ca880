using static GlossaryLsp.Tests.Rules.RuleFixture;

namespace GlossaryLsp.Tests.Rules;

public class GL0010LinkTextMismatchTests
{
    private static readonly string LearningRate = A("学習率 | Learning Rate");
    private static readonly string FineTuning = A("ファインチューニング | Fine-tuning");
    private static readonly string LearningRateHref = "https://example.org/glossary/training-issues.md#" + LearningRate;

    private static readonly string Fixture = $$"""
        //- glossary/training-issues.md
        <!-- 記事URL:https://example.org/glossary/training-issues.md# -->

        ## 学習率 | Learning Rate<a id="{{LearningRate}}"></a>

        - 一回の更新で重みを動かす幅 ✅

        ## ファインチューニング | Fine-tuning<a id="{{FineTuning}}"></a>

        - 更新幅は🌲<a href="{{LearningRateHref}}">{|GL0010:ステップ幅|}</a>とも呼ばれる。
        - <a href="{{LearningRateHref}}">learning-rate</a>と<a href="{{LearningRateHref}}"><b>学習率</b></a>は表記の違いだけ。
        //- terms/distillation.md
        ---
        title: 知識蒸留
        e-title: Knowledge Distillation
        type: glossary
        ---

        大きなモデルの出力を小さなモデルに学ばせる手法。
        //- articles/post.md
        # ファインチューニング入門

        ## 概要

        [FINE TUNING](../glossary/training-issues.md#{{FineTuning}})、[knowledge_distillation](../terms/distillation.md)、[どこか別の節](#概要)は合っている。
        [{|GL0010:蒸留|}](../terms/distillation.md)と[{|GL0010:🌲 微調整|}](../glossary/training-issues.md#{{FineTuning}})は見出し語ではない。
        """;

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Reports_link_texts_that_are_no_entry_word_of_the_linked_term(string newline)
    {
        Check(Fixture, newline);
    }

    [Fact]
    public void Message_lists_the_entry_words_and_the_fix_writes_the_headword()
    {
        var f = Create(Fixture);
        var diagnostics = f.Analyze().Where(d => d.Id == "GL0010").ToList();
        diagnostics.Select(d => d.Message).Should().Equal(
            "Link text '蒸留' is not an entry word of '知識蒸留' (知識蒸留 | Knowledge Distillation)",
            "Link text '🌲 微調整' is not an entry word of 'ファインチューニング' (ファインチューニング | Fine-tuning)",
            "Link text 'ステップ幅' is not an entry word of '学習率' (学習率 | Learning Rate)");
        diagnostics.Should().OnlyContain(d => d.Severity == Core.Config.DiagnosticSeverity.Warning);
        var issues = f.Index.GetDocument("glossary/training-issues.md")!;
        diagnostics[2].Related.Should().ContainSingle().Which.Should().Match<Core.Rules.RelatedLocation>(r =>
            r.Path == "glossary/training-issues.md" && issues.GetText(r.Span) == "学習率 | Learning Rate" && r.Message == "'学習率' is defined here");
        var fix = diagnostics[2].Fixes.Should().ContainSingle().Subject;
        fix.Title.Should().Be("Use the headword '学習率'");
        f.Apply(fix).Text("glossary/training-issues.md").Should().Be(f.Text("glossary/training-issues.md").Replace(">ステップ幅<", ">学習率<"));
    }

    [Fact]
    public void A_term_with_many_aliases_is_named_by_its_first_ten_entry_words_and_any_alias_as_link_text_is_accepted()
    {
        var aliases = string.Join(" | ", Enumerable.Range(1, 29).Select(i => $"別名{i}")) + " | Fine-tuning";
        var f = Create($$"""
            //- glossary/g.md
            <!-- 記事URL:https://example.org/glossary/g.md# -->

            ## 語 | {{aliases}}<a id="go"></a>

            - 定義。
            //- articles/post.md
            [{|GL0010:別名🌲|}](../glossary/g.md#go)、[別名29](../glossary/g.md#go)、[fine tuning](../glossary/g.md#go)。
            """);
        f.Analyze().Where(d => d.Id == "GL0010").Select(d => d.Message).Should().Equal(
            "Link text '別名🌲' is not an entry word of '語' (語 | 別名1 | 別名2 | 別名3 | 別名4 | 別名5 | 別名6 | 別名7 | 別名8 | 別名9 and 21 more)");
    }
}
