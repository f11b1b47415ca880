using GlossaryLsp.Core.Features;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Tests.Parsing;

/// <summary>Malformed Markdown and HTML the fuzzer found (tests/fuzz/findings): spans stay inside the text, headings read as CommonMark reads them.</summary>
public class MalformedMarkupTests
{
    [Fact]
    public void An_unclosed_container_at_the_end_of_the_file_protects_only_the_text_there_is()
    {
        var doc = DocumentParser.Parse("doc.md", ":::");
        doc.LoadProblem.Should().BeNull();
        doc.ProtectedSpans.Should().Equal(new TextSpan(0, 3));
    }

    [Fact]
    public void A_heading_with_a_tab_after_its_hashes_has_its_text_where_it_is()
    {
        var doc = DocumentParser.Parse("doc.md", "0記事\n#\t長い 😀\n");
        var h = doc.Headings.Should().ContainSingle().Subject;
        (h.Text, doc.GetText(h.TextSpan)).Should().Be(("長い 😀", "長い 😀"));
        var node = DocumentSymbolService.GetOutline(doc).Should().ContainSingle().Subject;
        (node.Range, node.NameSpan).Should().Be((new TextSpan(4, 7), new TextSpan(6, 5)), "the outline's name lies inside its range");
    }

    [Theory]
    [InlineData("## 長い[<a id=\"x\"></a>\n", "長い[")]
    [InlineData("長い[<a id=\"x\"></a>\n---\n", "長い[")]
    [InlineData("## 長い<a><a id=\"x\"></a>\n", "長い")]
    public void A_heading_id_is_read_from_the_first_anchor_that_has_one_after_any_bracket(string heading, string text)
    {
        var h = DocumentParser.Parse("doc.md", heading).Headings.Should().ContainSingle().Subject;
        (h.ExplicitId, h.Text).Should().Be(("x", text));
    }

    [Fact]
    public void Attributes_of_an_anchor_tag_without_href_are_no_prose()
    {
        var doc = DocumentParser.Parse("doc.md", "<a id=\"転移学習\">見出し</a> 転移学習\n");
        doc.IsProtected(doc.Text.IndexOf("転移", StringComparison.Ordinal)).Should().BeTrue();
        doc.IsProtected(doc.Text.LastIndexOf("転移", StringComparison.Ordinal)).Should().BeFalse();
    }

    [Theory]
    [InlineData("前 <a title=\"x\" 転移学習\n次の行\n", 2)]
    [InlineData("0<a<1 の転移学習 <A\n", 12)]
    [InlineData("`<a ` は code。転移学習\n", -1)]
    public void An_anchor_tag_that_never_closes_protects_the_rest_of_the_text(string text, int unclosed)
    {
        var doc = DocumentParser.Parse("doc.md", text);
        doc.UnclosedTagStart.Should().Be(unclosed, "only <a followed by white space, '/' or '>' starts a tag (CommonMark), and none in code");
        doc.IsProtected(text.IndexOf("転移学習", StringComparison.Ordinal)).Should().Be(unclosed >= 0 && unclosed < text.IndexOf("転移学習", StringComparison.Ordinal));
    }
}
