using static GlossaryLsp.Tests.Rules.RuleFixture;

namespace GlossaryLsp.Tests.Rules;

public class GL0008FrontMatterTests
{
    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Reports_invalid_yaml_on_its_line_and_a_glossary_page_without_title(string newline)
    {
        var f = Check("""
            //- terms/distillation.md
            ---
            {|GL0008:title: 知識蒸留: 大きなモデルから学ぶ ✅|}
            e-title: Knowledge Distillation
            type: glossary
            ---

            ## 知識蒸留とは
            //- terms/untitled.md
            ---
            e-title: Data Augmentation 🌲
            {|GL0008:type: glossary|}
            url: /ja/glossary/Data-Augmentation/
            ---

            手元のデータを変形して増やす手法。
            //- terms/empty-title.md
            ---
            {|GL0008:title: ""|}
            type: glossary
            ---

            本文。
            """, newline, "GL0008");
        f.Analyze().Where(d => d.Id == "GL0008").Select(d => d.Message).Should().Equal(
            "Front matter is not valid YAML: While scanning a plain scalar value, found invalid mapping.",
            "Glossary page has an empty 'title'; it defines no term",
            "Glossary page (type: glossary) has no 'title'; it defines no term");
    }

    [Fact]
    public void Valid_front_matter_of_any_shape_is_not_reported()
    {
        Check("""
            //- articles/zenn.md
            ---
            title: "転移学習はじめの一歩 — 事前学習済みモデルを借りる"
            emoji: "🌲"
            type: "tech"
            topics: ["machinelearning", "transferlearning"]
            published: true
            ---

            本文 ✅
            //- terms/distillation.md
            ---
            title: 知識蒸留
            type: glossary
            ---

            大きなモデルから学ぶ。
            //- articles/no-front-matter.md
            # 見出し

            本文。
            """, "\r\n", "GL0008");
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Fix_quotes_a_value_that_holds_a_colon(string newline)
    {
        var f = Create("""
            //- terms/distillation.md
            ---
            title: 知識蒸留: "大きな" モデルから学ぶ ✅
            type: glossary
            ---

            大きなモデルの出力を小さなモデルに学ばせる手法 🌲
            //- terms/unclosed.md
            ---
            title: [閉じていない
            type: glossary
            ---
            """, newline);
        var fix = f.Analyze().Single(d => d.Path == "terms/distillation.md").Fixes.Should().ContainSingle().Subject;
        fix.Title.Should().Be("Quote the value of 'title'");
        var after = f.Apply(fix);
        after.Text("terms/distillation.md").Should().Be(f.Text("terms/distillation.md").Replace("title: 知識蒸留: \"大きな\" モデルから学ぶ ✅", "title: \"知識蒸留: \\\"大きな\\\" モデルから学ぶ ✅\""));
        after.Actual("GL0008").Should().ContainSingle().Which.Should().StartWith("terms/unclosed.md:", "only the quoted page is repaired");
        after.Index.GetDocument("terms/distillation.md")!.Terms.Should().ContainSingle().Which.Headword.Should().Be("知識蒸留: \"大きな\" モデルから学ぶ ✅");
        f.Analyze().Single(d => d.Path == "terms/unclosed.md").Fixes.Should().BeEmpty("quoting cannot close a bracket");
    }
}
