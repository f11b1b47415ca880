using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Tests.Text;

public class LineIndexTests
{
    [Fact]
    public void Positions_are_utf16_code_units_with_surrogate_pairs_counting_two()
    {
        // ✅ is one UTF-16 unit (U+2705); 🌲 is a surrogate pair (U+1F332).
        var text = "✅転移🌲学習\r\n## ファイン";
        var index = new LineIndex(text);
        index.LineCount.Should().Be(2);
        text.IndexOf("学習", StringComparison.Ordinal).Should().Be(5);
        index.GetPosition(5).Should().Be(new LinePosition(0, 5));
        index.GetPosition(text.IndexOf('#')).Should().Be(new LinePosition(1, 0));
        index.GetOffset(new LinePosition(1, 3)).Should().Be(text.IndexOf('フ'));
    }

    [Theory]
    [InlineData("a\nb\nc", new[] { 0, 2, 4 })]
    [InlineData("a\r\nb\r\nc", new[] { 0, 3, 6 })]
    [InlineData("a\rb\rc", new[] { 0, 2, 4 })]
    [InlineData("a\r\n\nb", new[] { 0, 3, 4 })]
    public void Every_line_ending_starts_a_new_line(string text, int[] starts)
    {
        var index = new LineIndex(text);
        index.LineCount.Should().Be(starts.Length);
        for (int i = 0; i < starts.Length; i++) index.GetLineStart(i).Should().Be(starts[i]);
    }

    [Fact]
    public void Line_end_excludes_the_line_break()
    {
        var text = "用語\r\n次";
        var index = new LineIndex(text);
        index.GetLineEnd(0).Should().Be(2);
        index.GetLineEndIncludingBreak(0).Should().Be(4);
    }

    [Fact]
    public void Out_of_range_positions_clamp_to_the_text()
    {
        var text = "学習率\r\nLR";
        var index = new LineIndex(text);
        index.GetOffset(new LinePosition(0, 99)).Should().Be(3, "a character past the end of a line means the end of that line, before CRLF");
        index.GetOffset(new LinePosition(7, 0)).Should().Be(text.Length);
        index.GetOffset(new LinePosition(-1, 5)).Should().Be(0);
        index.GetPosition(999).Should().Be(new LinePosition(1, 2));
    }

    [Fact]
    public void Offsets_and_positions_round_trip_for_every_offset()
    {
        var text = "# 🌲見出し\r\n\r\n- ✅ 転移学習 | Transfer Learning\n最後";
        var index = new LineIndex(text);
        for (int offset = 0; offset <= text.Length; offset++)
        {
            var pos = index.GetPosition(offset);
            if (offset < text.Length && text[offset] == '\n' && offset > 0 && text[offset - 1] == '\r') continue; // inside CRLF
            index.GetOffset(pos).Should().Be(offset);
        }
    }
}
