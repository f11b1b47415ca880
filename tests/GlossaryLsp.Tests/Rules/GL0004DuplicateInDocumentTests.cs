using GlossaryLsp.Core.Config;
using static GlossaryLsp.Tests.Rules.RuleFixture;

namespace GlossaryLsp.Tests.Rules;

public class GL0004DuplicateInDocumentTests
{
    private static readonly string Fixture = $$"""
        //- glossary/transfer.md
        <!-- 記事URL:https://example.org/glossary/transfer.md# -->

        ## ファインチューニング | Fine-tuning<a id="{{A("ファインチューニング | Fine-tuning")}}"></a>

        - 学習済みモデルの重みを初期値にして追加で学習する ✅

        ## 微調整 | {|GL0004:Fine Tuning|}

        - 新しい課題に合わせてモデルを調整すること 🌲

        ## {|GL0004:ファインチューニング|}<a id="{{A("ファインチューニング")}}"></a>

        - 同じ語をもう一度定義してしまった例。

        ## 凍結 | Freezing | {|GL0004:凍結|}

        - 一部の層の重みを更新しないこと。
        """;

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Reports_the_later_definition_of_an_entry_word(string newline)
    {
        var f = Check(Fixture, newline, "GL0004");
        var diagnostics = f.Analyze().Where(d => d.Id == "GL0004").ToList();
        diagnostics.Select(d => (d.Severity, d.Message)).Should().Equal(
            (DiagnosticSeverity.Warning,
                "Entry word 'Fine Tuning' is the same entry word as 'Fine-tuning' (they differ only in case, '-', '_', spaces or kana), "
                + "already defined by the heading 'ファインチューニング | Fine-tuning' on line 3"),
            (DiagnosticSeverity.Error, "Entry word 'ファインチューニング' is already defined by the heading 'ファインチューニング | Fine-tuning' on line 3"),
            (DiagnosticSeverity.Error, "Entry word '凍結' is already defined earlier in the same heading"));
        var first = f.Index.GetDocument("glossary/transfer.md")!;
        diagnostics[1].Related.Should().ContainSingle().Which.Should().Match<Core.Rules.RelatedLocation>(r =>
            r.Path == "glossary/transfer.md" && first.GetText(r.Span) == "ファインチューニング" && first.Lines.GetLine(r.Span.Start) == 2);
        diagnostics.Should().OnlyContain(d => d.Fixes.IsEmpty, "which definition to keep is an editorial decision");
    }

    [Fact]
    public void Distinct_entry_words_and_other_documents_are_not_reported()
    {
        Check($$"""
            //- glossary/a.md
            <!-- 記事URL:https://example.org/glossary/a.md# -->

            ## 転移学習 | Transfer Learning

            - 知識を持ち込む ✅

            ## 負の転移 | Negative Transfer

            - 持ち込んだ知識が逆効果になる。
            //- glossary/b.md
            <!-- 記事URL:https://example.org/glossary/b.md# -->

            ## 転移学習 | Transfer Learning

            - 別の文書での定義は GL0005 の担当 🌲
            """, "\r\n", "GL0004");
    }

    [Fact]
    public void A_configured_severity_caps_the_variant_finding_too()
    {
        var config = GlossaryConfig.Default with
        {
            RuleSeverities = System.Collections.Immutable.ImmutableDictionary<string, DiagnosticSeverity?>.Empty.Add("GL0004", DiagnosticSeverity.Information),
        };
        var f = Create(Fixture, "\n", config);
        f.Analyze().Where(d => d.Id == "GL0004").Select(d => d.Severity).Should().OnlyContain(s => s == DiagnosticSeverity.Information);
    }
}
