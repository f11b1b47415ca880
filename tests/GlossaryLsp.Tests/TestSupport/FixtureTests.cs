using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Tests.TestSupport;

public class FixtureTests
{
    [Fact]
    public void Files_split_on_path_lines_and_keep_their_text_as_written()
    {
        var f = Fixture.Parse("//- glossary/ml.md\n## 転移学習\n\n- 再利用。\n//- my notes/a (1).md\r\n本文 //- ではない\r\n");
        f.Files.Should().Equal(
            new FixtureFile("glossary/ml.md", "## 転移学習\n\n- 再利用。\n"),
            new FixtureFile("my notes/a (1).md", "本文 //- ではない\r\n"));
        f.Cursor.Should().BeNull();
        f.Spans.Should().BeEmpty();
        f.Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void A_fixture_without_path_lines_is_one_file()
    {
        Fixture.Parse("# 見出し\n$0本文\n").Files.Should().Equal(new FixtureFile(Fixture.DefaultPath, "# 見出し\n本文\n"));
    }

    [Fact]
    public void Cursor_spans_and_diagnostics_are_removed_and_located_in_utf16()
    {
        var f = Fixture.Parse("""
            //- glossary/ml.md
            ## 🌲 [|ファインチューニング|] | Fine-tuning
            //- articles/post.md
            ✅[{|GL0002:学$0習率|}](x.md) と [|🌲|]{|GL0001:|}
            """);
        var post = f.Text("articles/post.md");
        post.Should().Be("✅[学習率](x.md) と 🌲");
        f.Cursor.Should().Be(new FixtureSpan("articles/post.md", new TextSpan(3, 0)));
        f.Spans.Should().Equal(new FixtureSpan("glossary/ml.md", new TextSpan(6, 10)), new FixtureSpan("articles/post.md", new TextSpan(15, 2)));
        f.Diagnostics.Should().Equal(
            new ExpectedDiagnostic("GL0002", "articles/post.md", new TextSpan(2, 3)), new ExpectedDiagnostic("GL0001", "articles/post.md", new TextSpan(17, 0)));
        post.Substring(2, 3).Should().Be("学習率");
        f.Text("glossary/ml.md").Substring(6, 10).Should().Be("ファインチューニング");
    }

    [Fact]
    public void Markers_nest_and_keep_their_opening_order()
    {
        var f = Fixture.Parse("[|外側{|GL0010:[|内側|]|}|]");
        f.Text(Fixture.DefaultPath).Should().Be("外側内側");
        f.Spans.Select(s => s.Span).Should().Equal(new TextSpan(0, 4), new TextSpan(2, 2));
        f.Diagnostics.Should().ContainSingle().Which.Span.Should().Be(new TextSpan(2, 2));
    }

    [Fact]
    public void Closers_without_their_opener_and_other_braces_are_text()
    {
        var f = Fixture.Parse("| 表 |] と {|x|} と {|GL12:y|}");
        f.Text(Fixture.DefaultPath).Should().Be("| 表 |] と {|x|} と {|GL12:y|}");
        f.Diagnostics.Should().BeEmpty();
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void A_newline_argument_rewrites_every_line_end_before_offsets_are_taken(string newline)
    {
        var f = Fixture.Parse("//- a.md\n一行目\r\n🌲二行目 {|GL0011:見出し|}\n三$0行目\n", newline);
        var text = f.Text("a.md");
        text.Should().Be($"一行目{newline}🌲二行目 見出し{newline}三行目{newline}");
        var d = f.Diagnostics.Single();
        text.Substring(d.Span.Start, d.Span.Length).Should().Be("見出し");
        f.Position("a.md", d.Span.Start).Should().Be(new LinePosition(1, 6), "🌲 is two UTF-16 code units");
        f.Position("a.md", f.Cursor!.Span.Start).Should().Be(new LinePosition(2, 1));
        f.Range(new FixtureSpan("a.md", d.Span)).Should().Be("1:6-1:9");
    }

    [Fact]
    public void Positions_count_a_lone_carriage_return_as_a_line_end()
    {
        var f = Fixture.Parse("a\rb\r\nc$0");
        f.Position(Fixture.DefaultPath, f.Cursor!.Span.Start).Should().Be(new LinePosition(2, 1));
    }

    [Theory]
    [InlineData("[|開いたまま", "unclosed marker")]
    [InlineData("{|GL0001:開いたまま", "unclosed marker")]
    [InlineData("$0 と $0", "a second '$0'")]
    [InlineData("前置き\n//- a.md\n本文", "before its first")]
    [InlineData("//- a.md\nx\n//- a.md\ny", "appears twice")]
    public void Malformed_fixtures_are_rejected(string fixture, string message)
    {
        var parse = () => Fixture.Parse(fixture);
        parse.Should().Throw<FormatException>().WithMessage($"*{message}*");
    }
}
