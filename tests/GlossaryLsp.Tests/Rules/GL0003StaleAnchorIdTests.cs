using static GlossaryLsp.Tests.Rules.RuleFixture;

namespace GlossaryLsp.Tests.Rules;

public class GL0003StaleAnchorIdTests
{
    private static readonly string Fixture = $$"""
        //- glossary/training.md
        <!-- 記事URL:https://example.org/glossary/training.md# -->

        🌲 学習の基本用語 ✅

        ## 学習率 | Learning Rate | LR<a id="{|GL0003:{{A("学習率 | Learning Rate")}}|}"></a>

        - 一回の更新で重みをどれだけ動かすかを決める係数 🌲

        ## 過学習 | Overfitting<a id="{{A("過学習 | Overfitting")}}"></a>

        - 未知のデータで性能が落ちる状態。[学習率](#{{A("学習率 | Learning Rate")}})を下げると抑えられることもある。

        ## 早期終了 | Early Stopping

        - 検証データの損失が下がらなくなった時点で学習を止める。
        //- articles/post.md
        # 学習率の決め方

        [学習率](../glossary/training.md#{{A("学習率 | Learning Rate")}})は小さめから試す ✅
        """;

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Reports_an_id_that_is_not_the_anchor_of_the_current_heading_text(string newline)
    {
        var f = Check(Fixture, newline, "GL0003");
        f.Single("GL0003").Message.Should().Be(
            $"Heading id is not the anchor of the heading text '学習率 | Learning Rate | LR' (it encodes '学習率 | Learning Rate'); expected '{A("学習率 | Learning Rate | LR")}'");
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Fix_regenerates_the_id_and_moves_the_links_that_used_the_old_one(string newline)
    {
        var f = Create(Fixture, newline);
        var fix = f.Single("GL0003").Fixes.Should().ContainSingle().Subject;
        fix.EditsIn(f.Index).Select(e => (e.Path, e.Edits.Length)).Should().Equal(("glossary/training.md", 2), ("articles/post.md", 1));

        var fixedWorkspace = f.Apply(fix);
        var oldAnchor = A("学習率 | Learning Rate");
        var newAnchor = A("学習率 | Learning Rate | LR");
        fixedWorkspace.Text("glossary/training.md").Should().Be(f.Text("glossary/training.md").Replace(oldAnchor, newAnchor));
        fixedWorkspace.Text("articles/post.md").Should().Be(f.Text("articles/post.md").Replace(oldAnchor, newAnchor));
        fixedWorkspace.Actual().Should().BeEmpty("the fix leaves no stale id and breaks no link");
    }

    [Fact]
    public void The_fix_moves_the_links_of_the_workspace_as_it_is_when_the_fix_is_applied()
    {
        var f = Create(Fixture);
        var fix = f.Single("GL0003").Fixes.Single();
        // A link to the old id written after the analysis, in a new article, is moved too; one that resolves elsewhere is not.
        var oldAnchor = A("学習率 | Learning Rate");
        var later = "# 後から\n\n[学習率](../glossary/training.md#" + oldAnchor + ") と [別](../glossary/other.md#" + oldAnchor + ")\n";
        var index = f.Index.WithDocument(GlossaryLsp.Core.Workspace.WorkspaceLoader.ParseText("articles/later.md", later, f.Index.Config));
        var edits = fix.EditsIn(index);
        edits.Select(e => e.Path).Should().Equal("glossary/training.md", "articles/later.md", "articles/post.md");
        var moved = edits.Single(e => e.Path == "articles/later.md").Edits.Should().ContainSingle().Subject;
        later.Substring(moved.Span.Start, moved.Span.Length).Should().Be(oldAnchor);
        moved.Span.Start.Should().Be(later.IndexOf(oldAnchor, StringComparison.Ordinal));
        moved.NewText.Should().Be(A("学習率 | Learning Rate | LR"));
        // The analysis itself holds only the id's own edit.
        fix.Edits.Should().ContainSingle().Which.Path.Should().Be("glossary/training.md");
    }

    [Fact]
    public void The_link_edits_of_many_fixes_found_in_one_pass_equal_each_fix_on_its_own()
    {
        // Two stale ids, one percent-encoded link, and a link to the same old id in another document that must not move.
        var f = Create($$"""
            //- glossary/a.md
            <!-- 記事URL:https://example.org/glossary/a.md# -->

            ## 学習率 | LR<a id="{|GL0003:{{A("学習率")}}|}"></a>

            ## 過学習 | Overfitting<a id="{|GL0003:{{A("過学習")}}|}"></a>

            - [学習率](#{{A("学習率")}})、[過学習](#{{Uri.EscapeDataString(A("過学習"))}}) 🌲
            //- glossary/b.md
            <!-- 記事URL:https://example.org/glossary/b.md# -->

            ## 学習率<a id="{{A("学習率")}}"></a>

            - 別の定義。
            //- articles/post.md
            [学習率](../glossary/a.md#{{A("学習率")}})と[別](../glossary/b.md#{{A("学習率")}})と[過学習](https://example.org/glossary/a.md#{{A("過学習")}}) ✅
            """);
        var fixes = f.Analyze().Where(d => d.Id == "GL0003").Select(d => d.Fixes.Single()).ToList();
        fixes.Should().HaveCount(2);
        var all = Core.Rules.AnchorRetarget.LinkEditsOfAll(fixes.Select(x => x.Retarget!), f.Index);
        foreach (var fix in fixes)
        {
            var together = fix.EditsIn(f.Index, all);
            together.Should().BeEquivalentTo(fix.EditsIn(f.Index), o => o.WithStrictOrdering());
            together.Sum(e => e.Edits.Length).Should().Be(3, "the id and two links for each");
        }
    }

    [Fact]
    public void Headings_with_a_current_id_or_no_id_are_not_reported()
    {
        Check($$"""
            //- glossary/a.md
            <!-- 記事URL:https://example.org/glossary/a.md# -->

            ## 転移学習 | Transfer Learning<a id="{{A("転移学習 | Transfer Learning")}}"></a>

            - ある課題で得た知識を別の課題に使う 🌲

            ## ドメイン適応 | Domain Adaptation

            - 分布の違う二つのデータの間で知識を移す。
            """, "\r\n", "GL0003");
    }

    [Fact]
    public void Ordinary_headings_of_articles_keep_their_own_ids()
    {
        Check("""
            //- articles/post.md
            ## 概要<a id="summary"></a>

            本文 ✅
            """, "\n", "GL0003");
    }
}
