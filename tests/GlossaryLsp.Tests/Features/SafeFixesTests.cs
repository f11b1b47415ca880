using GlossaryLsp.Core.Features;
using GlossaryLsp.Core.Rules;
using static GlossaryLsp.Tests.Rules.RuleFixture;

namespace GlossaryLsp.Tests.Features;

/// <summary><see cref="SafeFixes"/>: the safe fixes of the rules, to a fixed point across files, in memory.</summary>
public class SafeFixesTests
{
    // glossary/a.md: a heading edited by hand (stale id, linked from b.md), a link whose text names
    // exactly one term (safe retarget), a link whose text names two terms (unsafe: no --fix).
    private static readonly string Fixture = $$"""
        //- glossary/a.md
        <!-- 記事URL:https://example.org/glossary/a.md# -->

        ## 転移学習 | Transfer Learning | TL<a id="{{A("転移学習 | Transfer Learning")}}"></a>

        - 学習済みの重みを使う。<a href="https://example.org/glossary/a.md#{{A("消えた")}}">蒸留</a>と併用する。

        ## 蒸留 | Distillation<a id="{{A("蒸留 | Distillation")}}"></a>

        - 大きなモデルから小さなモデルへ 🌲
        //- glossary/b.md
        <!-- 記事URL:https://example.org/glossary/b.md# -->

        ## 重み | Weight<a id="{{A("重み | Weight")}}"></a>

        - <a href="https://example.org/glossary/a.md#{{A("転移学習 | Transfer Learning")}}">転移学習</a>で再利用される ✅。<a href="https://example.org/glossary/b.md#{{A("ない")}}">バイアス</a>も。
        //- glossary/c.md
        <!-- 記事URL:https://example.org/glossary/c.md# -->

        ## バイアス | Bias<a id="{{A("バイアス | Bias")}}"></a>

        - 偏り。
        //- glossary/d.md
        <!-- 記事URL:https://example.org/glossary/d.md# -->

        ## バイアス | Bias<a id="{{A("バイアス | Bias")}}"></a>

        - 同じ語の別の定義。
        """;

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Applies_every_safe_fix_across_files_until_none_is_left(string newline)
    {
        var f = Create(Fixture, newline);
        var start = WorkspaceDiagnostics.Create(f.Index);
        var paths = f.Index.Documents.Keys.ToList();
        var result = SafeFixes.Apply(start, paths, _ => true);

        result.Converged.Should().BeTrue();
        result.Applied.Select(a => (a.Diagnostic.Path, a.Diagnostic.Id)).Should().BeEquivalentTo([("glossary/a.md", "GL0003"), ("glossary/a.md", "GL0002")]);
        result.ChangedPaths.Should().Equal("glossary/a.md", "glossary/b.md");
        var (oldId, newId) = (A("転移学習 | Transfer Learning"), A("転移学習 | Transfer Learning | TL"));
        result.Final.Index.GetDocument("glossary/a.md")!.Text.Should().Be(
            f.Text("glossary/a.md").Replace(oldId, newId).Replace(A("消えた"), A("蒸留 | Distillation")));
        result.Final.Index.GetDocument("glossary/b.md")!.Text.Should().Be(f.Text("glossary/b.md").Replace(oldId, newId));
        result.Final.All.SelectMany(r => r.Diagnostics).Select(d => (d.Path, d.Id)).Where(d => d.Id is "GL0002" or "GL0003")
            .Should().Equal([("glossary/b.md", "GL0002")], "'バイアス' names two terms: the retarget is offered in the editor, not applied unreviewed");
        Describe(result.Final).Should().Equal(Describe(WorkspaceDiagnostics.Create(result.Final.Index)), "the incremental result equals a full analysis");

        SafeFixes.Apply(result.Final, paths, _ => true).ChangedPaths.Should().BeEmpty("a second run changes nothing");
    }

    private static List<string> Describe(WorkspaceDiagnostics d) =>
        [.. d.All.SelectMany(r => r.Diagnostics).Select(x => $"{x.Path}:{x.Span}:{x.Id}:{x.Message}")];

    [Fact]
    public void A_fix_that_would_edit_a_document_that_may_not_be_edited_is_not_applied_even_in_part()
    {
        var f = Create(Fixture);
        var result = SafeFixes.Apply(WorkspaceDiagnostics.Create(f.Index), ["glossary/a.md"], p => p == "glossary/a.md");

        result.Applied.Select(a => a.Diagnostic.Id).Should().Equal("GL0002");
        result.Blocked.Should().ContainSingle().Which.Should().Match<BlockedFix>(b => b.Diagnostic.Id == "GL0003" && b.Path == "glossary/b.md");
        result.ChangedPaths.Should().Equal("glossary/a.md");
        result.Final.Index.GetDocument("glossary/a.md")!.Text.Should().Contain(A("転移学習 | Transfer Learning") + "\"", "the id stays until its links may move too");
    }

    [Fact]
    public void Only_fixes_the_rule_marks_safe_are_safe()
    {
        var f = Create(Fixture);
        var fixes = f.Analyze().SelectMany(d => d.Fixes.Select(x => (d.Id, x.IsSafe))).ToList();
        fixes.Should().BeEquivalentTo([("GL0003", true), ("GL0002", true), ("GL0002", false)]);
    }
}
