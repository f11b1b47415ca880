using GlossaryLsp.Core.Config;
using static GlossaryLsp.Tests.Rules.RuleFixture;

namespace GlossaryLsp.Tests.Rules;

public class GL0007MissingArticleUrlTests
{
    private const string Fixture = """
        //- glossary/missing.md
        {|GL0007:<!-- 記事タイトル:用語集-学習 ✅ -->|}

        ## 過学習 | Overfitting

        - 未知のデータで性能が落ちる状態。
        //- glossary/no-hash.md
        <!-- 記事URL:{|GL0007:https://example.org/content/glossary/no-hash.md|} -->

        ## 学習率 | Learning Rate

        - 重みを動かす幅 🌲
        //- glossary/twice.md
        <!-- 記事URL:https://example.org/content/glossary/twice.md# -->
        {|GL0007:<!-- 記事URL:https://example.org/content/glossary/twice.md# -->|}

        ## 凍結 | Freezing

        - 層の重みを固定する。
        //- glossary/by-glob.md
        {|GL0007:|}## 蒸留 | Distillation

        - 大きなモデルから学ぶ。
        //- glossary/fine.md
        <!-- 記事URL:https://example.org/content/glossary/fine.md# -->

        ## 転移学習 | Transfer Learning

        - 知識を持ち込む。
        """;

    private static readonly GlossaryConfig WithBaseUrl = GlossaryConfig.Default with
    {
        BaseUrls = [new BaseUrlMapping("https://example.org/content/", "")],
        GlossaryGlobs = ["glossary/**/*.md"],
    };

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Reports_a_missing_malformed_or_repeated_article_url(string newline)
    {
        var f = Check(Fixture, newline, WithBaseUrl, "GL0007");
        f.Analyze().Where(d => d.Id == "GL0007").Select(d => d.Message).Should().Equal(
            "Term-list glossary has no article URL comment (<!-- 記事URL:https://…# -->); links to its terms cannot be mapped to it",
            "Term-list glossary has no article URL comment (<!-- 記事URL:https://…# -->); links to its terms cannot be mapped to it",
            "Article URL 'https://example.org/content/glossary/no-hash.md' does not end in '#' (anchors are appended to it)",
            "Term-list glossary has 2 article URL comments; it must have exactly one");
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Fixes_write_the_url_the_base_url_gives_the_file(string newline)
    {
        var f = Create(Fixture, newline, WithBaseUrl);
        var fixes = f.Analyze().Where(d => d.Id == "GL0007").ToDictionary(d => d.Path, d => d.Fixes.Should().ContainSingle().Subject);

        f.Apply(fixes["glossary/missing.md"]).Text("glossary/missing.md").Should().Be(
            f.Text("glossary/missing.md").Replace("学習 ✅ -->" + newline, "学習 ✅ -->" + newline + "<!-- 記事URL:https://example.org/content/glossary/missing.md# -->" + newline));
        f.Apply(fixes["glossary/by-glob.md"]).Text("glossary/by-glob.md").Should().StartWith(
            "<!-- 記事URL:https://example.org/content/glossary/by-glob.md# -->" + newline + newline + "## 蒸留");
        f.Apply(fixes["glossary/no-hash.md"]).Text("glossary/no-hash.md").Should().StartWith(
            "<!-- 記事URL:https://example.org/content/glossary/no-hash.md# -->" + newline + newline + "## 学習率");
        f.Apply(fixes["glossary/twice.md"]).Text("glossary/twice.md").Should().StartWith(
            "<!-- 記事URL:https://example.org/content/glossary/twice.md# -->" + newline + newline + "## 凍結");

        var all = f;
        foreach (var fix in fixes.Values) all = all.Apply(fix);
        all.Actual("GL0007", "GL0012").Should().BeEmpty("every fix leaves a well-formed URL that follows the mapping");
    }

    [Fact]
    public void Without_a_known_base_url_a_missing_hash_is_still_fixed_but_a_missing_comment_is_not()
    {
        var f = Create("""
            //- glossary/a.md
            <!-- 記事タイトル:用語集 -->

            ## 過学習 | Overfitting

            - 性能が落ちる 🌲
            //- glossary/b.md
            <!-- 記事URL:https://example.org/b.md -->

            ## 学習率 | Learning Rate

            - 重みを動かす幅。
            """, "\r\n");
        f.Analyze().Single(d => d.Path == "glossary/a.md" && d.Id == "GL0007").Fixes.Should().BeEmpty();
        var fix = f.Analyze().Single(d => d.Path == "glossary/b.md" && d.Id == "GL0007").Fixes.Should().ContainSingle().Subject;
        f.Apply(fix).Text("glossary/b.md").Should().StartWith("<!-- 記事URL:https://example.org/b.md# -->\r\n");
    }

    [Fact]
    public void Articles_and_glossary_pages_need_no_article_url()
    {
        Check("""
            //- articles/post.md
            # 転移学習の入門 ✅

            本文。
            //- terms/distillation.md
            ---
            title: 知識蒸留
            type: glossary
            ---

            大きなモデルから学ぶ 🌲
            """, "\n", WithBaseUrl with { GlossaryGlobs = [] }, "GL0007");
    }
}
