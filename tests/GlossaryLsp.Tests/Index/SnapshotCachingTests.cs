using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Features;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Linking;
using GlossaryLsp.Core.Parsing;

namespace GlossaryLsp.Tests.Index;

/// <summary>Data derived from a snapshot lives on its derived tables: shared with its definitions, never across workspaces.</summary>
public class SnapshotCachingTests
{
    private const string Note = "転移学習と蒸留、Transformer と Attention。\n";

    [Fact]
    public void Two_workspace_folders_edited_alternately_each_mention_and_hover_their_own_terms()
    {
        var ml = Folder("## 転移学習\n\n- 再利用。\n\n## 蒸留\n\n- 小さく。\n");
        var nlp = Folder("## Transformer\n\n- 注意機構だけの構造。\n");
        Mentions(ml).Should().Equal("転移学習→g.md", "蒸留→g.md");
        Mentions(nlp).Should().Equal("Transformer→g.md");

        for (int round = 0; round < 3; round++)
        {
            ml = Edit(ml, $"## 転移学習\n\n- 再利用 {round}。\n\n## 蒸留\n\n- 小さく。\n\n## 用語{round}\n\n- 追加。\n");
            Mentions(ml).Should().Equal("転移学習→g.md", "蒸留→g.md");
            nlp = Edit(nlp, $"## Transformer\n\n- 注意機構だけの構造。\n\n## Attention\n\n- 重み付け {round}。\n");
            Mentions(nlp).Should().Equal("Transformer→g.md", "Attention→g.md");
            Mentions(ml).Should().Equal("転移学習→g.md", "蒸留→g.md");
        }

        var note = nlp.GetDocument("n.md")!;
        HoverService.GetHover(nlp, note, Note.IndexOf("転移", StringComparison.Ordinal) + 1, markdown: false).Should().BeNull("the other folder's term is no term here");
        HoverService.GetHover(nlp, note, Note.IndexOf("Attention", StringComparison.Ordinal) + 1, markdown: false)!.Contents.Should().Contain("Attention");
        HoverService.GetHover(ml, ml.GetDocument("n.md")!, Note.IndexOf("Attention", StringComparison.Ordinal) + 1, markdown: false).Should().BeNull();
    }

    private static GlossaryIndex Folder(string glossary) => GlossaryIndex.Create(GlossaryConfig.Default,
        [DocumentParser.Parse("g.md", "<!-- 記事URL:https://example.org/g.md# -->\n\n" + glossary), DocumentParser.Parse("n.md", Note)]);

    private static string[] Mentions(GlossaryIndex index) =>
        [.. MentionScanner.FindMentions(index, index.GetDocument("n.md")!).Select(m => $"{m.Text}→{m.Term.DocumentPath}")];

    private static GlossaryIndex Edit(GlossaryIndex index, string glossary) =>
        index.WithDocument(DocumentParser.Parse("g.md", "<!-- 記事URL:https://example.org/g.md# -->\n\n" + glossary));

    [Fact]
    public void An_edit_of_a_heading_derives_the_automaton_from_the_earlier_trie_and_filters_vanished_words()
    {
        var index = Folder("## 転移学習\n\n- 再利用。\n\n## 蒸留\n\n- 小さく。\n");
        var before = index.MentionAutomaton;
        var edited = Edit(index, "## 転移学習\n\n- 再利用。\n\n## Attention\n\n- 重み付け。\n");

        Mentions(edited).Should().Equal("転移学習→g.md", "Attention→g.md");
        edited.MentionAutomaton.Base.Should().BeSameAs(before.Base, "the new keys go into an overlay of the earlier trie");
        edited.MentionAutomaton.Base.Contains("蒸留").Should().BeTrue("a vanished word stays in the trie and is filtered when matched");
        Mentions(index).Should().Equal("転移学習→g.md", "蒸留→g.md");
    }

    [Fact]
    public void Snapshots_share_derived_lists_exactly_when_they_share_definitions()
    {
        var index = Folder("## 転移学習\n\n- 再利用。\n");
        var prose = Edit(index, "## 転移学習\n\n- 再利用する。\n");
        var heading = Edit(index, "## 転移学習 | Transfer Learning\n\n- 再利用。\n");

        prose.HasSameDefinitions(index).Should().BeTrue();
        prose.EntryWords.Should().BeSameAs(index.EntryWords);
        prose.MentionAutomaton.Should().BeSameAs(index.MentionAutomaton);
        heading.EntryWords.Should().NotBeSameAs(index.EntryWords);
        heading.EntryWords.Keys.Should().Equal("transfer learning", "転移学習");
        index.EntryWords.Keys.Should().Equal("転移学習");
    }
}
