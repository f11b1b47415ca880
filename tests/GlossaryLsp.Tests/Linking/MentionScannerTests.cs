using GlossaryLsp.Core.Linking;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Tests.Linking;

/// <summary>The mention rules of SPEC §1, one fixture each.</summary>
public class MentionScannerTests
{
    private const string Glossary = """
        //- glossary/ml.md
        <!-- 記事URL:https://example.com/glossary/ml.md# -->

        ## 転移学習 | Transfer Learning
        - 学習済みモデルを再利用する。

        ## 学習 | Training
        - 重みを更新すること。

        ## 人工知能 | Artificial Intelligence | AI
        - 知的な振る舞い。

        ## ファインチューニング | Fine-tuning
        - 追加の学習。

        """;

    [Fact]
    public void Longest_entry_word_wins()
    {
        var mentions = Mentions(Glossary + "//- notes/a.md\n転移学習と学習は違う。\n", "notes/a.md");
        mentions.Should().Equal(("転移学習", "転移学習"), ("学習", "学習"));
    }

    /// <summary>Asserts the mentions of a document are exactly the fixture's [|…|] spans, and returns them.</summary>
    private static List<TermMention> MarkedMentions(string fixture, string path)
    {
        var w = FixtureWorkspace.Parse(fixture);
        var mentions = MentionScanner.FindMentions(w.Index, w.Doc(path));
        mentions.Select(m => m.Span).Should().Equal(w.Fixture.Spans.Where(s => s.Path == path).Select(s => s.Span));
        return [.. mentions];
    }

    private static List<(string Text, string Headword)> Mentions(string fixture, string path)
    {
        var index = FixtureWorkspace.Parse(fixture).Index;
        return [.. MentionScanner.FindMentions(index, index.GetDocument(path)!).Select(m => (m.Text, m.Term.Headword))];
    }

    [Fact]
    public void Latin_edges_need_an_ascii_boundary_and_cjk_edges_do_not()
    {
        var mentions = Mentions(Glossary + "//- notes/a.md\nAIブーム、GOFAI、OpenAI、FP8AI、AI2、第3次AIブーム、(AI)。\n", "notes/a.md");
        mentions.Select(m => m.Text).Should().Equal("AI", "AI", "AI");
        MarkedMentions(Glossary + "//- notes/a.md\n[|AI|]ブーム、GOFAI、OpenAI、FP8、第3次[|AI|]ブーム、([|AI|])。\n", "notes/a.md");
    }

    [Fact]
    public void English_entry_words_match_in_lower_case_and_with_hyphen_space_or_underscore()
    {
        var mentions = Mentions(Glossary + "//- notes/a.md\nUse transfer learning, TRANSFER-LEARNING or transfer_learning; then fine tuning.\n", "notes/a.md");
        mentions.Should().Equal(
            ("transfer learning", "転移学習"), ("TRANSFER-LEARNING", "転移学習"), ("transfer_learning", "転移学習"), ("fine tuning", "ファインチューニング"));
    }

    [Fact]
    public void Full_width_latin_is_found_after_nfkc()
    {
        var m = MarkedMentions(Glossary + "//- notes/a.md\n次世代[|ＡＩ|]と、ＧＯＦＡＩ。\n", "notes/a.md").Single();
        m.Text.Should().Be("ＡＩ");
        m.Term.Headword.Should().Be("人工知能");
    }

    [Fact]
    public void Inline_code_links_html_blocks_headings_and_front_matter_are_skipped()
    {
        var fixture = Glossary + """
            //- notes/a.md
            ---
            title: 転移学習の話
            ---

            # 転移学習
            `転移学習` と [転移学習](../glossary/ml.md) と <a href="x">転移学習</a> と <https://example.com/転移学習>。
            <div>
            転移学習
            </div>

            ```
            転移学習
            ```
            最後に[|転移学習|]。

            """;
        MarkedMentions(fixture, "notes/a.md");
    }

    [Fact]
    public void Term_headings_of_the_glossary_are_not_mentions()
    {
        var index = FixtureWorkspace.Parse(Glossary).Index;
        var doc = index.GetDocument("glossary/ml.md")!;
        MentionScanner.FindMentions(index, doc).Select(m => m.Text).Should().Equal("学習", "学習");
    }

