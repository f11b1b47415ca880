using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Tests.Parsing;

public class DocumentParserTests
{
    private const string TermList =
        "<!-- 記事タイトル:用語集-転移学習 -->\r\n" +
        "<!-- 記事URL:https://example.org/glossary/tl.md# -->\r\n" +
        "\r\n" +
        "## 転移学習 | Transfer Learning<a id=\"6Lui56e75a2m57+SIHwgVHJhbnNmZXIgTGVhcm5pbmc=\"></a>\r\n" +
        "- ✅ <a href=\"https://example.org/glossary/tl.md#44OV44Kh44Kk44Oz44OB44Ol44O844OL44Oz44KwIHwgRmluZS10dW5pbmc=\">ファインチューニング</a>と似た🌲手法。\r\n" +
        "\r\n" +
        "## ファインチューニング | Fine-tuning \r\n" +
        "- 学習済みモデルを `再学習` する。\r\n";

    [Fact]
    public void Term_list_headings_define_terms_with_entry_words_anchor_and_definition()
    {
        var doc = DocumentParser.Parse("glossary/tl.md", TermList);
        doc.Kind.Should().Be(DocumentKind.TermList);
        doc.ArticleUrls.Should().ContainSingle().Which.Url.Should().Be("https://example.org/glossary/tl.md#");
        doc.Terms.Should().HaveCount(2);

        var t = doc.Terms[0];
        t.Headword.Should().Be("転移学習");
        t.Aliases.Should().Equal("Transfer Learning");
        t.Anchor.Should().Be("6Lui56e75a2m57+SIHwgVHJhbnNmZXIgTGVhcm5pbmc=");
        t.Heading!.ExplicitId.Should().Be(t.Anchor);
        // One string for the id, the heading's explicit id and the term's anchor (one string per term, not three).
        doc.ExplicitAnchors.Should().ContainSingle().Which.Should().BeSameAs(t.Heading.ExplicitId).And.BeSameAs(t.Anchor);
        doc.GetText(t.NameSpan).Should().Be("転移学習 | Transfer Learning");
        doc.GetText(t.EntryWordSpans[1]).Should().Be("Transfer Learning");
        doc.Lines.GetPosition(t.NameSpan.Start).Should().Be(new LinePosition(3, 3));
        doc.GetText(t.DefinitionSpan).Should().StartWith("- ✅ <a href=").And.EndWith("手法。\r\n\r\n");

        var f = doc.Terms[1];
        f.Headword.Should().Be("ファインチューニング");
        f.Anchor.Should().Be(AnchorCodec.Encode("ファインチューニング | Fine-tuning"), "the heading's trailing space is not part of its text");
        f.Heading!.ExplicitId.Should().BeNull();
    }

    [Fact]
    public void Html_links_record_target_text_and_exact_spans_after_emoji_and_crlf()
    {
        var doc = DocumentParser.Parse("glossary/tl.md", TermList);
        var link = doc.Links.Should().ContainSingle().Subject;
        link.Syntax.Should().Be(LinkSyntax.Html);
        link.Text.Should().Be("ファインチューニング");
        doc.GetText(link.TextSpan).Should().Be("ファインチューニング");
        doc.GetText(link.TargetSpan).Should().StartWith("https://example.org/glossary/tl.md#44OV");
        doc.GetText(link.Span).Should().StartWith("<a href=").And.EndWith("</a>");
        doc.Lines.GetPosition(link.Span.Start).Should().Be(new LinePosition(4, 4));
    }

    [Fact]
    public void Protected_spans_cover_headings_links_code_and_comments_but_not_prose()
    {
        var doc = DocumentParser.Parse("glossary/tl.md", TermList);
        doc.IsProtected(TermList.IndexOf("転移学習 |", StringComparison.Ordinal)).Should().BeTrue("headings");
        doc.IsProtected(TermList.IndexOf(">ファインチューニング<", StringComparison.Ordinal) + 1).Should().BeTrue("link text");
        doc.IsProtected(TermList.IndexOf("再学習", StringComparison.Ordinal)).Should().BeTrue("inline code");
        doc.IsProtected(TermList.IndexOf("記事URL", StringComparison.Ordinal)).Should().BeTrue("comments");
        doc.IsProtected(TermList.IndexOf("手法", StringComparison.Ordinal)).Should().BeFalse();
        doc.IsProtected(TermList.IndexOf("学習済み", StringComparison.Ordinal)).Should().BeFalse();
    }

