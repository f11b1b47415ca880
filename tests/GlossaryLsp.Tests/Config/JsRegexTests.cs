using GlossaryLsp.Core.Config;

namespace GlossaryLsp.Tests.Config;

/// <summary>JavaScript (Unicode mode, as prh compiles it) regexes become .NET regexes with the same matches.</summary>
public class JsRegexTests
{
    [Theory]
    [InlineData(@"\d+", "١٢3４5", "3|5")]                                  // \d is ASCII only
    [InlineData(@"\w+", "café_1", "caf|_1")]                             // \w is ASCII only
    [InlineData(@"\bjs\b", "js,ajs,js_x,js", "js|js")]                   // \b between ASCII word chars
    [InlineData(@"a.c", "a😀c a\nc", "a😀c")]                            // . takes a whole code point, not a line break
    [InlineData(@"[^a]c", "😀c bc", "😀c|bc")]                          // a negated class too
    [InlineData(@"^x|y$", "x1\rx2\u2028y\ny", "x|x|y|y")]                // ^ and $ at JavaScript's line terminators
    [InlineData(@"(?<!ま)でで(?!(きる|きます|す))", "まででででできる", "でで")]
    [InlineData(@"(?<w>ab)\k<w>", "abab", "abab")]
    [InlineData(@"\u{1F332}+", "🌲🌲x", "🌲🌲")]
    [InlineData(@"[\x00-\x08]", "a\u0001b", "\u0001")]
    [InlineData(@"\s", "a\u3000b\u0085c", "\u3000")]                      // U+0085 is not a JavaScript space
    [InlineData(@"\p{Lu}", "aBc", "B")]
    public void Matches_as_javascript_does(string source, string input, string expected)
    {
        var matches = JsRegex.Translate(source, ignoreCase: false).Matches(input).Select(m => m.Value);
        string.Join('|', matches).Should().Be(expected);
    }

    [Fact]
    public void Named_groups_are_numbered_in_order_as_in_javascript()
    {
        var m = JsRegex.Translate(@"(?<a>x)(y)", ignoreCase: false).Match("xy");
        m.Groups[1].Value.Should().Be("x");
        m.Groups[2].Value.Should().Be("y");
    }

    [Fact]
    public void Ignore_case()
    {
        JsRegex.Translate("javascript", ignoreCase: true).IsMatch("JavaScript").Should().BeTrue();
    }

    [Theory]
    [InlineData(@"a\-b", "invalid escape")]
    [InlineData(@"a]", "lone ']'")]
    [InlineData(@"a{", "lone '{'")]
    [InlineData(@"(a", "unterminated group")]
    [InlineData(@"\p{Script=Han}", "not supported")]
    [InlineData(@"[\D]", "not supported")]
    [InlineData(@"[😀]", "beyond the BMP")]
    public void Rejects_what_unicode_mode_rejects_or_is_not_supported(string source, string reason)
    {
        var act = () => JsRegex.Translate(source, ignoreCase: false);
        act.Should().Throw<JsRegexException>().WithMessage($"*{reason}*");
    }
}
