using System.Text.RegularExpressions;
using GlossaryLsp.Core.Parsing;

namespace GlossaryLsp.Tests.Parsing;

/// <summary>The IndexOf comment scan finds exactly what <c>&lt;!--(.*?)--&gt;</c> (Singleline) finds.</summary>
public class CommentScanTests
{
    private static readonly Regex Reference = new(@"<!--(.*?)-->", RegexOptions.Singleline | RegexOptions.CultureInvariant);

    [Theory]
    [InlineData("<!-- a --> x <!-- b -->")]
    [InlineData("<!-->")]
    [InlineData("<!--->")]
    [InlineData("<!---->")]
    [InlineData("<!-- unclosed")]
    [InlineData("<!-- a <!-- b --> c -->")]
    [InlineData("--> <!-- x -->")]
    public void Matches_the_regex(string text) => Scan(text).Should().Equal(Regex(text));

    [Fact]
    public void Random_text_matches_the_regex()
    {
        const string alphabet = "<!->- a\n";
        var rng = new Random(8);
        for (int i = 0; i < 20000; i++)
        {
            var chars = new char[rng.Next(0, 24)];
            for (int j = 0; j < chars.Length; j++) chars[j] = alphabet[rng.Next(alphabet.Length)];
            var text = new string(chars);
            Scan(text).Should().Equal(Regex(text), $"'{text}'");
        }
    }

    private static List<(int, int, int, string)> Scan(string text) =>
        [.. DocumentParser.Comments(text).Select(m => (m.Index, m.Length, m.GroupIndex, m.GroupValue))];

    private static List<(int, int, int, string)> Regex(string text) =>
        [.. Reference.Matches(text).Select(m => (m.Index, m.Length, m.Groups[1].Index, m.Groups[1].Value))];
}
