using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Linking;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;
using GlossaryLsp.Core.Workspace;

namespace GlossaryLsp.Tests.Linking;

/// <summary>
/// <c>glossary link --write</c> never breaks a document (found by fuzzing, tests/fuzz/findings): what it
/// writes reads back as the links and heading ids it meant, a second run changes nothing, and text
/// around it that would take its markup in (open tags, brackets, malformed or shared URLs) is left alone.
/// </summary>
public class TermLinkerMarkupTests
{
    private const string Url = "<!-- 記事URL:https://example.com/g.md# -->\n";
    private static readonly string Long = AnchorCodec.Encode("長い");

    /// <summary>The linked text of <paramref name="path"/>, after checking that a second run over the written workspace edits nothing.</summary>
    private static string Link(string fixture, string path = Fixture.DefaultPath)
    {
        var w = FixtureWorkspace.Parse(fixture);
        var result = w.Apply(path, TermLinker.LinkAll(w.Index, w.Doc(path), LinkerMode.All));
        var again = w.With(path, result);
        TermLinker.LinkAll(again, again.GetDocument(path)!, LinkerMode.All).Should().BeEmpty("linking is idempotent");
        return result;
    }

    [Fact]
    public void A_malformed_article_url_is_never_written_into_a_link()
    {
        var anchor = AnchorCodec.Encode("学習");
        Link("<!-- 記事URL:ml.md -->\n## 転移学習\n- 学習の一種。\n## 学習\n- 別。\n").Should().Be(
            $"<!-- 記事URL:ml.md -->\n## 転移学習<a id=\"{AnchorCodec.Encode("転移学習")}\"></a>\n" +
            $"- <a href=\"#{anchor}\">学習</a>の一種。\n## 学習<a id=\"{anchor}\"></a>\n- 別。\n");
    }

    [Fact]
    public void An_article_url_two_documents_claim_is_not_written_the_relative_path_is()
    {
        var anchor = AnchorCodec.Encode("転移学習");
        var fixture = $"//- a/copy.md\n<!-- 記事URL:https://example.com/ml.md# -->\n## 古い語<a id=\"{AnchorCodec.Encode("古い語")}\"></a>\n- x\n" +
            $"//- b/ml.md\n<!-- 記事URL:https://example.com/ml.md# -->\n## 転移学習<a id=\"{anchor}\"></a>\n- y\n" +
            "//- b/list.md\n<!-- 記事URL:https://example.com/list.md# -->\n## 手法<a id=\"5omL5rOV\"></a>\n- 転移学習を使う。\n";
        Link(fixture, "b/list.md").Should().Be(
            $"<!-- 記事URL:https://example.com/list.md# -->\n## 手法<a id=\"5omL5rOV\"></a>\n- <a href=\"ml.md#{anchor}\">転移学習</a>を使う。\n");
    }

    [Theory]
    [InlineData("## 長い<a href=\n", "## 長い<a href=\n")] // an unclosed tag: the id would close it
    [InlineData("## 長い<a>\n", "## 長い<a><a id=\"{0}\"></a>\n")] // an <a> without id before the new one
    [InlineData("## 長い[\n", "## 長い[<a id=\"{1}\"></a>\n")] // an open bracket in the heading
    [InlineData("長い[\n-\n", "長い[<a id=\"{1}\"></a>\n-\n")] // a setext heading with an open bracket
    [InlineData("<a href=\"#x\">\n## 長い\n</a>\n", "<a href=\"#x\">\n## 長い\n</a>\n")] // a heading inside a link's element
    [InlineData("## 長い<a id=\"\nhref=\"x.md\">長い\n", "## 長い<a id=\"\nhref=\"x.md\">長い\n")] // a tag that starts in the heading and ends after it
    [InlineData("<a\n## 長い\n長い >\n", "<a\n## 長い\n長い >\n")] // a heading inside a tag that began before it
    [InlineData("## 長い<a\nhref=\"x.md\">長い\n", "## 長い<a\nhref=\"x.md\">長い\n")] // a tag begun by the heading's last characters
    public void Heading_ids_go_only_where_they_are_read_back_as_the_heading_s_id(string heading, string expected)
    {
        Link(Url + heading).Should().Be(Url + string.Format(expected, Long, AnchorCodec.Encode("長い[")));
    }

    [Theory]
    [InlineData("<a id=\"転移学習\">見出し</a>\n", "<a id=\"転移学習\">見出し</a>\n")] // inside a tag's attribute
    [InlineData("<a title=\"x\" 転移学習を\n続ける。転移学習\n", "<a title=\"x\" 転移学習を\n続ける。転移学習\n")] // after a tag that never closes
    [InlineData("!転移学習 と \\転移学習\n", "!転移学習 と \\転移学習\n")] // an image, an escaped bracket
    [InlineData("0<a<1 の転移学習\n", "0<a<1 の[転移学習](glossary/ml.md#{0})\n")] // "<a<" starts no tag (CommonMark)
    public void Mentions_are_linked_only_where_the_text_around_keeps_the_link_one_link(string article, string expected)
    {
        var glossary = $"//- glossary/ml.md\n<!-- 記事URL:https://example.com/glossary/ml.md# -->\n## 転移学習<a id=\"{AnchorCodec.Encode("転移学習")}\"></a>\n- x\n";
        Link(glossary + "//- post.md\n" + article, "post.md").Should().Be(string.Format(expected, AnchorCodec.Encode("転移学習")));
    }

    [Fact]
    public void Links_that_would_push_a_line_over_the_parse_limit_are_left_out_so_the_document_stays_analysed()
    {
        var glossary = $"//- glossary/ml.md\n<!-- 記事URL:https://example.com/glossary/ml.md# -->\n## 転移学習<a id=\"{AnchorCodec.Encode("転移学習")}\"></a>\n- x\n";
        var line = "転移学習。" + new string('あ', DocumentParser.MaxLineLength - 60) + "転移学習。";
        var linked = Link(glossary + "//- post.md\n" + line + "\n", "post.md");
        (linked.StartsWith("[転移学習](glossary/ml.md#", StringComparison.Ordinal), linked.EndsWith("あ転移学習。\n", StringComparison.Ordinal))
            .Should().Be((true, true), "the first mention is linked; linking the second would make the line too long");
        linked.Length.Should().BeLessThanOrEqualTo(DocumentParser.MaxLineLength + 1);
        WorkspaceLoader.ParseText("post.md", linked, GlossaryConfig.Default).LoadProblem.Should().BeNull();
    }
}
