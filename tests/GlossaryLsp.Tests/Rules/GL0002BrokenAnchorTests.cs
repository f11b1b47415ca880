using static GlossaryLsp.Tests.Rules.RuleFixture;

namespace GlossaryLsp.Tests.Rules;

public class GL0002BrokenAnchorTests
{
    private static readonly string FineTuning = A("ファインチューニング | Fine-Tuning");
    /// <summary>The anchor of the heading before its edit: one letter's case differs.</summary>
    private static readonly string OldFineTuning = A("ファインチューニング | Fine-tuning");
    private static readonly string Unfreezing = A("段階的解凍 | Gradual Unfreezing");

    private static readonly string Fixture = $$"""
        //- glossary/transfer-learning.md
        <!-- 記事URL:https://example.org/glossary/transfer-learning.md# -->

        ## ファインチューニング | Fine-Tuning<a id="{{FineTuning}}"></a>

        - 学習済みの重みから学習を続ける手法 ✅

        ## 段階的解凍 | Gradual Unfreezing<a id="{{Unfreezing}}"></a>

        - 安定した🌲<a href="{|GL0002:https://example.org/glossary/transfer-learning.md#{{OldFineTuning}}|}">ファインチューニング</a>につながる。
        - <a href="https://example.org/glossary/transfer-learning.md#{{FineTuning}}">Fine-Tuning</a>は正しいリンク。
        //- articles/post.md
        # ファインチューニング入門 ✅

        ## 概要

        [概要](#概要)と[段階的解凍](../glossary/transfer-learning.md#{{Unfreezing}})は解決する。
        [無い節]({|GL0002:#missing-section|})と[名前の無い用語]({|GL0002:../glossary/transfer-learning.md#{{A("存在しない用語")}}|})は解決しない。
        """;

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Reports_exactly_the_links_whose_document_exists_but_has_no_such_anchor(string newline)
    {
        Check(Fixture, newline);
    }

    [Fact]
    public void Messages_decode_a_base64_anchor_and_point_at_the_linked_document()
    {
        var f = Create(Fixture);
        var diagnostics = f.Analyze().Where(d => d.Id == "GL0002").ToList();
        diagnostics.Select(d => d.Message).Should().Equal(
            "No term or heading with anchor '#missing-section' in articles/post.md",
            $"No term or heading with anchor '#{A("存在しない用語")}' ('存在しない用語') in glossary/transfer-learning.md",
            $"No term or heading with anchor '#{OldFineTuning}' ('ファインチューニング | Fine-tuning') in glossary/transfer-learning.md");
        diagnostics[2].Related.Should().ContainSingle().Which.Should().Be(
            new Core.Rules.RelatedLocation("glossary/transfer-learning.md", default, "the linked document"));
    }

    [Fact]
    public void The_fix_retargets_a_link_whose_text_names_a_term_in_the_links_own_style()
    {
        var f = Create(Fixture);
        var diagnostics = f.Analyze().Where(d => d.Id == "GL0002").ToList();
        diagnostics[0].Fixes.Should().BeEmpty("the link text names no term");
        diagnostics[1].Fixes.Should().BeEmpty("the link text names no term");
        var fix = diagnostics[2].Fixes.Should().ContainSingle().Subject;
        fix.Title.Should().Be("Link to 'ファインチューニング' in glossary/transfer-learning.md");
        var after = f.Apply(fix);
        after.Text("glossary/transfer-learning.md").Should().Be(f.Text("glossary/transfer-learning.md").Replace(OldFineTuning, FineTuning));
        after.Actual("GL0002").Should().HaveCount(2);
    }
}
