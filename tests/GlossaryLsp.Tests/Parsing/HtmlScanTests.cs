using System.Text.RegularExpressions;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Tests.Parsing;

/// <summary>The hand-written HTML scanners find exactly what the regular expressions they replace find.</summary>
public class HtmlScanTests
{
    // Every character the expressions treat specially, plus word and non-word characters of several scripts.
    private const string Alphabet = "<<>>aA\"'= \n/hrefidnamHREFIDNAM-_x1は語\u0903\u200D\u0301\u3000";

    private static readonly Regex AnchorTag = new(@"<a(?=[\s/>])(?:[^>""']|""[^""]*""|'[^']*')*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex Attribute = new(
        @"\b(?<name>href|id|name)\s*=\s*(?:""(?<v>[^""]*)""|'(?<v>[^']*)'|(?<v>[^\s>""']+))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex AnchorClose = new(@"</a\s*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex Tag = new(@"<[^<>]*>", RegexOptions.CultureInvariant);

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
        // A quadratic scan of this input would not finish in a test run; the results, not a timer, are asserted.
        var text = string.Concat(Enumerable.Repeat("<a \"", 250_000));
        HtmlScanner.AnchorTags(text).Should().BeEmpty();
        var mixed = string.Concat(Enumerable.Repeat("<a '\" x", 100_000)) + ">";
        HtmlScanner.AnchorTags(mixed).Select(t => (t.Index, t.Length)).Should().Equal(AnchorTag.Matches(mixed).Select(m => (m.Index, m.Length)));
    }

    private static void AssertSame(string text)
    {
        HtmlScanner.AnchorTags(text).Select(t => (t.Index, t.Length)).Should().Equal(AnchorTag.Matches(text).Select(m => (m.Index, m.Length)), $"tags in '{text}'");
        var attributes = new List<(string, int, int)>();
        foreach (var a in HtmlScanner.Attributes(text, 0, text.Length)) attributes.Add((a.Name, a.ValueStart, a.ValueLength));
        attributes.Should().Equal(
            Attribute.Matches(text).Select(m => (m.Groups["name"].Value.ToLowerInvariant(), m.Groups["v"].Index, m.Groups["v"].Length)), $"attributes in '{text}'");
        var first = HtmlScanner.FirstAnchorTag(text, 0, text.Length);
        (first is { } f ? (f.Index, f.Length) : (-1, 0)).Should().Be(AnchorTag.Match(text) is { Success: true } m ? (m.Index, m.Length) : (-1, 0), $"first tag in '{text}'");
        var close = AnchorClose.Match(text);
        HtmlScanner.FindAnchorClose(text, 0, text.Length).Should().Be(close.Success ? (close.Index, close.Length) : (-1, 0), $"</a> in '{text}'");
        HtmlScanner.StripTags(text).Should().Be(Tag.Replace(text, string.Empty), $"tags stripped from '{text}'");
        HtmlScanner.IsBlankWithoutTags(text).Should().Be(Tag.Replace(text, string.Empty).Trim().Length == 0, $"blank without tags: '{text}'");
    }
}

/// <summary>The optimized slug, URL and anchor code gives what straightforward reference versions give.</summary>
public class ParserFastPathTests
{
    private static readonly Regex BareUrl = new(@"https?://[^\s<>()\[\]""'`]+", RegexOptions.CultureInvariant);

    [Fact]
    public void Bare_urls_match_the_regular_expression()
    {
        const string alphabet = "https:/ xp<>()[]\"'`\n語.\u3000\u00A0\u0085\u2028\u0001é";
        var rng = new Random(3);
        for (int i = 0; i < 30000; i++)
        {
            var chars = new char[rng.Next(0, 30)];
            for (int j = 0; j < chars.Length; j++) chars[j] = alphabet[rng.Next(alphabet.Length)];
            var text = rng.Next(4) == 0 ? "http://" + new string(chars) : new string(chars);
            DocumentParser.BareUrls(text).Select(s => (s.Start, s.Length)).Should().Equal(BareUrl.Matches(text).Select(m => (m.Index, m.Length)), $"'{text}'");
        }
    }

    [Fact]
    public void Slugs_match_the_rune_by_rune_definition()
    {
        const string alphabet = "Aaz Z09-_.,!?\t語カﾌﾞＡ１\u0301\u0903\u3000Éé😀\U0001D400\uD800";
        var rng = new Random(5);
        for (int i = 0; i < 30000; i++)
        {
            var sb = new System.Text.StringBuilder();
            int n = rng.Next(0, 16);
            for (int j = 0; j < n; j++)
            {
                int k = rng.Next(alphabet.Length);
                sb.Append(alphabet[k]);
                if (char.IsHighSurrogate(alphabet[k]) && k + 1 < alphabet.Length && rng.Next(3) > 0) sb.Append(alphabet[k + 1]);
            }
            var text = sb.ToString();
            HeadingSlug.Create(text).Should().Be(ReferenceSlug(text), $"'{text}'");
        }
    }

    [Fact]
    public void Slugs_lower_only_the_categories_that_have_lower_case()
    {
        // HeadingSlug skips char.ToLowerInvariant outside these categories: it must change no other char.
        for (int i = 0; i <= char.MaxValue; i++)
        {
            char c = (char)i;
            if (!HeadingSlug.HasLowerCase(System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c)))
                char.ToLowerInvariant(c).Should().Be(c, $"U+{i:X4}");
        }
    }

    [Theory]
    [InlineData("転移学習 | Transfer Learning")]
    [InlineData("Plain")]
    [InlineData("絵文字😀")]
    public void An_anchor_equal_to_the_explicit_id_is_the_same_string(string heading)
    {
        var id = AnchorCodec.Encode(heading);
        var explicitId = new string(id.AsSpan());
        AnchorCodec.Encode(heading, explicitId).Should().BeSameAs(explicitId);
        AnchorCodec.Encode(heading, "other").Should().Be(id);
        AnchorCodec.Encode(heading, null).Should().Be(id);
    }

    // The definition the fast path replaced: runes, category, lower-case invariant.
    private static string ReferenceSlug(string headingText)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var rune in headingText.Trim().EnumerateRunes())
        {
            if (rune.Value == ' ') { sb.Append('-'); continue; }
            if (rune.Value is '-' or '_') { sb.Append((char)rune.Value); continue; }
            switch (System.Text.Rune.GetUnicodeCategory(rune))
            {
                case System.Globalization.UnicodeCategory.UppercaseLetter:
                case System.Globalization.UnicodeCategory.LowercaseLetter:
                case System.Globalization.UnicodeCategory.TitlecaseLetter:
                case System.Globalization.UnicodeCategory.ModifierLetter:
                case System.Globalization.UnicodeCategory.OtherLetter:
                case System.Globalization.UnicodeCategory.DecimalDigitNumber:
                case System.Globalization.UnicodeCategory.LetterNumber:
                case System.Globalization.UnicodeCategory.OtherNumber:
                case System.Globalization.UnicodeCategory.NonSpacingMark:
                case System.Globalization.UnicodeCategory.SpacingCombiningMark:
                case System.Globalization.UnicodeCategory.ConnectorPunctuation:
                    sb.Append(System.Text.Rune.ToLowerInvariant(rune).ToString());
                    break;
            }
        }
        return sb.ToString();
    }
}
