using GlossaryLsp.Core.Features;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Tests.Features;

public sealed class TermHighlightServiceTests
{
    /// <summary>Every span is a highlight; <see cref="Kinds"/> gives their kinds in order.</summary>
    private const string Workspace = """
        //- 用語集.md
        <!-- 記事URL:https://example.org/用語集.md# -->

        ## [|転移学習|] | [|Transfer Learning|]<a id="6Lui56e75a2m57+S"></a>

        - 🌲 [|凍結|]してから使う。`凍結` はコード。

        ## [|凍結|]

        - 重みを止める。
        //- 記事.md
        ---
        title: 凍結の話
        ---
        🌲 [|転移学習|]と[[|凍結|]](用語集.md#5YeN57WQ)、<a href="用語集.md#5YeN57WQ">[|凍結|]した</a> [|transfer learning|]。
        <!-- 凍結 -->
        ```
        凍結
        ```
        """;

    private static readonly TermHighlightKind[] Kinds =
    [
        TermHighlightKind.Declaration, TermHighlightKind.Declaration, TermHighlightKind.Unlinked, TermHighlightKind.Declaration,
        TermHighlightKind.Unlinked, TermHighlightKind.Linked, TermHighlightKind.Linked, TermHighlightKind.Unlinked,
    ];

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Headings_declare_prose_mentions_are_unlinked_link_texts_linked_and_code_html_front_matter_have_none(string newline)
    {
        var f = FixtureWorkspace.Parse(Workspace, newline: newline);
        var expected = f.Fixture.Spans.Select((s, i) => $"{s.Path} {f.Fixture.Range(s)} {Kinds[i]}");
        var actual = f.Fixture.Files.SelectMany(file => TermHighlightService.GetHighlights(f.Index, f.Doc(file.Path))
            .Select(h => $"{file.Path} {FixtureWorkspace.Range(f.Doc(file.Path), h.Span)} {h.Kind}"));
        actual.Should().Equal(expected);
    }

    [Fact]
    public void A_range_gives_the_highlights_of_its_whole_lines_only()
    {
        var f = FixtureWorkspace.Parse(Workspace);
        var glossary = f.Doc("用語集.md");
        var mention = f.Fixture.Spans[2].Span;
        // One character inside the bullet's 凍結: the mention comes whole, the headings above and below do not.
        var highlights = TermHighlightService.GetHighlights(f.Index, glossary, new TextSpan(mention.Start + 1, 0));
        highlights.Should().Equal(new TermHighlight(mention, TermHighlightKind.Unlinked));
    }

    [Fact]
    public void A_notation_variant_is_deprecated_and_wins_over_the_shorter_mention_it_overlaps()
    {
        var f = FixtureWorkspace.Parse("""
            //- 用語集.md
            <!-- 記事URL:https://example.org/用語集.md# -->

            ## データ
            - 資料。

            ## データベース
            - 表の集まり。
            //- 記事.md
            データーベースとデータ、[データー](https://example.org/x)。
            """);
        var doc = f.Doc("記事.md");
        TermHighlightService.GetHighlights(f.Index, doc).Select(h => (doc.GetText(h.Span), h.Kind)).Should().Equal(
            ("データーベース", TermHighlightKind.Deprecated | TermHighlightKind.Unlinked),
            ("データ", TermHighlightKind.Unlinked),
            ("データー", TermHighlightKind.Deprecated));
    }
}
