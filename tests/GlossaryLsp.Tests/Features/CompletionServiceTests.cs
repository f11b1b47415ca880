using GlossaryLsp.Core.Features;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Tests.Features;

public class CompletionServiceTests
{
    private const string Glossary = """
        //- glossary/ml.md
        <!-- 記事URL:https://example.com/glossary/ml.md# -->

        ## 転移学習 | Transfer Learning

        - 学んだ知識を別の課題に持ち込む。

        ## ファインチューニング | Fine-tuning

        - 追加の学習を行う手法。

        ## 学習率 | Learning Rate

        - 一歩の大きさ。
        //- terms/data-augmentation.md
        ---
        title: データ拡張
        e-title: Data Augmentation
        term: でーたかくちょう
        type: glossary
        url: /ja/glossary/Data-Augmentation/
        ---

        データを水増しする手法。

        """;

    [Fact]
    public void Kana_folded_prefix_in_Japanese_prose_inserts_a_relative_Markdown_link()
    {
        var (f, r) = Complete(Glossary + "//- articles/post.md\nこの記事ではふぁいん$0\n");
        r.IsIncomplete.Should().BeFalse();
        r.Items.Should().ContainSingle();
        var item = r.Items[0];
        item.Label.Should().Be("ファインチューニング");
        item.FilterText.Should().Be("ふぁいん");
        item.Detail.Should().Be("ファインチューニング | Fine-tuning — glossary/ml.md");
        item.Kind.Should().Be(CompletionKind.Term);
        f.TextOf(item.Edit.Span).Should().Be("ふぁいん");
        Apply(f, item).Should().Be("この記事では[ファインチューニング](../glossary/ml.md#44OV44Kh44Kk44Oz44OB44Ol44O844OL44Oz44KwIHwgRmluZS10dW5pbmc=)\n");
        CompletionService.Describe(f.Index, item.TermPath!, item.TermHeadword!).Should().Be(
            "**ファインチューニング** | Fine-tuning\n\n- 追加の学習を行う手法。\n\n---\n\nDefined in `glossary/ml.md:7`\n");
    }

    private static (FixtureWorkspace F, CompletionResult R) Complete(string fixture)
    {
        var f = FixtureWorkspace.Parse(fixture);
        return (f, CompletionService.Complete(f.Index, f.Document, f.Cursor));
    }

    private static string Apply(FixtureWorkspace f, CompletionProposal p) => TextEdit.Apply(f.Document.Text, [p.Edit]);

    [Fact]
    public void Latin_prefix_matches_alias_case_insensitively_and_inserts_the_defined_spelling()
    {
        var (f, r) = Complete(Glossary + "//- articles/post.md\nWe use fine$0 here.\n");
        r.Items.Select(i => i.Label).Should().Equal("Fine-tuning");
        Apply(f, r.Items[0]).Should().Be("We use [Fine-tuning](../glossary/ml.md#44OV44Kh44Kk44Oz44OB44Ol44O844OL44Oz44KwIHwgRmluZS10dW5pbmc=) here.\n");
    }

    [Fact]
    public void Term_list_documents_get_html_links_with_the_article_url()
    {
        var (f, r) = Complete(Glossary.Replace("- 一歩の大きさ。", "- 転移$0"));
        r.Items.Select(i => i.Label).Should().Equal("転移学習");
        Apply(f, r.Items[0]).Should().Contain("- <a href=\"https://example.com/glossary/ml.md#6Lui56e75a2m57+SIHwgVHJhbnNmZXIgTGVhcm5pbmc=\">転移学習</a>\n");
    }

    [Fact]
    public void Reading_of_a_glossary_page_finds_its_headword()
    {
        var (f, r) = Complete(Glossary + "//- articles/post.md\n前処理としてデータか$0\n");
        r.Items.Should().ContainSingle();
        r.Items[0].Label.Should().Be("データ拡張");
        r.Items[0].Detail.Should().Be("データ拡張 | Data Augmentation（でーたかくちょう） — terms/data-augmentation.md");
        r.Items[0].FilterText.Should().Be("データか");
        Apply(f, r.Items[0]).Should().Be("前処理として[データ拡張](../terms/data-augmentation.md)\n");
    }

    [Fact]
    public void Inside_link_text_only_the_word_is_inserted()
    {
        var (f, r) = Complete(Glossary + "//- articles/post.md\n[学習$0](x.md) と書く\n");
        r.Items.Select(i => i.Label).Should().Equal("学習率");
        Apply(f, r.Items[0]).Should().Be("[学習率](x.md) と書く\n");
    }

    [Fact]
    public void Word_that_begins_no_entry_word_gives_an_incomplete_empty_list()
    {
        var (_, r) = Complete(Glossary + "//- articles/post.md\nxyz$0\n");
        r.Items.Should().BeEmpty();
        r.IsIncomplete.Should().BeTrue();
    }

    [Fact]
    public void No_terms_inside_code()
    {
        var (_, r) = Complete(Glossary + "//- articles/post.md\n```\nfine$0\n```\n");
        r.Items.Should().BeEmpty();
    }

    [Fact]
    public void Crlf_and_emoji_before_the_prefix_keep_exact_ranges()
    {
        var (f, r) = Complete(FixtureWorkspace.Crlf(Glossary + "//- articles/post.md\n✅🌲 first line\r\n🌲[|Learn|]$0\n"));
        r.Items.Select(i => i.Label).Should().Equal("Learning Rate");
        FixtureWorkspace.Range(f.Document, r.Items[0].Edit.Span).Should().Be(f.Fixture.Range(f.Fixture.Spans.Last()));
        Apply(f, r.Items[0]).Should().Be("✅🌲 first line\r\n🌲[Learning Rate](../glossary/ml.md#5a2m57+S546HIHwgTGVhcm5pbmcgUmF0ZQ==)\r\n");
    }

