using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Linking;
using GlossaryLsp.Core.Rules;
using GlossaryLsp.Core.Text;
using GlossaryLsp.Core.Workspace;

namespace GlossaryLsp.Tests.Linking;

public class TermRenamerTests
{
    private const string LearningAnchor = "5a2m57+S";
    private static readonly string OldAnchor = AnchorCodec.Encode("転移学習 | Transfer Learning");
    private static readonly string NewAnchor = AnchorCodec.Encode("転移学習法 | Transfer Learning");

    private static string Fixture => $$"""
        //- glossary/ml.md
        <!-- 記事URL:https://example.com/glossary/ml.md# -->

        ## 転移学習 | Transfer Learning<a id="{{OldAnchor}}"></a>
        - 再利用。<a href="https://example.com/glossary/ml.md#{{OldAnchor}}">転移学習</a>とは違う。

        ## 学習<a id="{{LearningAnchor}}"></a>
        - 学習。
        //- glossary/other.md
        <!-- 記事URL:https://example.com/glossary/other.md# -->

        ## 事前学習<a id="{{AnchorCodec.Encode("事前学習")}}"></a>
        - <a href="https://example.com/glossary/ml.md#{{OldAnchor}}">Transfer Learning</a>と<a href="https://example.com/glossary/ml.md#{{OldAnchor}}">転移学習</a>。
        //- notes/post.md
        # ✅ メモ
        [転移学習](../glossary/ml.md#{{OldAnchor}}) と [参照][tl] と 🌲 [こちら](../glossary/ml.md#{{OldAnchor}})、転移学習。

        [tl]: ../glossary/ml.md#{{OldAnchor}}

        """.Replace("\r\n", "\n").Replace("\n", "\r\n");

    [Fact]
    public void Renames_heading_id_and_links_in_three_files_and_everything_still_resolves()
    {
        var index = FixtureWorkspace.Parse(Fixture).Index;
        var term = index.FindDefinitions("転移学習").Single();
        var result = TermRenamer.Rename(index, term, "転移学習", "転移学習法");
        result.Error.Should().BeNull();
        result.FilesChanged.Should().Be(3);
        result.LinksChanged.Should().Be(6);
        result.Edits.Select(e => e.Path).Should().Equal("glossary/ml.md", "glossary/other.md", "notes/post.md");

        var texts = result.Edits.ToDictionary(e => e.Path, e => TextEdit.Apply(index.GetDocument(e.Path)!.Text, e.Edits));
        texts["glossary/ml.md"].Should().Be(
            "<!-- 記事URL:https://example.com/glossary/ml.md# -->\r\n\r\n" +
            $"## 転移学習法 | Transfer Learning<a id=\"{NewAnchor}\"></a>\r\n" +
            $"- 再利用。<a href=\"https://example.com/glossary/ml.md#{NewAnchor}\">転移学習法</a>とは違う。\r\n\r\n" +
            $"## 学習<a id=\"{LearningAnchor}\"></a>\r\n- 学習。\r\n");
        texts["glossary/other.md"].Should().EndWith(
            $"- <a href=\"https://example.com/glossary/ml.md#{NewAnchor}\">Transfer Learning</a>と<a href=\"https://example.com/glossary/ml.md#{NewAnchor}\">転移学習法</a>。\r\n");
        texts["notes/post.md"].Should().Be(
            "# ✅ メモ\r\n" +
            $"[転移学習法](../glossary/ml.md#{NewAnchor}) と [参照][tl] と 🌲 [こちら](../glossary/ml.md#{NewAnchor})、転移学習。\r\n\r\n" +
            $"[tl]: ../glossary/ml.md#{NewAnchor}\r\n");

        var renamed = texts.Aggregate(index, (ix, kv) => ix.WithDocument(WorkspaceLoader.ParseText(kv.Key, kv.Value, ix.Config)));
        foreach (var doc in renamed.Documents.Values)
        {
            DocumentAnalyzer.Analyze(renamed, doc).Where(d => d.Id is "GL0001" or "GL0002" or "GL0003" or "GL0006")
                .Should().BeEmpty(doc.Path);
            foreach (var link in doc.Links)
                renamed.ResolveLink(doc, link).Term!.Headword.Should().BeOneOf("転移学習法", "学習");
        }
        renamed.FindDefinitions("転移学習").Should().BeEmpty();
        renamed.FindDefinitions("転移学習法").Single().Anchor.Should().Be(NewAnchor);
    }

