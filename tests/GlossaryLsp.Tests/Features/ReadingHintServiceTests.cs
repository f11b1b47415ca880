using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Features;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Tests.Features;

public sealed class ReadingHintServiceTests
{
    /// <summary>Spans end where a hint goes in "all" mode; <see cref="FirstOnly"/> lists those "first" keeps.</summary>
    private const string Workspace = """
        //- terms/tl.md
        ---
        type: glossary
        title: 転移学習
        e-title: Transfer Learning
        term: てんいがくしゅう
        ---
        別の課題で学んだ知識を使う。二文目。
        //- terms/ft.md
        ---
        type: glossary
        title: ファインチューニング
        term: ふぁいんちゅーにんぐ
        ---
        微調整。
        //- 記事.md
        # 記事

        🌲 [|転移学習|]と[|転移学習|]、[[|転移学習|]](terms/tl.md)。Transfer Learning とファインチューニング。

        ## 次の節

        `転移学習` の次に [|転移学習|]。
        """;

    private static readonly int[] FirstOnly = [0, 3];

    [Theory]
    [InlineData(ReadingHintMode.All, "\n")]
    [InlineData(ReadingHintMode.First, "\n")]
    [InlineData(ReadingHintMode.First, "\r\n")]
    [InlineData(ReadingHintMode.Off, "\n")]
    public void Kanji_mentions_get_the_reading_after_them_first_per_section_or_all(ReadingHintMode mode, string newline)
    {
        var f = FixtureWorkspace.Parse(Workspace, newline: newline);
        var doc = f.Doc("記事.md");
        var hints = ReadingHintService.GetHints(f.Index, doc, new TextSpan(0, doc.Text.Length), mode);
        var spans = f.Fixture.Spans.Select((s, i) => (s, i)).Where(x => mode == ReadingHintMode.All || mode == ReadingHintMode.First && FirstOnly.Contains(x.i));
        hints.Select(h => $"{doc.Lines.GetPosition(h.Offset)} {h.Reading} {h.Term.DocumentPath}").Should()
            .Equal(spans.Select(x => $"{f.Fixture.Position("記事.md", x.s.Span.End)} てんいがくしゅう terms/tl.md"));
    }

    [Fact]
    public void In_first_mode_a_range_after_the_first_mention_of_its_section_gets_none()
    {
        var f = FixtureWorkspace.Parse(Workspace);
        var doc = f.Doc("記事.md");
        var second = f.Fixture.Spans[1].Span;
        ReadingHintService.GetHints(f.Index, doc, TextSpan.FromBounds(second.Start, second.End), ReadingHintMode.First).Should().BeEmpty();
        ReadingHintService.GetHints(f.Index, doc, TextSpan.FromBounds(second.Start, second.End), ReadingHintMode.All).Should().ContainSingle()
            .Which.Offset.Should().Be(second.End);
    }

    [Fact]
    public void The_tooltip_is_the_first_sentence_of_the_definition()
    {
        var f = FixtureWorkspace.Parse(Workspace);
        var term = f.Doc("terms/tl.md").Terms.Single();
        ReadingHintService.FirstSentence(f.Index, term).Should().Be("別の課題で学んだ知識を使う。");
    }
}
