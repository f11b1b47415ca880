using System.Text.RegularExpressions;
using GlossaryLsp.Core.Parsing;

namespace GlossaryLsp.Tests.Performance;

/// <summary>The hand-written HTML scanners find exactly what the regular expressions they replace find.</summary>
public class HtmlScanTests
{
    private static readonly Regex AnchorTag = new(@"<a\b(?:[^>""']|""[^""]*""|'[^']*')*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex Attribute = new(@"\b(?<name>href|id|name)\s*=\s*(?:""(?<v>[^""]*)""|'(?<v>[^']*)'|(?<v>[^\s>""']+))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex AnchorClose = new(@"</a\s*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex Tag = new(@"<[^<>]*>", RegexOptions.CultureInvariant);

    // Every character the expressions treat specially, plus word and non-word characters of several scripts.
    private const string Alphabet = "<<>>aA\"'= \n/hrefidnamHREFIDNAM-_x1は語\u0903\u200D\u0301\u3000";

    [Theory]
    [InlineData("<a href=\"x\">t</a>")]
    [InlineData("<A HREF='x' id=y>")]
    [InlineData("<a>")]
    [InlineData("<ab>")]
    [InlineData("<a-b>")]
    [InlineData("<a\"> \" > <a '>' >")]
    [InlineData("<a \"unclosed <a href=x>")]
    [InlineData("<a title=\"a id=b\" href = 'c' data-name=d>")]
    [InlineData("見出し<a id=\"5LiA\"></a>")]
    [InlineData("<a\u0903> x\u0903id=1 \u0301name=2 _href=3")]
    public void Match_the_regular_expressions(string text) => AssertSame(text);

    [Fact]
    public void Random_text_matches_the_regular_expressions()
    {
        var rng = new Random(6);
        for (int i = 0; i < 30000; i++)
        {
            var chars = new char[rng.Next(0, 30)];
            for (int j = 0; j < chars.Length; j++) chars[j] = Alphabet[rng.Next(Alphabet.Length)];
            AssertSame(new string(chars));
        }
    }

    [Fact]
    public void A_megabyte_of_unclosed_tags_is_scanned_in_linear_time()
    {
        // Quadratic would be 10^11 steps; linear finishes at once. Not a timing assertion: the count proves the result.
        var text = string.Concat(Enumerable.Repeat("<a \"", 250_000));
        HtmlScanner.AnchorTags(text).Should().BeEmpty();
        var mixed = string.Concat(Enumerable.Repeat("<a '\" x", 100_000)) + ">";
        HtmlScanner.AnchorTags(mixed).Select(t => (t.Index, t.Length)).Should().Equal(AnchorTag.Matches(mixed).Select(m => (m.Index, m.Length)));
    }

    private static void AssertSame(string text)
    {
        HtmlScanner.AnchorTags(text).Select(t => (t.Index, t.Length)).Should().Equal(AnchorTag.Matches(text).Select(m => (m.Index, m.Length)), $"tags in '{text}'");
        HtmlScanner.Attributes(text, 0, text.Length).Select(a => (a.Name, a.ValueStart, a.ValueLength)).Should().Equal(
            Attribute.Matches(text).Select(m => (m.Groups["name"].Value.ToLowerInvariant(), m.Groups["v"].Index, m.Groups["v"].Length)), $"attributes in '{text}'");
        var close = AnchorClose.Match(text);
        HtmlScanner.FindAnchorClose(text, 0, text.Length).Should().Be(close.Success ? (close.Index, close.Length) : (-1, 0), $"</a> in '{text}'");
        HtmlScanner.StripTags(text).Should().Be(Tag.Replace(text, string.Empty), $"tags stripped from '{text}'");
    }
}
