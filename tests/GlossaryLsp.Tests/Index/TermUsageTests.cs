using GlossaryLsp.Benchmarks.Corpus;
using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Features;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Linking;
using GlossaryLsp.Core.Parsing;

namespace GlossaryLsp.Tests.Index;

/// <summary>The snapshot's term usage (links in, mentions, their places): made once, then derived from the previous snapshot's by the changed documents only.</summary>
public class TermUsageTests
{
    [Fact]
    public void Prose_edits_rescan_only_the_edited_documents_and_match_a_fresh_count()
    {
        var corpus = SyntheticCorpus.Generate(files: 10, termsPerFile: 8, seed: 7);
        var index = GlossaryIndex.Create(GlossaryConfig.Default, corpus.Files.Select(f => DocumentParser.Parse(f.Path, f.Text)));
        var scanned = new List<string>();
        DocumentUses Counting(GlossaryIndex i, ParsedDocument d)
        {
            lock (scanned) scanned.Add(d.Path);
            return UsageScanner.UsesOf(i, d);
        }

        index.GetUsage(Counting);
        scanned.Should().HaveCount(index.Documents.Count, "the first use scans every document");
        var rng = new Random(3);
        for (int step = 0; step < 12; step++)
        {
            var doc = index.Documents.Values.ElementAt(rng.Next(index.Documents.Count));
            var term = corpus.Terms[rng.Next(corpus.Terms.Count)];
            var edited = index.WithDocument(DocumentParser.Parse(doc.Path, doc.Text + $"\n{term.Label}と{term.En}について。\n"));
            edited.HasSameDefinitions(index).Should().BeTrue();
            scanned.Clear();
            var usage = edited.GetUsage(Counting);
            scanned.Should().Equal([doc.Path], $"step {step}: only the edited document is scanned again");
            ShouldMatchFresh(edited, usage);
            index = edited;
        }
    }

    [Fact]
    public void Snapshots_whose_usage_was_never_made_still_derive_from_the_last_one_made()
    {
        var corpus = SyntheticCorpus.Generate(files: 6, termsPerFile: 6, seed: 2);
        var index = GlossaryIndex.Create(GlossaryConfig.Default, corpus.Files.Select(f => DocumentParser.Parse(f.Path, f.Text)));
        UsageScanner.Usage(index);
        var paths = index.Documents.Keys.Take(3).ToArray();
        foreach (var path in paths) // three keystrokes, no usage asked for in between
            index = index.WithDocument(DocumentParser.Parse(path, index.Documents[path].Text + $"\n{corpus.Terms[0].Label}。\n"));
        index.IsUsageBuilt.Should().BeFalse();
        var scanned = new List<string>();
        var usage = index.GetUsage((i, d) =>
        {
            lock (scanned) scanned.Add(d.Path);
            return UsageScanner.UsesOf(i, d);
        });
        scanned.Order(StringComparer.Ordinal).Should().Equal(paths.Order(StringComparer.Ordinal));
        ShouldMatchFresh(index, usage);

        var renamed = index.WithDocument(DocumentParser.Parse(paths[0], index.Documents[paths[0]].Text.Replace(" | ", "X | ")));
        renamed.HasSameDefinitions(index).Should().BeFalse();
        ShouldMatchFresh(renamed, UsageScanner.Usage(renamed));
    }

