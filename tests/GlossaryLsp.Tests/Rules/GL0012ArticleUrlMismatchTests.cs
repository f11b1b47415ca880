using GlossaryLsp.Core.Config;
using static GlossaryLsp.Tests.Rules.RuleFixture;

namespace GlossaryLsp.Tests.Rules;

public class GL0012ArticleUrlMismatchTests
{
    private static readonly string FineTuningHref = "https://example.org/docs/glossary/finetune.md.md#" + A("ファインチューニング | Fine-tuning");
    private static readonly string TransferHref = "https://example.org/docs/glossary/transfer.md#" + A("転移学習 | Transfer Learning");

    private static readonly string Fixture = $$"""
        //- glossary/transfer.md
        <!-- 記事URL:https://example.org/docs/glossary/transfer.md# -->

        ## 転移学習 | Transfer Learning

        - <a href="https://example.org/docs/glossary/finetune.md.md#{{A("ファインチューニング | Fine-tuning")}}">ファインチューニング</a>もその一つ ✅
        //- glossary/finetune.md
        <!-- 記事URL:{|GL0012:https://example.org/docs/glossary/finetune.md.md#|} -->

        ## ファインチューニング | Fine-tuning

        - 🌲<a href="{{FineTuningHref}}">Fine-tuning</a>は追加の学習。<a href="{{TransferHref}}">転移学習</a>の一種。
        //- glossary/issues.md
        <!-- 記事URL:https://example.org/docs/glossary/issues.md# -->

        ## 過学習 | Overfitting

        - 性能が落ちる状態。
        """;

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Reports_a_url_that_breaks_the_mapping_the_other_documents_agree_on(string newline)
    {
        var f = Check(Fixture, newline, "GL0012");
        f.Single("GL0012").Message.Should().Be(
            "Article URL 'https://example.org/docs/glossary/finetune.md.md#' does not match the path glossary/finetune.md: the mapping the other documents follow gives 'https://example.org/docs/glossary/finetune.md#'; 2 links use the wrong URL");
        f.Actual("GL0001", "GL0002").Should().BeEmpty("the wrong URL still resolves through the comment");
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Fix_rewrites_the_comment_and_every_link_that_used_the_wrong_url(string newline)
    {
        var f = Create(Fixture, newline);
        var fix = f.Single("GL0012").Fixes.Should().ContainSingle().Subject;
        fix.Title.Should().Be("Use the article URL https://example.org/docs/glossary/finetune.md# and update 2 links");
        var after = f.Apply(fix);
        foreach (var path in new[] { "glossary/transfer.md", "glossary/finetune.md", "glossary/issues.md" })
            after.Text(path).Should().Be(f.Text(path).Replace("finetune.md.md#", "finetune.md#"));
        after.Actual().Should().BeEmpty("after the fix every link resolves and the URL follows the mapping");
    }

    [Fact]
    public void Nothing_is_reported_when_fewer_than_two_documents_agree()
    {
        var twoDocuments = Fixture[..Fixture.IndexOf("//- glossary/issues.md", StringComparison.Ordinal)];
        Check(twoDocuments.Replace("{|GL0012:", "").Replace("|}", ""), "\n", "GL0012");
    }

    [Fact]
    public void A_configured_base_url_wins_over_agreement()
    {
        var config = GlossaryConfig.Default with { BaseUrls = [new BaseUrlMapping("https://glossary.example.jp/", "glossary")] };
        var f = Create(Fixture, "\r\n", config);
        f.Analyze().Where(d => d.Id == "GL0012").Select(d => d.Path).Should().Equal("glossary/finetune.md", "glossary/issues.md", "glossary/transfer.md");
        f.Analyze().First(d => d.Id == "GL0012").Message.Should().StartWith(
            "Article URL 'https://example.org/docs/glossary/finetune.md.md#' does not match the path glossary/finetune.md: the baseUrls of the configuration gives 'https://glossary.example.jp/finetune.md#'");
    }
}