    [Fact]
    public void Markdown_inline_and_reference_links_are_found_and_bracketed_prose_is_not()
    {
        var text = "---\ntitle: \"転移学習\"\nemoji: \"✅\"\n---\n\n" +
                   "値は [0, 1] の範囲、トークンは [\"c\", \"a\", \"t\"]。\n" +
                   "[ファインチューニング](../glossary/tl.md#44OV) と [転移学習][tl] と [概要](#概要)\n\n" +
                   "[tl]: ../glossary/tl.md#6Lui\n\n## 概要\n";
        var doc = DocumentParser.Parse("articles/a.md", text);
        doc.Kind.Should().Be(DocumentKind.Article);
        doc.FrontMatter!.GetString("title").Should().Be("転移学習");
        doc.Links.Select(l => (l.Syntax, l.Target, l.Text)).Should().Equal(
            (LinkSyntax.MarkdownInline, "../glossary/tl.md#44OV", "ファインチューニング"),
            (LinkSyntax.MarkdownReference, "../glossary/tl.md#6Lui", "転移学習"),
            (LinkSyntax.MarkdownInline, "#概要", "概要"));
        doc.GetText(doc.Links[1].TargetSpan).Should().Be("../glossary/tl.md#6Lui");
        doc.Headings.Should().ContainSingle().Which.Slug.Should().Be("概要");
    }

    [Fact]
    public void Glossary_page_defines_one_term_from_front_matter_with_reading()
    {
        var text = "---\ntitle: 転移学習\ntype: glossary\ne-title: Transfer Learning\nterm: てんいがくしゅう\nurl: /ja/glossary/Transfer-Learning/\n---\n\n" +
                   "## 転移学習とは?\n転移学習は、ある問題で得た知識を別の問題に活かす手法です。\n\n## 仕組み\n詳細。\n";
        var doc = DocumentParser.Parse("terms/tl.md", text);
        doc.Kind.Should().Be(DocumentKind.GlossaryPage);
        var term = doc.Terms.Should().ContainSingle().Subject;
        term.Headword.Should().Be("転移学習");
        term.Aliases.Should().Equal("Transfer Learning");
        term.Reading.Should().Be("てんいがくしゅう");
        term.Anchor.Should().BeNull();
        doc.GetText(term.NameSpan).Should().Be("転移学習");
        doc.GetText(term.DefinitionSpan).Trim().Should().Be("転移学習は、ある問題で得た知識を別の問題に活かす手法です。");
    }

    [Fact]
    public void Invalid_yaml_front_matter_is_recorded_with_its_position()
    {
        var f = Fixture.Parse("---\ntitle: [|[転移学習|]\ntype: glossary\n---\n本文\n");
        var doc = DocumentParser.Parse("terms/bad.md", f.Text(Fixture.DefaultPath));
        doc.FrontMatter!.Error.Should().Be("invalid YAML: an unclosed bracket, quote or flow collection");
        doc.FrontMatter.ErrorSpan.Should().Be(f.Span().Span);
    }

    [Fact]
    public void Unclosed_html_link_is_a_link_of_its_tag_alone_and_parsing_goes_on()
    {
        var text = "<a href=\"x.md#abc\">壊れたリンク\n\n[次](y.md)\n";
        var doc = DocumentParser.Parse("a.md", text);
        doc.Links.Select(l => l.Target).Should().Equal("x.md#abc", "y.md");
    }

    [Fact]
    public void Suppression_comments_are_read_with_their_lines_and_rules()
    {
        var text = "a\n<!-- glossary-disable GL0002 broken-link -->\nb\n<!-- glossary-enable -->\n<!-- glossary-disable-next-line GL0010 -->\nc\n";
        var doc = DocumentParser.Parse("a.md", text);
        doc.Suppressions.Select(s => (s.Kind, s.Line, string.Join(",", s.Rules))).Should().Equal(
            (SuppressionKind.Disable, 1, "GL0002,broken-link"),
            (SuppressionKind.Enable, 3, ""),
            (SuppressionKind.DisableNextLine, 4, "GL0010"));
    }

    [Fact]
    public void Html_inside_code_is_neither_a_link_nor_a_comment()
    {
        var text = "```html\n<a href=\"nowhere.md\">x</a>\n<!-- 記事URL:https://x/y.md# -->\n```\n";
        var doc = DocumentParser.Parse("a.md", text);
        doc.Links.Should().BeEmpty();
        doc.ArticleUrls.Should().BeEmpty();
        doc.Kind.Should().Be(DocumentKind.Article);
    }
}
