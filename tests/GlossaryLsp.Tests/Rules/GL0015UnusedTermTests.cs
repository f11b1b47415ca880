using GlossaryLsp.Core.Config;
using static GlossaryLsp.Tests.Rules.RuleFixture;

namespace GlossaryLsp.Tests.Rules;

public class GL0015UnusedTermTests
{
    private static readonly GlossaryConfig On = GlossaryConfigLoader.Parse("rules:\n  unused-term: information\n", "glossary.yml");

    private static readonly string Workspace = $$"""
        //- glossary/ml.md
        <!-- 記事URL:https://example.org/glossary/ml.md# -->

        ## 転移学習 | Transfer Learning
        <!-- 読み:てんいがくしゅう -->

        - 知識を別の課題に持ち込む ✅

        ## {|GL0015:凍結 | Freezing|}

        - 重みを止める。<a href="https://example.org/glossary/ml.md#{{A("凍結 | Freezing")}}">凍結</a>は自分の中のリンクなので数えない。凍結も同じ。

        ## {|GL0015:段階的解凍 | 🌲 Unfreezing|}

        - 少しずつ解凍する。

        ## AI

        - 人工知能。

        ## 汎化 | Generalization

        - 未知のデータへの当てはまり。
        //- glossary/other.md
        <!-- 記事URL:https://example.org/glossary/other.md# -->

        ## {|GL0015:汎化|}

        - 同じ語の別の定義（近い定義が勝つので使われない）。
        //- articles/post.md
        # 記事 🌲

        この記事では Transfer Learning を使う。AIブームの話。汎化の話も。
        [汎化](../glossary/ml.md#{{A("汎化 | Generalization")}})にも触れる。
        `段階的解凍` はコードの中。

        ## 段階的解凍の見出し
        //- terms/distillation.md
        ---
        # glossary-disable-next-line unused-term
        title: 知識蒸留
        type: glossary
        url: /ja/glossary/distillation/
        ---

        本文。
        //- terms/augmentation.md
        ---
        title: {|GL0015:データ拡張|}
        keywords: [転移学習]
        type: glossary
        ---

        データを増やす。
        """;

    [Fact]
    public void Off_by_default()
    {
        Create(Workspace).Actual("GL0015").Should().BeEmpty();
        RuleCatalog.GL0015.EnabledByDefault.Should().BeFalse();
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Reports_terms_no_other_document_links_to_or_mentions(string newline)
    {
        var f = Check(Workspace, newline, On, "GL0015");
        f.Analyze().Where(d => d.Id == "GL0015").Select(d => (d.Severity, d.Message)).Should().Equal(
            (DiagnosticSeverity.Information, "Term '凍結' is not linked to or mentioned by any other document"),
            (DiagnosticSeverity.Information, "Term '段階的解凍' is not linked to or mentioned by any other document"),
            (DiagnosticSeverity.Information, "Term '汎化' is not linked to or mentioned by any other document"),
            (DiagnosticSeverity.Information, "Term 'データ拡張' is not linked to or mentioned by any other document"));
    }

    [Fact]
    public void A_link_by_site_path_or_a_mention_by_alias_uses_a_term_and_suppression_comments_are_honoured()
    {
        var linked = Workspace.Replace("# 記事 🌲\n", "# 記事 🌲\n\n<a href=\"/ja/glossary/distillation/\">蒸留</a>とデータ拡張と Freezing。\n");
        Check(linked.Replace("# glossary-disable-next-line unused-term\n", "")
                .Replace("{|GL0015:データ拡張|}", "データ拡張").Replace("{|GL0015:凍結 | Freezing|}", "凍結 | Freezing"), "\n", On, "GL0015");
        Check(Workspace.Replace("## {|GL0015:段階的解凍 | 🌲 Unfreezing|}", "<!-- glossary-disable-next-line GL0015 -->\n## 段階的解凍 | 🌲 Unfreezing"), "\n", On, "GL0015");
    }
}
