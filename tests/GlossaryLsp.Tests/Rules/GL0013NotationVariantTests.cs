using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Rules;
using GlossaryLsp.Core.Text;
using static GlossaryLsp.Tests.Rules.RuleFixture;

namespace GlossaryLsp.Tests.Rules;

/// <summary>GL0013 in prose (SPEC §8): every fold, every boundary rule and the traps, with exact ranges.</summary>
public class GL0013NotationVariantTests
{
    private const string Glossary = """
        //- glossary/terms.md
        <!-- 記事URL:https://example.com/glossary/terms.md# -->

        ## コンピューター | Computer
        - 計算機。

        ## インターフェース | Interface
        - 境界。

        ## ファインチューニング | Fine-tuning
        - 追加の学習。

        ## バリデーション | Validation
        - 検証。

        ## ウイルス | Virus
        - 病原体。

        ## データ | Data
        - 資料。

        ## 人工知能 | AI
        - 知能。

        ## キー | Key
        - 鍵。

        ## OpenAI
        - 企業。

        ## サーバー | Server
        - 提供する側。

        """;

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Every_fold_of_the_variant_folding(string newline)
    {
        Check(Glossary + """
            //- notes/folds.md
            # メモ

            {|GL0013:コンピュータ|}を使う（ー）。{|GL0013:インタフェース|}の設計（ー）。
            {|GL0013:ファイン・チューニング|}（・）と{|GL0013:ファイン チューニング|}（空白）。
            {|GL0013:ヴァリデーション|}（ヴァ）、{|GL0013:ウィルス|}（小さいィ）。
            {|GL0013:finetuning|} and {|GL0013:FineTuning|} and {|GL0013:Open AI|} (Latin separators).
            {|GL0013:こんぴゅーた|}（ひらがな）🌲{|GL0013:ｺﾝﾋﾟｭｰﾀ|}（半角）✅
            Exact forms are mentions: コンピューター, Fine-tuning, fine tuning, ウイルス, OpenAI.
            """, newline, "GL0013");
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Boundaries_are_checked_on_the_original_text(string newline)
    {
        Check(Glossary + """
            //- notes/boundaries.md
            # 境界

            データーベースはデータの変種ではない（カタカナに接する）。
            ビッグデーター基盤も同じ。・データー・ではなく　データー・ラベルも。
            {|GL0013:データー|}を読む（ひらがなが境界）。新{|GL0013:データー|}型（漢字が境界）。
            「{|GL0013:コンピュータ|}」🌲{|GL0013:コンピュータ|}🌲（記号と絵文字も境界）
            GOFAIとAIブームとＡＩ。キイは短い語の変種にならない。
            OpenAIs and XOpen AI are inside Latin words; {|GL0013:open-ai|}.
            """, newline, "GL0013");
    }

    [Fact]
    public void A_katakana_edge_never_touches_the_prolonged_sound_mark_or_the_middle_dot()
    {
        // ・ next to a variant blocks it (the dot joins katakana words); the 全角 space does not.
        var f = Check(Glossary + """
            //- notes/dots.md
            データー・モデル、モデル・データー、{|GL0013:データー|}　モデル。
            """, "\n", "GL0013");
        f.Actual("GL0013").Should().ContainSingle();
    }

    [Fact]
    public void The_classic_prh_bug_cannot_happen_the_variant_takes_its_whole_word()
    {
        var f = Create(Glossary + """
            //- notes/server.md
            {|GL0013:サーバーー|}と{|GL0013:サーバ|}と{|GL0013:サーヴァー|}。サーバーは正しい。
            """);
        f.Actual("GL0013").Should().BeEquivalentTo(f.Expected);
        var fixes = f.Analyze().Where(d => d.Id == "GL0013").Select(d => d.Fixes[0]).ToList();
        var fixedText = TextEdit.Apply(f.Text("notes/server.md"), fixes.Select(x => x.Edits[0].Edits[0]).OrderBy(e => e.Span.Start));
        fixedText.Should().Be("サーバーとサーバーとサーバー。サーバーは正しい。");
        fixes.Should().OnlyContain(x => x.IsSafe && x.IsPreferred);
    }

    [Fact]
    public void Data_base_is_a_variant_of_database_only_when_database_is_an_entry_word()
    {
        const string text = "//- notes/db.md\nデーターベースを使う。データベースも。\n";
        Check(Glossary + text, "\n", "GL0013");
        Check(Glossary + "//- glossary/db.md\n<!-- 記事URL:https://example.com/glossary/db.md# -->\n\n## データベース | Database\n- 表の集まり。\n"
            + "//- notes/db.md\n{|GL0013:データーベース|}を使う。データベースも。\n", "\n", "GL0013");
    }

    [Fact]
    public void Where_both_spellings_are_entry_words_of_different_terms_neither_is_a_variant_and_their_fold_names_nothing()
    {
        var f = Create("""
            //- glossary/a.md
            <!-- 記事URL:https://example.com/glossary/a.md# -->

            ## サーバ
            - 提供する計算機。
            //- glossary/b.md
            <!-- 記事URL:https://example.com/glossary/b.md# -->

            ## {|GL0013:サーバー|}
            - 提供するプロセス。
            //- notes/two.md
            サーバとサーバーは両方とも見出し語。サーバーーとサーバァは二つの語のどちらの変種か決まらない。
            """);
        f.Actual("GL0013").Should().BeEquivalentTo(f.Expected, "only the later definition is reported (near-duplicate), nothing in prose");
    }

    [Fact]
    public void Aliases_of_one_term_share_a_fold_and_the_headword_is_preferred()
    {
        var f = Create("""
            //- glossary/a.md
            <!-- 記事URL:https://example.com/glossary/a.md# -->

            ## サーバー | サーバ | Server
            - 提供する計算機。
            //- notes/alias.md
            サーバーとサーバは見出し語、{|GL0013:サーバーー|}は変種。
            """);
        f.Actual("GL0013").Should().BeEquivalentTo(f.Expected);
        f.Single("GL0013").Message.Should().Be("'サーバーー' is a notation variant of 'サーバー', defined in glossary/a.md; write 'サーバー'");
    }

    [Fact]
    public void Never_in_code_link_targets_html_front_matter_or_headings()
    {
        Check(Glossary + """
            //- notes/protected.md
            ---
            title: コンピュータ入門
            ---

            ## コンピュータの歴史
            ## [コンピュータ](https://example.com/h) の章

            `コンピュータ` と
            ```
            コンピュータ
            ```
            [本](https://example.com/コンピュータ) と <span title="コンピュータ">x</span> と <!-- コンピュータ -->
            <div>
            コンピュータ
            </div>

            [{|GL0013:コンピュータ|}の本](https://example.com/book) のリンク文字列は散文として読む。
            <https://example.com/コンピュータ> と https://example.com/コンピュータ も対象外。
            """, "\n", "GL0013");
    }

    [Fact]
    public void Message_related_location_and_the_two_fixes()
    {
        var f = Create(Glossary + "//- notes/fix.md\n# メモ\n🌲 {|GL0013:コンピュータ|}を使う。\n");
        var d = f.Single("GL0013");
        d.Severity.Should().Be(DiagnosticSeverity.Warning);
        d.Message.Should().Be("'コンピュータ' is a notation variant of 'コンピューター', defined in glossary/terms.md; write 'コンピューター'");
        d.Related.Should().ContainSingle().Which.Path.Should().Be("glossary/terms.md");
        f.Index.GetDocument("glossary/terms.md")!.GetText(d.Related[0].Span).Should().Be("コンピューター");
        d.Fixes.Select(x => (x.Title, x.IsSafe, x.IsPreferred)).Should().Equal(
            ("Write 'コンピューター'", true, true),
            ("Write 'コンピューター' and link it to its definition in glossary/terms.md", false, false));
        var text = f.Text("notes/fix.md");
        TextEdit.Apply(text, d.Fixes[0].Edits[0].Edits).Should().Be("# メモ\n🌲 コンピューターを使う。\n");
        TextEdit.Apply(text, d.Fixes[1].Edits[0].Edits).Should().Be(
            $"# メモ\n🌲 [コンピューター](../glossary/terms.md#{A("コンピューター | Computer")})を使う。\n");
    }

    [Fact]
    public void In_a_term_list_the_link_is_an_html_link_and_in_a_link_text_no_link_is_offered()
    {
        var f = Create(Glossary.Replace("- 計算機。", "- 計算機の一種、{|GL0013:コンピュータ|}とも書く。<a href=\"https://example.com/x\">{|GL0013:ウィルス|}</a>"));
        f.Actual("GL0013").Should().BeEquivalentTo(f.Expected);
        var prose = f.Analyze().Single(d => d.Id == "GL0013" && f.Text(d.Path).Substring(d.Span.Start, d.Span.Length) == "コンピュータ");
        prose.Fixes[1].Edits[0].Edits[0].NewText.Should().Be(
            $"<a href=\"https://example.com/glossary/terms.md#{A("コンピューター | Computer")}\">コンピューター</a>");
        var linkText = f.Analyze().Single(d => d.Id == "GL0013" && f.Text(d.Path).Substring(d.Span.Start, d.Span.Length) == "ウィルス");
        linkText.Fixes.Should().ContainSingle().Which.Title.Should().Be("Write 'ウイルス'");
    }

    [Fact]
    public void Suppression_comments_switch_it_off_by_id_or_alias()
    {
        Check(Glossary + """
            //- notes/quiet.md
            <!-- glossary-disable-next-line notation-variant -->
            コンピュータ
            {|GL0013:コンピュータ|}
            <!-- glossary-disable GL0013 -->
            コンピュータ
            <!-- glossary-enable -->
            {|GL0013:コンピュータ|}
            """, "\n", "GL0013");
    }

    [Fact]
    public void Configured_off_it_reports_nothing()
    {
        var config = GlossaryConfig.Default with { RuleSeverities = GlossaryConfig.Default.RuleSeverities.SetItem("GL0013", null) };
        Create(Glossary + "//- notes/off.md\nコンピュータ\n", config: config).Actual("GL0013").Should().BeEmpty();
    }

    [Fact]
    public void Declared_forms_from_the_configuration()
    {
        var config = GlossaryConfigLoader.Parse("variants:\n  ファインチューニング: [ファインチューン, 微調整]\n  サーバー: サーバ\n", "/ws/glossary.yml");
        var f = Check(Glossary + """
            //- notes/declared.md
            {|GL0013:ファインチューン|}と{|GL0013:微調整|}済みのモデル。ファインチューンドは別の語（カタカナに接する）。
            {|GL0013:サーバ|}を立てる。サーバーは正しい。
            """, "\n", config, "GL0013");
        var d = f.Analyze().First(x => x.Id == "GL0013");
        d.Message.Should().Be("'ファインチューン' is declared a non-preferred form of 'ファインチューニング' in glossary.yml:2; write 'ファインチューニング'");
        d.Fixes.Select(x => x.Title).Should().Equal("Write 'ファインチューニング'", "Write 'ファインチューニング' and link it to its definition in glossary/terms.md");
    }
}
