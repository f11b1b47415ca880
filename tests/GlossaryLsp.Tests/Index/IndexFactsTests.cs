using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Rules;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Tests.Index;

/// <summary>Index facts with one owner each, pinned where two implementations could disagree.</summary>
public class IndexFactsTests
{
    [Fact]
    public void Only_a_glossary_page_is_published_at_its_front_matter_url()
    {
        var index = Workspace(
            ("terms/distillation.md", "---\ntype: glossary\ntitle: 知識蒸留\nurl: /ja/glossary/distillation/\n---\n\n大きなモデルから小さなモデルへ。\n"),
            ("posts/zenn.md", "---\ntitle: 蒸留を試す\nurl: /ja/posts/zenn/\n---\n\n本文。\n"),
            ("notes.md", "[蒸留](/ja/glossary/distillation/) と [記事](/ja/posts/zenn/)\n"));
        var notes = index.GetDocument("notes.md")!;

        var page = index.ResolveLink(notes, notes.Links[0]);
        page.Status.Should().Be(LinkStatus.Resolved);
        page.Term!.Headword.Should().Be("知識蒸留");
        var article = index.ResolveLink(notes, notes.Links[1]);
        article.Status.Should().Be(LinkStatus.MissingDocument, "an article's front matter url is not an address (SPEC §1 B)");
        article.LookedFor.Should().Be("/ja/posts/zenn/");
        index.UrlsOf("posts/zenn.md").Should().BeEmpty();
        index.UrlsOf("terms/distillation.md").Should().Equal("/ja/glossary/distillation/");
    }

    private static GlossaryIndex Workspace(params (string Path, string Text)[] files) =>
        GlossaryIndex.Create(GlossaryConfig.Default, files.Select(f => DocumentParser.Parse(f.Path, f.Text)));

    [Fact]
    public void A_stale_id_fix_moves_percent_encoded_links_to_the_new_id_percent_encoded()
    {
        var stale = AnchorCodec.Encode("LR"); // "TFI=": its '=' is written %3D in the links below
        var fresh = AnchorCodec.Encode("LR | 学習率");
        var index = Workspace(
            ("g.md", $"<!-- 記事URL:https://example.org/g.md# -->\n\n## LR | 学習率<a id=\"{stale}\"></a>\n\n- 学習の速さ。\n"),
            ("a.md", "[学習率](g.md#TFI%3D) と [LR](g.md#TFI=) と [別](g.md#TFI)\n"));
        var a = index.GetDocument("a.md")!;
        index.ResolveLink(a, a.Links[0]).Term!.Headword.Should().Be("LR");

        var fix = DocumentAnalyzer.Analyze(index, index.GetDocument("g.md")!).Single(d => d.Id == "GL0003").Fixes.Single();
        var edits = fix.EditsIn(index).Single(e => e.Path == "a.md").Edits;
        TextEdit.Apply(a.Text, edits).Should().Be($"[学習率](g.md#{Uri.EscapeDataString(fresh)}) と [LR](g.md#{fresh}) と [別](g.md#TFI)\n");
    }

    [Fact]
    public void Moving_a_term_to_another_heading_changes_what_the_slug_names()
    {
        const string head = "<!-- 記事URL:https://example.org/g.md# -->\n\n";
        var index = Workspace(("g.md", head + "## AI\n\n- 人工知能。\n\n### AI\n\n- 見出し。\n"));
        index.ResolveAnchor("g.md", "ai").Term!.Headword.Should().Be("AI");

        var moved = index.WithDocument(DocumentParser.Parse("g.md", head + "### AI\n\n- 見出し。\n\n## AI\n\n- 人工知能。\n"));
        moved.HasSameDefinitions(index).Should().BeFalse("the anchor table maps each heading to the term under it");
        moved.ResolveAnchor("g.md", "ai").Heading!.Level.Should().Be(3);
        moved.ResolveAnchor("g.md", "ai").Term.Should().BeNull();
        moved.ResolveAnchor("g.md", "ai-1").Term!.Headword.Should().Be("AI");
    }

    [Fact]
    public void A_term_reading_set_to_empty_is_a_different_identity_than_none()
    {
        TermDefinition Page(string reading) =>
            DocumentParser.Parse("p.md", $"---\ntype: glossary\ntitle: 蒸留\n{reading}---\n\n本文。\n").Terms.Single();
        Page("").SameIdentity(Page("")).Should().BeTrue();
        Page("term: \"\"\n").SameIdentity(Page("")).Should().BeFalse("GL0010 reads the reading as written");
        Page("term: じょうりゅう\n").SameIdentity(Page("term: じょうりゅう\n")).Should().BeTrue();

        var comparer = TermDefinition.IdentityComparer;
        comparer.Equals(Page("term: \"\"\n"), Page("")).Should().BeFalse("the comparer is SameIdentity");
        comparer.Equals(Page("term: じょうりゅう\n"), Page("term: じょうりゅう\n")).Should().BeTrue();
        comparer.GetHashCode(Page("term: じょうりゅう\n")).Should().Be(comparer.GetHashCode(Page("term: じょうりゅう\n")));
    }
}
