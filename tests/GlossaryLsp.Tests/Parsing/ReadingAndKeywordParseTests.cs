using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Tests.Parsing;

/// <summary>Readings of term-list terms (<c>&lt;!-- 読み:… --&gt;</c>) and keywords of glossary pages (SPEC §1).</summary>
public class ReadingAndKeywordParseTests
{
    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void A_reading_comment_right_after_the_heading_is_the_terms_reading_never_its_heading_or_anchor(string newline)
    {
        var f = Fixture.Parse("""
            <!-- 記事URL:https://example.org/glossary/tl.md# -->

            ## 転移学習 | Transfer Learning<a id="6Lui56e75a2m57+SIHwgVHJhbnNmZXIgTGVhcm5pbmc="></a>
            <!-- 読み:[|てんいがくしゅう|] -->

            - ✅ 知識を持ち込む。

            ## 🌲 凍結 | Freezing
              <!--  reading : [|とうけつ|]  -->
            - 重みを止める。

            ## 蒸留
            - 定義が先。
            <!-- 読み:じょうりゅう -->

            ## 微調整

            <!-- 読み:びちょうせい -->
            - 空行の後の読みは読みではない。

            ## 過学習 <!-- 読み:かがくしゅう -->
            - 見出しの中のコメントは見出しの一部。
            """, newline);
        var doc = DocumentParser.Parse("glossary/tl.md", f.Text(Fixture.DefaultPath));
        doc.Terms.Select(t => (t.Headword, t.Reading)).Should().Equal(
            ("転移学習", "てんいがくしゅう"), ("🌲 凍結", "とうけつ"), ("蒸留", null), ("微調整", null), ("過学習", null));
        var transfer = doc.Terms[0];
        transfer.Anchor.Should().Be("6Lui56e75a2m57+SIHwgVHJhbnNmZXIgTGVhcm5pbmc=");
        transfer.Heading!.Text.Should().Be("転移学習 | Transfer Learning");
        transfer.ReadingSpan.Should().Be(f.Spans[0].Span);
        doc.Terms[1].ReadingSpan.Should().Be(f.Spans[1].Span);
        doc.Terms[1].Anchor.Should().Be(AnchorCodec.Encode("🌲 凍結 | Freezing"), "the reading never changes the anchor");
        doc.GetText(transfer.DefinitionSpan).Should().Be($"{newline}- ✅ 知識を持ち込む。{newline}{newline}", "the reading is not part of the definition");
        doc.GetText(doc.Terms[2].DefinitionSpan).Should().Contain("<!-- 読み:じょうりゅう -->", "a reading comment elsewhere is only a comment");
        doc.Lines.GetRange(transfer.ReadingSpan!.Value).Should().Be(new LineRange(new LinePosition(3, 8), new LinePosition(3, 16)));
    }

    [Fact]
    public void A_glossary_pages_term_is_its_reading_with_its_span()
    {
        var f = Fixture.Parse("""
            ---
            title: 知識蒸留
            term: [|ちしきじょうりゅう|]
            type: glossary
            ---
            本文。
            """);
        var doc = DocumentParser.Parse("terms/kd.md", f.Text(Fixture.DefaultPath));
        doc.Terms.Should().ContainSingle().Which.Reading.Should().Be("ちしきじょうりゅう");
        doc.Terms[0].ReadingSpan.Should().Be(f.Span().Span);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Keywords_are_read_with_exact_spans_in_block_and_flow_style(string newline)
    {
        var f = Fixture.Parse("""
            ---
            title: 🌲 知識蒸留 ✅
            keywords:
              - [|転移学習|]
              - "[|🌲 教師モデル|]"   # 関連
              -
              - '[|it''s|]'
            aliases: [[|KD|], "[|Distillation ✅|]"]
            type: glossary
            ---
            本文。
            """, newline);
        var doc = DocumentParser.Parse("terms/kd.md", f.Text(Fixture.DefaultPath));
        doc.Keywords.Select(k => k.Text).Should().Equal("転移学習", "🌲 教師モデル", "it's");
        doc.Keywords.Select(k => k.Span).Should().Equal(f.Spans.Take(3).Select(s => s.Span));
        doc.FrontMatter!.Values["aliases"].ItemSpans.Should().Equal(f.Spans.Skip(3).Select(s => s.Span), "flow items after emoji have exact UTF-16 spans");

        var flow = Fixture.Parse("---\r\ntitle: 凍結\r\nkeywords: [[|凍結層|], '[|段階的解凍|]']\r\ntype: glossary\r\n---\r\n");
        DocumentParser.Parse("terms/f.md", flow.Text(Fixture.DefaultPath)).Keywords.Select(k => (k.Text, k.Span))
            .Should().Equal(("凍結層", flow.Spans[0].Span), ("段階的解凍", flow.Spans[1].Span));
    }

    [Fact]
    public void A_single_keyword_value_is_one_keyword_and_only_glossary_pages_have_keywords()
    {
        var single = Fixture.Parse("---\ntitle: 凍結\nkeywords: [|段階的解凍|]\ntype: glossary\n---\n");
        DocumentParser.Parse("terms/f.md", single.Text(Fixture.DefaultPath)).Keywords.Should().Equal(new Keyword("段階的解凍", single.Span().Span));
        var quoted = Fixture.Parse("---\ntitle: 凍結\nkeywords: \"[|🌲 段階的解凍|]\"\ntype: glossary\n---\n");
        DocumentParser.Parse("terms/f.md", quoted.Text(Fixture.DefaultPath)).Keywords.Should().Equal(new Keyword("🌲 段階的解凍", quoted.Span().Span));
        DocumentParser.Parse("notes/zenn.md", "---\ntitle: 記事\nkeywords: [転移学習]\n---\n本文\n").Keywords.Should().BeEmpty("an article's keywords are not related terms");
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Yaml_comments_in_front_matter_are_suppression_comments_on_their_line(string newline)
    {
        var text = Fixture.Parse("""
            ---
            title: 凍結
            keywords:
              # glossary-disable-next-line GL0014
              - 未知語
            # glossary-disable unknown-keyword, GL0015
              - 未知語2
            #   glossary-enable
            description: "# glossary-disable"
            type: glossary
            ---
            <!-- glossary-disable-next-line GL0011 -->
            本文。
            """, newline).Text(Fixture.DefaultPath);
        DocumentParser.Parse("terms/f.md", text).Suppressions.Select(s => (s.Kind, s.Line, string.Join(",", s.Rules))).Should().Equal(
            (SuppressionKind.DisableNextLine, 3, "GL0014"),
            (SuppressionKind.Disable, 5, "unknown-keyword,GL0015"),
            (SuppressionKind.Enable, 7, ""),
            (SuppressionKind.DisableNextLine, 11, "GL0011"));
    }
}
