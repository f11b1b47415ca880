using static GlossaryLsp.Tests.Rules.RuleFixture;

namespace GlossaryLsp.Tests.Rules;

/// <summary>A broken link's retarget fix keeps the style of the address the link was resolved by.</summary>
public class LinkRetargetTests
{
    private static readonly string FineTuning = A("ファインチューニング | Fine-Tuning");
    private static readonly string Old = A("ファインチューニング | Fine-tuning");

    [Theory]
    [InlineData(" https://example.org/glossary/ml.md#", "https://example.org/glossary/ml.md#")]
    [InlineData("ml.md#", "#")]
    public void A_link_resolved_as_a_url_is_retargeted_to_a_url_and_a_relative_one_to_a_path(string before, string after)
    {
        var f = Create($$"""
            //- glossary/ml.md
            <!-- 記事URL:https://example.org/glossary/ml.md# -->

            ## ファインチューニング | Fine-Tuning<a id="{{FineTuning}}"></a>

            - 学習済みの重みから学習を続ける 🌱

            ## 転移学習 | Transfer Learning

            - <a href="{{before}}{{Old}}">ファインチューニング</a>を使う。
            """);
        var fix = f.Analyze().Should().ContainSingle(d => d.Id == "GL0002").Subject.Fixes.Should().ContainSingle().Subject;
        f.Apply(fix).Text("glossary/ml.md").Should().Contain($"<a href=\"{after}{FineTuning}\">ファインチューニング</a>");
    }
}
