using GlossaryLsp.Core.Text;
using GlossaryLsp.Server;
using GlossaryLsp.Server.Protocol;

namespace GlossaryLsp.Tests.Server;

public class ProtocolConversionsTests
{
    [Theory]
    [InlineData(PositionEncoding.Utf16, 3, 2)]
    [InlineData(PositionEncoding.Utf16, 4, 4)]
    [InlineData(PositionEncoding.Utf8, 8, 2)]
    [InlineData(PositionEncoding.Utf32, 3, 4)]
    public void A_position_inside_a_character_rounds_down_to_its_start_in_every_encoding(PositionEncoding encoding, int character, int offset)
    {
        const string text = "転移😀学習";
        new ProtocolConversions(encoding).ToOffset(text, new LineIndex(text), new Position(0, character)).Should().Be(offset);
    }
}