    [Fact]
    public void Nearest_definition_is_the_target()
    {
        var fixture = """
            //- a/terms.md
            <!-- 記事URL:https://example.com/a/terms.md# -->
            ## 推論 | Inference
            - Aの定義。
            //- b/terms.md
            <!-- 記事URL:https://example.com/b/terms.md# -->
            ## 推論 | Inference
            - Bの定義。
            //- b/sub/note.md
            推論する。
            //- a/note.md
            推論する。

            """;
        var index = FixtureWorkspace.Parse(fixture).Index;
        MentionScanner.FindMentions(index, index.GetDocument("b/sub/note.md")!).Single().Term.DocumentPath.Should().Be("b/terms.md");
        MentionScanner.FindMentions(index, index.GetDocument("a/note.md")!).Single().Term.DocumentPath.Should().Be("a/terms.md");
    }

    [Fact]
    public void Offsets_are_utf16_after_surrogate_pairs_and_with_crlf()
    {
        var fixture = Glossary + "//- notes/a.md\n---\r\ntitle: x\r\n---\r\n✅ 🌲[|AI|]と🌲[|転移学習|]\r\n\t[|学習|]\r\n";
        var mentions = MarkedMentions(fixture, "notes/a.md");
        mentions.Select(m => m.Text).Should().Equal("AI", "転移学習", "学習");
        var f = Fixture.Parse(fixture);
        FixtureWorkspace.From(f).Doc("notes/a.md").Lines.GetPosition(mentions[0].Span.Start).Should().Be(new LinePosition(3, 4))
            .And.Be(f.Position("notes/a.md", f.Spans[0].Span.Start));
    }

    [Fact]
    public void Readings_are_not_mentions_but_kana_folding_finds_the_headword()
    {
        var fixture = """
            //- glossary/tl.md
            ---
            type: glossary
            title: ファインチューニング
            e-title: Fine-tuning
            term: ふぁいんちゅーにんぐ
            ---
            追加の学習。
            //- notes/a.md
            てんい と ふぁいんちゅーにんぐ と ファインチューニング。

            """;
        var index = FixtureWorkspace.Parse(fixture).Index;
        var mentions = MentionScanner.FindMentions(index, index.GetDocument("notes/a.md")!);
        // ふぁいんちゅーにんぐ is the headword folded to hiragana, so it is a mention; the reading alone would not be.
        mentions.Select(m => m.Text).Should().Equal("ふぁいんちゅーにんぐ", "ファインチューニング");
    }

    [Fact]
    public void Readings_that_differ_from_every_entry_word_are_never_mentions()
    {
        var fixture = """
            //- glossary/tl.md
            ---
            type: glossary
            title: 転移学習
            term: てんいがくしゅう
            ---
            再利用。
            //- notes/a.md
            てんいがくしゅう と テンイガクシュウ。

            """;
        var index = FixtureWorkspace.Parse(fixture).Index;
        MentionScanner.FindMentions(index, index.GetDocument("notes/a.md")!).Should().BeEmpty();
    }

    [Fact]
    public void Nfkc_expansion_maps_back_to_the_original_character()
    {
        var fixture = """
            //- g.md
            <!-- 記事URL:https://example.com/g.md# -->
            ## キロ
            - 千。
            ## キ
            - 木。
            //- n.md
            3[|㌔|]と、[|キロ|]と、[|キ|]。

            """;
        MarkedMentions(fixture, "n.md").Select(m => m.Text).Should().Equal("㌔", "キロ", "キ");
    }

    [Fact]
    public void Combining_marks_half_width_kana_and_lone_surrogates()
    {
        var fixture = "//- g.md\n<!-- 記事URL:https://example.com/g.md# -->\n## ガイド\n- 案内。\n## 転移学習\n- 再利用。\n" +
                      "//- n.md\n[|カ\u3099イド|]と[|\uFF76\uFF9E\uFF72\uFF84\uFF9E|]と\uD800[|転移学習|]。\n";
        MarkedMentions(fixture, "n.md").Select(m => m.Term.Headword).Should().Equal("ガイド", "ガイド", "転移学習");
    }

    [Fact]
    public void FindAt_returns_the_mention_under_or_touching_the_cursor()
    {
        var w = FixtureWorkspace.Parse(Glossary + "//- notes/a.md\n前[||]置き\n転移学$0習と[|学習|]。\n");
        var (index, doc) = (w.Index, w.Document);
        MentionScanner.FindAt(index, doc, w.Cursor)!.Text.Should().Be("転移学習");
        MentionScanner.FindAt(index, doc, w.Fixture.Spans[1].Span.End)!.Term.Headword.Should().Be("学習", "the cursor right after the word");
        MentionScanner.FindAt(index, doc, w.Fixture.Spans[0].Span.Start).Should().BeNull();
    }
}