    [Fact]
    public void An_edit_that_only_moves_the_places_keeps_the_version_and_one_that_adds_a_use_changes_it()
    {
        var corpus = SyntheticCorpus.Generate(files: 6, termsPerFile: 6, seed: 5);
        var index = GlossaryIndex.Create(GlossaryConfig.Default, corpus.Files.Select(f => DocumentParser.Parse(f.Path, f.Text)));
        var usage = UsageScanner.Usage(index);
        var doc = index.Documents.Values.First(d => usage.UsesOf(d.Path).Terms.Length > 0);
        int firstHeading = doc.Text.IndexOf("\n## ", StringComparison.Ordinal) + 1;

        var moved = index.WithDocument(DocumentParser.Parse(doc.Path, doc.Text.Insert(firstHeading, "前置き。\n\n")));
        moved.HasSameDefinitions(index).Should().BeTrue();
        var movedUsage = UsageScanner.Usage(moved);
        movedUsage.Version.Should().BeSameAs(usage.Version);
        movedUsage.UsesOf(doc.Path).SameAs(usage.UsesOf(doc.Path)).Should().BeFalse("the places moved");
        ShouldMatchFresh(moved, movedUsage);

        var term = corpus.Terms[0];
        var added = moved.WithDocument(DocumentParser.Parse(doc.Path, moved.Documents[doc.Path].Text + $"\n{term.Label}について。\n"));
        var addedUsage = UsageScanner.Usage(added);
        addedUsage.Version.Should().NotBeSameAs(usage.Version);
        ShouldMatchFresh(added, addedUsage);
    }

    [Fact]
    public void A_document_that_stops_using_a_glossary_is_no_longer_among_its_users()
    {
        var index = GlossaryIndex.Create(GlossaryConfig.Default,
            [DocumentParser.Parse("g.md", "<!-- 記事タイトル:用語集 -->\n## 語\n\n- 定義。\n"), DocumentParser.Parse("a.md", "語と語。\n")]);
        UsageScanner.Usage(index).UsersOf("g.md").Should().Equal("a.md");
        var edited = index.WithDocument(DocumentParser.Parse("a.md", "なし。\n"));
        UsageScanner.Usage(edited).UsersOf("g.md").Should().BeEmpty();
        TermUsageService.Places(edited, edited.Documents["g.md"].Terms[0]).Should().BeEmpty();
        TermUsageService.Places(index, index.Documents["g.md"].Terms[0]).Select(p => p.Path).Should().Equal("a.md", "a.md");
    }

    [Fact]
    public void A_background_build_stops_when_cancelled_and_otherwise_makes_what_a_request_would()
    {
        var corpus = SyntheticCorpus.Generate(files: 6, termsPerFile: 6, seed: 4);
        var index = GlossaryIndex.Create(GlossaryConfig.Default, corpus.Files.Select(f => DocumentParser.Parse(f.Path, f.Text)));
        UsageScanner.TryPrepare(index, new CancellationToken(canceled: true)).Should().BeFalse();
        index.IsUsageBuilt.Should().BeFalse();
        UsageScanner.TryPrepare(index, CancellationToken.None).Should().BeTrue();
        index.IsUsageBuilt.Should().BeTrue();
        ShouldMatchFresh(index, UsageScanner.Usage(index));
    }

    private static void ShouldMatchFresh(GlossaryIndex index, TermUsage usage)
    {
        var fresh = UsageScanner.Usage(GlossaryIndex.Create(index.Config, index.Documents.Values, index.OtherFiles));
        foreach (var doc in index.Documents.Values)
        {
            for (int t = 0; t < doc.Terms.Length; t++)
            {
                (usage.LinksTo(doc.Path, t), usage.MentionsOf(doc.Path, t)).Should().Be(
                    (fresh.LinksTo(doc.Path, t), fresh.MentionsOf(doc.Path, t)), $"{doc.Path} {doc.Terms[t].Headword}");
                usage.WorkspaceCountsOf(new TermRef(doc.Path, t)).Should().Be(fresh.WorkspaceCountsOf(new TermRef(doc.Path, t)));
            }
            usage.UsesOf(doc.Path).SameAs(fresh.UsesOf(doc.Path)).Should().BeTrue($"the places of {doc.Path}");
            usage.UsersOf(doc.Path).Should().Equal(fresh.UsersOf(doc.Path), $"the users of {doc.Path}");
        }
        index.Documents.Values.Sum(d => Enumerable.Range(0, d.Terms.Length).Sum(t => usage.MentionsOf(d.Path, t))).Should().BePositive();
    }
}