    [Fact]
    public void Renaming_an_alias_touches_only_that_word_and_links_named_by_it()
    {
        var index = FixtureWorkspace.Parse(Fixture).Index;
        var term = index.FindDefinitions("Transfer Learning").Single();
        var result = TermRenamer.Rename(index, term, "transfer learning", "Transfer-Learning");
        result.Error.Should().BeNull();
        var anchor = AnchorCodec.Encode("転移学習 | Transfer-Learning");
        var other = result.Edits.Single(e => e.Path == "glossary/other.md");
        TextEdit.Apply(index.GetDocument("glossary/other.md")!.Text, other.Edits).Should().EndWith(
            $"- <a href=\"https://example.com/glossary/ml.md#{anchor}\">Transfer-Learning</a>と<a href=\"https://example.com/glossary/ml.md#{anchor}\">転移学習</a>。\r\n");
        TextEdit.Apply(index.GetDocument("glossary/ml.md")!.Text, result.Edits[0].Edits).Should().Contain($"## 転移学習 | Transfer-Learning<a id=\"{anchor}\"></a>\r\n");
    }

    [Theory]
    [InlineData("", "the new name is empty")]
    [InlineData("  ", "the new name is empty")]
    [InlineData("転移 | 学習", "contains '|'")]
    [InlineData("学習", "'学習' is already an entry word of '学習' in glossary/ml.md")]
    [InlineData("transfer learning", "'transfer learning' is already an entry word of '転移学習'")]
    public void Bad_new_names_are_errors_without_edits(string newName, string error)
    {
        var index = FixtureWorkspace.Parse(Fixture).Index;
        var result = TermRenamer.Rename(index, index.FindDefinitions("転移学習").Single(), "転移学習", newName);
        result.Error.Should().Contain(error);
        result.Edits.Should().BeEmpty();
    }

    [Fact]
    public void Unknown_old_entry_word_is_an_error()
    {
        var index = FixtureWorkspace.Parse(Fixture).Index;
        TermRenamer.Rename(index, index.FindDefinitions("転移学習").Single(), "学習", "x").Error
            .Should().Be("'学習' is not an entry word of '転移学習' (転移学習 | Transfer Learning)");
    }

    [Fact]
    public void Prepare_finds_the_entry_word_on_a_heading_a_link_or_a_mention()
    {
        var index = FixtureWorkspace.Parse(Fixture).Index;
        var ml = index.GetDocument("glossary/ml.md")!;
        var alias = ml.Text.IndexOf("Transfer Learning", StringComparison.Ordinal);
        var p = TermRenamer.Prepare(index, "glossary/ml.md", alias + 3)!.Value;
        (p.Term.Headword, p.EntryWord, p.Span).Should().Be(("転移学習", "Transfer Learning", new TextSpan(alias, 17)));

        var post = index.GetDocument("notes/post.md")!;
        var link = TermRenamer.Prepare(index, "notes/post.md", post.Text.IndexOf("[転移学習]") + 2)!.Value;
        (link.EntryWord, link.Span).Should().Be(("転移学習", new TextSpan(post.Text.IndexOf("[転移学習]") + 1, 4)));

        var mentionAt = post.Text.LastIndexOf("転移学習", StringComparison.Ordinal);
        var mention = TermRenamer.Prepare(index, "notes/post.md", mentionAt + 4)!.Value;
        (mention.EntryWord, mention.Span).Should().Be(("転移学習", new TextSpan(mentionAt, 4)));

        TermRenamer.Prepare(index, "notes/post.md", 3).Should().BeNull("the heading of an article is not a term");
    }

    [Fact]
    public void Glossary_page_title_and_e_title_are_renamed_in_the_front_matter()
    {
        var fixture = """
            //- glossary/transfer-learning.md
            ---
            type: glossary
            title: 転移学習
            e-title: "Transfer Learning"
            url: /ja/glossary/Transfer-Learning/
            ---
            再利用。
            //- notes/a.md
            [転移学習](../glossary/transfer-learning.md)と[Transfer Learning](/ja/glossary/Transfer-Learning/)。

            """;
        var index = FixtureWorkspace.Parse(fixture).Index;
        var term = index.FindDefinitions("転移学習").Single();
        var title = TermRenamer.Rename(index, term, "転移学習", "転移: 学習");
        title.Error.Should().BeNull();
        TextEdit.Apply(index.GetDocument("glossary/transfer-learning.md")!.Text, title.Edits[0].Edits).Should().Contain("title: \"転移: 学習\"\n");
        TextEdit.Apply(index.GetDocument("notes/a.md")!.Text, title.Edits[1].Edits).Should().Be(
            "[転移: 学習](../glossary/transfer-learning.md)と[Transfer Learning](/ja/glossary/Transfer-Learning/)。\n");

        var alias = TermRenamer.Rename(index, term, "Transfer Learning", "Transfer \"TL\"");
        TextEdit.Apply(index.GetDocument("glossary/transfer-learning.md")!.Text, alias.Edits[0].Edits).Should().Contain("e-title: \"Transfer \\\"TL\\\"\"\n");
        alias.LinksChanged.Should().Be(1);
    }
}
