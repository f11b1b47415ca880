using static GlossaryLsp.Tests.Rules.RuleFixture;

namespace GlossaryLsp.Tests.Rules;

public class GL0001BrokenLinkTests
{
    private static readonly string FineTuning = A("ファインチューニング | Fine-tuning");
    private static readonly string LearningRate = A("学習率 | Learning Rate");

    private static readonly string Fixture = $$"""
        //- glossary/transfer.md
        <!-- 記事URL:https://example.org/glossary/transfer.md# -->

        ## ファインチューニング | Fine-tuning<a id="{{FineTuning}}"></a>

        - 学習済みの重みから学習を続ける手法 ✅
        - 更新を止めた層は🌲<a href="{|GL0001:https://example.org/glossary/training-issue.md#{{LearningRate}}|}">学習率</a>が0の層と同じ。
        - 詳しくは[転移学習入門]({|GL0001:../articles/transfer-learning-introduction.md|})を参照。
        - <a href="https://example.org/glossary/training.md#{{LearningRate}}">学習率</a>は正しいリンク。
        //- glossary/training.md
        <!-- 記事URL:https://example.org/glossary/training.md# -->

        ## 学習率 | Learning Rate<a id="{{LearningRate}}"></a>

        - 一回の更新で重みを動かす幅。
        //- terms/distillation.md
        ---
        title: 知識蒸留
        e-title: Knowledge Distillation
        type: glossary
        url: /ja/glossary/Knowledge-Distillation/
        ---

        大きなモデルの出力を小さなモデルに学ばせる手法。
        //- articles/post.md
        # ファインチューニング入門 ✅

        [ファインチューニング](../glossary/transfer.md#{{FineTuning}})と[知識蒸留](/ja/glossary/Knowledge-Distillation/)は宣言どおり。
        🌲[データ拡張]({|GL0001:/ja/glossary/Data-Augmentation/|})はどのページも宣言していない。
        [壊れたアンカー付き]({|GL0001:../glossary/missing.md#not-base64!|})は文書が無いので GL0006 にはならない。
        [外]({|GL0001:../../etc/passwd|})と[PyTorch](https://pytorch.org/docs/)と[メール](mailto:a@example.org)。
        """;

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Reports_exactly_the_links_whose_target_document_does_not_exist(string newline)
    {
        Check(Fixture, newline);
    }

    [Fact]
    public void Messages_name_the_document_looked_for_or_the_path_outside_the_workspace()
    {
        var f = Create(Fixture);
        f.Analyze().Where(d => d.Id == "GL0001").Select(d => (d.Path, d.Message)).Should().Equal(
            ("articles/post.md", "Link target not found: no document at '/ja/glossary/Data-Augmentation/'"),
            ("articles/post.md", "Link target not found: no document at 'glossary/missing.md'"),
            ("articles/post.md", "Link target '../../etc/passwd' is outside the workspace; it is not checked or read"),
            ("glossary/transfer.md", "Link target not found: no document at 'https://example.org/glossary/training-issue.md'"),
            ("glossary/transfer.md", "Link target not found: no document at 'articles/transfer-learning-introduction.md'"));
        f.Analyze().Where(d => d.Id == "GL0001").Should().OnlyContain(d => d.Severity == Core.Config.DiagnosticSeverity.Error && d.Fixes.IsEmpty,
            "the intended document cannot be guessed");
    }
}