/// <summary>The automaton follows definition changes between snapshots (derived tries, not rebuilt).</summary>
public class MentionScannerSnapshotTests
{
    [Fact]
    public void Added_renamed_and_removed_terms_are_followed_across_snapshots()
    {
        var index = FixtureWorkspace.Parse("""
            //- g.md
            <!-- 記事URL:https://example.com/g.md# -->
            ## 転移学習
            - 再利用。
            //- n.md
            転移学習と蒸留と知識蒸留。

            """).Index;
        var note = index.GetDocument("n.md")!;
        MentionScanner.FindMentions(index, note).Select(m => m.Text).Should().Equal("転移学習");

        var glossary = index.GetDocument("g.md")!;
        var withNew = index.WithDocument(GlossaryLsp.Core.Workspace.WorkspaceLoader.ParseText("g.md",
            glossary.Text + "## 蒸留\n- 小さく。\n## 知識蒸留\n- 教師から。\n", index.Config));
        MentionScanner.FindMentions(withNew, note).Select(m => m.Text).Should().Equal("転移学習", "蒸留", "知識蒸留");

        var renamed = withNew.WithDocument(GlossaryLsp.Core.Workspace.WorkspaceLoader.ParseText("g.md",
            "<!-- 記事URL:https://example.com/g.md# -->\n## 転移\n- 再利用。\n## 知識蒸留\n- 教師から。\n", index.Config));
        MentionScanner.FindMentions(renamed, note).Select(m => m.Text).Should().Equal("転移", "知識蒸留");
        MentionScanner.FindMentions(index, note).Select(m => m.Text).Should().Equal(new[] { "転移学習" }, "the old snapshot is unchanged");
    }
}

/// <summary>Seeded random text: the scanner never throws, spans are ordered, disjoint, in prose, and FindAt agrees.</summary>
public class MentionScannerRandomTextTests
{
    [Fact]
    public void Random_text_gives_consistent_mentions()
    {
        var index = FixtureWorkspace.Parse("""
            //- g.md
            <!-- 記事URL:https://example.com/g.md# -->
            ## 人工知能 | AI
            - a
            ## 転移学習 | Transfer Learning
            - b
            ## ガイド
            - c
            ## キロ
            - d

            """).Index;
        string[] pieces = ["AI", "ai", "ＡＩ", "GOF", "転移", "学習", "transfer", " ", "-", "_", "learning", "\r\n", "\n", "✅", "🌲", "\uD83C", "\uDF32",
                           "\u3099", "カ", "イド", "ｶﾞ", "㌔", "キロ", "`", "[", "](x)", "<a href=\"y\">", "</a>", "# ", "|", "\t", "é", "e\u0301"];
        var random = new Random(20261122);
        for (int round = 0; round < 300; round++)
        {
            var sb = new System.Text.StringBuilder();
            for (int k = random.Next(1, 40); k > 0; k--) sb.Append(pieces[random.Next(pieces.Length)]);
            var doc = GlossaryLsp.Core.Workspace.WorkspaceLoader.ParseText("n.md", sb.ToString(), index.Config);
            var snapshot = index.WithDocument(doc);
            var mentions = MentionScanner.FindMentions(snapshot, doc);
            int end = 0;
            foreach (var m in mentions)
            {
                m.Span.Start.Should().BeGreaterThanOrEqualTo(end, sb.ToString());
                doc.GetText(m.Span).Should().Be(m.Text);
                doc.IsProtected(m.Span.Start).Should().BeFalse();
                MentionScanner.FindAt(snapshot, doc, m.Span.Start)!.Span.Should().Be(m.Span, sb.ToString());
                end = m.Span.End;
            }
            var linked = GlossaryLsp.Core.Text.TextEdit.Apply(doc.Text, TermLinker.LinkAll(snapshot, doc, GlossaryLsp.Core.Config.LinkerMode.All));
            var again = GlossaryLsp.Core.Workspace.WorkspaceLoader.ParseText("n.md", linked, index.Config);
            TermLinker.LinkAll(snapshot.WithDocument(again), again, GlossaryLsp.Core.Config.LinkerMode.All).Should().BeEmpty(sb.ToString() + " => " + linked);
        }
    }
}