    [Fact]
    public void Anchors_inside_href_hash()
    {
        var (f, r) = Complete(Glossary.Replace("- 一歩の大きさ。", "- <a href=\"https://example.com/glossary/ml.md#$0\">x</a>"));
        r.Items.Select(i => i.Label).Should().Equal("転移学習 | Transfer Learning", "ファインチューニング | Fine-tuning", "学習率 | Learning Rate");
        r.Items.Should().OnlyContain(i => i.Kind == CompletionKind.Anchor);
        r.Items[2].Edit.NewText.Should().Be("5a2m57+S546HIHwgTGVhcm5pbmcgUmF0ZQ==");
        r.Items[2].Edit.Span.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public void Anchors_after_markdown_path_hash_include_heading_slugs()
    {
        var (f, r) = Complete(Glossary + "//- articles/post.md\n## 概要 Overview\n\n## 詳細\n\n//- articles/b.md\n[x](post.md#概$0)\n");
        r.Items.Select(i => (i.Label, i.Edit.NewText)).Should().Equal(("概要 Overview", "概要-overview"), ("詳細", "詳細"));
        f.TextOf(r.Items[0].Edit.Span).Should().Be("概");
    }

    [Fact]
    public void Paths_after_markdown_link_open_paren()
    {
        var (f, r) = Complete(Glossary + "//- articles/post.md\n[x](../te$0\n");
        r.Items.Select(i => i.Label).Should().Equal("../terms/data-augmentation.md");
        r.Items[0].Kind.Should().Be(CompletionKind.Document);
        r.Items[0].Detail.Should().Be("データ拡張");
        f.TextOf(r.Items[0].Edit.Span).Should().Be("../te");
    }

    [Fact]
    public void Results_are_capped_and_then_incomplete()
    {
        var terms = string.Concat(Enumerable.Range(0, 250).Select(i => $"## term{i:D3}\n\n- x\n\n"));
        var (_, r) = Complete("//- g.md\n<!-- 記事URL:https://e.com/g.md# -->\n\n" + terms + "//- a.md\nterm$0\n");
        r.Items.Should().HaveCount(CompletionService.MaxItems);
        r.IsIncomplete.Should().BeTrue();
        r.Items[0].Label.Should().Be("term000");
    }

    [Fact]
    public void An_opening_bracket_typed_by_hand_is_replaced_by_the_link()
    {
        var (f, r) = Complete(Glossary + "//- articles/post.md\n手法は[ふぁ$0\n");
        r.Items.Select(i => i.Label).Should().Equal("ファインチューニング");
        r.Items[0].FilterText.Should().Be("[ふぁ");
        Apply(f, r.Items[0]).Should().Be("手法は[ファインチューニング](../glossary/ml.md#44OV44Kh44Kk44Oz44OB44Ol44O844OL44Oz44KwIHwgRmluZS10dW5pbmc=)\n");

        (f, r) = Complete(Glossary + "//- articles/post.md\n手法は[$0\n");
        r.Items.Should().HaveCount(8); // every entry word of every term
        r.IsIncomplete.Should().BeTrue();
        r.Items[0].FilterText.Should().Be("[" + r.Items[0].Label);
        f.TextOf(r.Items[0].Edit.Span).Should().Be("[");
    }

    [Fact]
    public void Trigger_characters_outside_a_link_context_offer_nothing()
    {
        Complete(Glossary + "//- articles/post.md\n#$0\n").R.Items.Should().BeEmpty();
        Complete(Glossary + "//- articles/post.md\n(see $0\n").R.Items.Select(i => i.Label).Should().Equal( // after a space: every term
            "Data Augmentation", "Fine-tuning", "Learning Rate", "Transfer Learning", "データ拡張", "ファインチューニング", "学習率", "転移学習");
        Complete(Glossary + "//- articles/post.md\n(\"$0\n").R.Items.Should().BeEmpty();
    }

    [Fact]
    public void Href_without_hash_offers_published_urls_in_term_lists()
    {
        var (f, r) = Complete(Glossary.Replace("- 一歩の大きさ。", "- <a href=\"$0"));
        r.Items.Select(i => $"{i.Label} {i.Edit.NewText}").Should().Equal("../terms/data-augmentation.md ../terms/data-augmentation.md");
        (f, r) = Complete(Glossary + "//- glossary/b.md\n<!-- 記事URL:https://example.com/glossary/b.md# -->\n\n## B\n\n- <a href=\"https://ex$0");
        r.Items.Select(i => $"{i.Label} {i.Edit.NewText}").Should().Equal(
            "ml.md https://example.com/glossary/ml.md",
            "../terms/data-augmentation.md https://example.com/terms/data-augmentation.md"); // URL from the mapping the two article URLs agree on
    }

    [Fact]
    public void Completion_at_the_end_of_a_document_after_its_last_line_break_offers_every_term()
    {
        var (_, r) = Complete(Glossary + "//- articles/post.md\n転移学習の話。\n$0");
        r.Items.Select(i => i.Label).Should().Equal("Data Augmentation", "Fine-tuning", "Learning Rate", "Transfer Learning", "データ拡張", "ファインチューニング", "学習率", "転移学習");
    }

    [Fact]
    public void Completion_between_the_halves_of_a_surrogate_pair_offers_nothing_and_does_not_throw()
    {
        var f = FixtureWorkspace.Parse(Glossary + "//- articles/post.md\n転移😀学習\n");
        var doc = f.Doc("articles/post.md");
        CompletionService.Complete(f.Index, doc, doc.Text.IndexOf("😀", StringComparison.Ordinal) + 1).Items.Should().BeEmpty();
    }
}
