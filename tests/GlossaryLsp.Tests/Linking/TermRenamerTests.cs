using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Linking;
using GlossaryLsp.Core.Rules;
using GlossaryLsp.Core.Text;
using GlossaryLsp.Core.Workspace;
using GlossaryLsp.Tests.Cli;

namespace GlossaryLsp.Tests.Linking;

public class TermRenamerTests
{
    private static readonly string OldAnchor = AnchorCodec.Encode("転移学習 | Transfer Learning");
    private static readonly string NewAnchor = AnchorCodec.Encode("転移学習法 | Transfer Learning");
    private const string LearningAnchor = "5a2m57+S";

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

/// <summary><c>glossary rename</c> in-process on a temporary workspace.</summary>
public sealed class RenameCommandTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();
    private string _root => _workspace.Root;

    public RenameCommandTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "glossary"));
        File.WriteAllText(Path.Combine(_root, "glossary", "ml.md"),
            $"<!-- 記事URL:https://example.com/glossary/ml.md# -->\n\n## 転移学習<a id=\"{AnchorCodec.Encode("転移学習")}\"></a>\n- 再利用。\n");
        File.WriteAllText(Path.Combine(_root, "post.md"), $"[転移学習](glossary/ml.md#{AnchorCodec.Encode("転移学習")})\n");
        File.WriteAllText(Path.Combine(_root, "dup.md"), "<!-- 記事URL:https://example.com/dup.md# -->\n## 学習\n- a\n");
        File.WriteAllText(Path.Combine(_root, "glossary", "dup.md"), "<!-- 記事URL:https://example.com/glossary/dup.md# -->\n## 学習\n- b\n");
    }

    public void Dispose() => _workspace.Dispose();

    private (int Exit, string Out, string Err) Run(params string[] args) => _workspace.Run(".", [.. args, "--workspace", _root]);

    [Fact]
    public void Shows_then_writes_the_rename()
    {
        var before = File.ReadAllText(Path.Combine(_root, "post.md"));
        var (exit, output, _) = Run("rename", "転移学習", "移転学習");
        exit.Should().Be(0);
        output.Should().Contain("Would rename '転移学習' to '移転学習' in glossary/ml.md: 1 link in 2 files (use --write to apply)");
        File.ReadAllText(Path.Combine(_root, "post.md")).Should().Be(before);

        (exit, output, _) = Run("rename", "転移学習", "移転学習", "--write");
        exit.Should().Be(0);
        output.Should().Contain("Renamed '転移学習' to '移転学習' in glossary/ml.md: changed 1 link in 2 files");
        File.ReadAllText(Path.Combine(_root, "post.md")).Should().Be($"[移転学習](glossary/ml.md#{AnchorCodec.Encode("移転学習")})\n");
        File.ReadAllText(Path.Combine(_root, "glossary", "ml.md")).Should().Contain($"## 移転学習<a id=\"{AnchorCodec.Encode("移転学習")}\"></a>\n");
    }

    [Fact]
    public void Errors_have_clear_messages_and_exit_codes()
    {
        Run("rename", "未定義", "x").Should().Match<(int Exit, string Out, string Err)>(r => r.Exit == 1 && r.Err.Contains("no term has the entry word '未定義'"));
        Run("rename", "転移学習", "a|b").Exit.Should().Be(2);
        Run("rename", "転移学習", " ").Exit.Should().Be(2);
        var dup = Run("rename", "学習", "x");
        dup.Exit.Should().Be(1);
        dup.Err.Should().Contain("'学習' is defined in dup.md, glossary/dup.md; choose one with --in FILE");
        Run("rename", "学習", "x", "--in", Path.Combine(_root, "glossary", "dup.md")).Exit.Should().Be(0);
        Run("rename", "転移学習", "学習").Err.Should().Contain("already an entry word of '学習'");
    }
}
