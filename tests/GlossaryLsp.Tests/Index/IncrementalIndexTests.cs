using GlossaryLsp.Benchmarks.Corpus;
using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;

namespace GlossaryLsp.Tests.Index;

/// <summary>A snapshot made by incremental updates has the same tables and link resolutions as one built from scratch.</summary>
public class IncrementalIndexTests
{
    [Fact]
    public void Edits_update_the_entry_word_table_in_place_of_a_rebuild()
    {
        var corpus = SyntheticCorpus.Generate(files: 8, termsPerFile: 10, seed: 5);
        var index = GlossaryIndex.Create(GlossaryConfig.Default, corpus.Files.Select(f => DocumentParser.Parse(f.Path, f.Text)));
        var doc = index.Documents.Values.First();
        var heading = doc.Terms[3].Heading!;

        var renamed = index.WithDocument(DocumentParser.Parse(doc.Path, doc.Text.Insert(heading.TextSpan.End, "X")));
        ShouldMatchFreshIndex(renamed);
        renamed.HasSameDefinitions(index).Should().BeFalse();
        renamed.TermCount.Should().Be(index.TermCount);

        var removed = renamed.WithoutDocument(doc.Path);
        ShouldMatchFreshIndex(removed);
        removed.TermCount.Should().Be(index.TermCount - doc.Terms.Length);
    }

    [Fact]
    public void Anchor_lookup_prefers_terms_then_headings_then_other_ids_like_a_scan()
    {
        var text = "<!-- 記事URL:https://x.org/a.md# -->\n\n## 用語 | Term<a id=\"dup\"></a>\n\n- x\n\n### Term\n\n<a id=\"free\"></a>\n";
        var index = GlossaryIndex.Create(GlossaryConfig.Default, [DocumentParser.Parse("a.md", text)]);
        index.ResolveAnchor("a.md", "dup").Term!.Headword.Should().Be("用語");
        index.ResolveAnchor("a.md", Core.Text.AnchorCodec.Encode("用語 | Term")).Term!.Headword.Should().Be("用語");
        index.ResolveAnchor("a.md", "term").Heading!.Text.Should().Be("Term");
        index.ResolveAnchor("a.md", "free").Status.Should().Be(LinkStatus.Resolved);
        index.ResolveAnchor("a.md", "bm9uZQ==").Status.Should().Be(LinkStatus.MissingAnchor);
        index.ResolveAnchor("a.md", "not base64!").Status.Should().Be(LinkStatus.InvalidAnchor);
    }

    internal static void ShouldMatchFreshIndex(GlossaryIndex index)
    {
        var fresh = GlossaryIndex.Create(index.Config, index.Documents.Values, index.OtherFiles);
        index.TermCount.Should().Be(fresh.TermCount);
        index.InferredMapping.Should().Be(fresh.InferredMapping);
        index.EntryWordTable.Keys.Order(StringComparer.Ordinal).Should().Equal(fresh.EntryWordTable.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, refs) in fresh.EntryWordTable)
            index.EntryWordTable[key].Should().Equal(refs, $"definitions of '{key}' keep path order");
        foreach (var doc in index.Documents.Values)
            foreach (var link in doc.Links)
            {
                var a = index.ResolveLink(doc, link);
                var b = fresh.ResolveLink(doc, link);
                (a.Status, a.TargetPath, a.Fragment, a.Term, a.LookedFor).Should().Be((b.Status, b.TargetPath, b.Fragment, b.Term, b.LookedFor), $"{doc.Path}: {link.Target}");
            }
    }
}
