using GlossaryLsp.Benchmarks.Corpus;
using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Rules;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Tests.Rules;

/// <summary>
/// The incremental path: after an edit only the edited document and its dependents are
/// re-analysed, and the diagnostics equal a full re-analysis of the new snapshot.
/// </summary>
public class IncrementalAnalysisTests
{
    private const string Base = "https://x.org/g/";

    private static readonly Dictionary<string, string> Workspace = new()
    {
        ["g/a.md"] = TermList("g/a.md", Term("転移学習 | Transfer Learning", "学習済みモデルを別のタスクに使う手法。"), Term("過学習 | Overfitting", "訓練データに合わせすぎること。")),
        ["g/b.md"] = TermList("g/b.md", Term("学習率 | Learning Rate", $"<a href=\"{Base}g/a.md#{AnchorCodec.Encode("転移学習 | Transfer Learning")}\">転移学習</a>でも重要な値。")),
        ["g/c.md"] = TermList("g/c.md", Term("正則化 | Regularization", $"[過学習](a.md#{AnchorCodec.Encode("過学習 | Overfitting")})を防ぐ。")),
        ["g/d.md"] = TermList("g/d.md", Term("蒸留 | Distillation", $"<a href=\"{Base}g/b.md#{AnchorCodec.Encode("学習率 | Learning Rate")}\">学習率</a>を調整する。")),
        ["notes/e.md"] = $"# メモ\n\n[蒸留](../g/d.md#{AnchorCodec.Encode("蒸留 | Distillation")})について。\n",
    };

    [Fact]
    public void A_prose_edit_reanalyses_only_the_edited_document()
    {
        var initial = WorkspaceDiagnostics.Create(Index(Workspace));
        var (after, index) = Edit(initial, "g/b.md", t => t.Replace("でも重要な値。", "でも重要な値。調整が難しい。"));

        index.HasSameDefinitions(initial.Index).Should().BeTrue();
        after.Reanalysed.Should().Equal("g/b.md");
        Canonical(after).Should().Equal(FullAnalysis(index));
    }

    [Fact]
    public void A_heading_rename_reanalyses_the_documents_that_link_to_that_heading()
    {
        var initial = WorkspaceDiagnostics.Create(Index(Workspace));
        var renamed = Term("転移学習 | Transfer Learnings", "学習済みモデルを別のタスクに使う手法。");
        var (after, index) = Edit(initial, "g/a.md", t => t.Replace(Term("転移学習 | Transfer Learning", "学習済みモデルを別のタスクに使う手法。"), renamed));

        after.Reanalysed.Should().Equal(["g/a.md", "g/b.md"], "c.md links to a.md too, but to a term that did not change");
        after.Get("g/b.md").Should().ContainSingle(d => d.Id == "GL0002", "the link to the old anchor broke");
        Canonical(after).Should().Equal(FullAnalysis(index));
    }

    [Fact]
    public void Adding_a_duplicate_definition_reanalyses_the_other_definitions_and_the_linkers()
    {
        var initial = WorkspaceDiagnostics.Create(Index(Workspace));
        var (after, index) = Edit(initial, "g/b.md", t => t + Term("蒸留 | Distillation", "別の定義。"));

        after.Reanalysed.Should().Equal(["g/b.md", "g/d.md", "notes/e.md"], "e.md's link text holds the new entry word: its notation variants (GL0013) may change");
        Canonical(after).Should().Equal(FullAnalysis(index));
        if (RuleRegistryHas("GL0005"))
        {
            after.Get("g/b.md").Should().Contain(d => d.Id == "GL0005");
            after.Get("g/d.md").Should().Contain(d => d.Id == "GL0005");
        }
    }

    [Fact]
    public void A_prose_edit_moves_other_documents_related_locations_instead_of_reanalysing_them()
    {
        var files = new Dictionary<string, string>(Workspace) { ["g/b.md"] = Workspace["g/b.md"] + Term("蒸留 | Distillation", "別の定義。") };
        var initial = WorkspaceDiagnostics.Create(Index(files));
        // Text before d.md's term moves the span b.md's duplicate-definition diagnostic points at.
        var (after, index) = Edit(initial, "g/d.md", t => t.Replace("-->\n\n", "-->\n\n前書きの段落。\n\n"));

        after.Reanalysed.Should().Equal("g/d.md");
        after.Moved.Should().Equal("g/b.md");
        var term = index.GetDocument("g/d.md")!.Terms.Single();
        after.Get("g/b.md").Where(d => d.Id == "GL0005").SelectMany(d => d.Related).Where(r => r.Path == "g/d.md")
            .Select(r => r.Span).Should().Equal(term.EntryWordSpans);
        Canonical(after).Should().Equal(FullAnalysis(index));
    }

    [Fact]
    public void Renaming_the_term_another_document_points_at_reanalyses_that_document()
    {
        var files = new Dictionary<string, string>(Workspace) { ["g/b.md"] = Workspace["g/b.md"] + Term("蒸留 | Distillation", "別の定義。") };
        var initial = WorkspaceDiagnostics.Create(Index(files));
        var (after, index) = Edit(initial, "g/d.md", t => t.Replace("## 蒸留 | Distillation", "## 蒸留 | Distillations"));

        after.Reanalysed.Should().Contain(["g/b.md", "g/d.md"]);
        after.Moved.Should().BeEmpty();
        Canonical(after).Should().Equal(FullAnalysis(index));
    }

    [Fact]
    public void Deleting_and_re_adding_a_document_matches_a_full_analysis()
    {
        var initial = WorkspaceDiagnostics.Create(Index(Workspace));
        var without = initial.Index.WithoutDocument("g/d.md");
        var removed = initial.Update(without, ["g/d.md"]);
        removed.Reanalysed.Should().Equal("notes/e.md");
        removed.Get("notes/e.md").Should().ContainSingle(d => d.Id == "GL0001");
        Canonical(removed).Should().Equal(FullAnalysis(without));

        var back = without.WithDocument(DocumentParser.Parse("g/d.md", Workspace["g/d.md"]));
        Canonical(removed.Update(back, ["g/d.md"])).Should().Equal(FullAnalysis(back));
    }

    [Fact]
    public void A_prose_edit_elsewhere_makes_a_term_used_or_unused()
    {
        var config = GlossaryConfigLoader.Parse("rules:\n  GL0015: warning\n", "glossary.yml");
        var initial = WorkspaceDiagnostics.Create(Index(Workspace, config));
        initial.Get("g/c.md").Select(d => d.Message).Should().Equal("Term '正則化' is not linked to or mentioned by any other document");

        var (used, index) = Edit(initial, "notes/e.md", t => t + "\n正則化と Regularization も。\n");
        used.Reanalysed.Should().Equal(["g/c.md", "notes/e.md"], "only the document whose term became used, and the edited one");
        used.Get("g/c.md").Should().BeEmpty();
        Canonical(used).Should().Equal(FullAnalysis(index));

        var (again, index2) = Edit(used, "notes/e.md", t => t.Replace("正則化と Regularization も。", "正則化だけ。"));
        again.Reanalysed.Should().Equal(["notes/e.md"], "正則化 is still used");
        var (unused, index3) = Edit(again, "notes/e.md", t => t.Replace("正則化だけ。", "なし。"));
        unused.Reanalysed.Should().Equal(["g/c.md", "notes/e.md"]);
        unused.Get("g/c.md").Should().ContainSingle(d => d.Id == "GL0015");
        Canonical(unused).Should().Equal(FullAnalysis(index3));
        index2.Should().NotBeSameAs(index3);
    }

    [Fact]
    public void Renaming_a_term_re_analyses_the_glossary_pages_whose_keywords_name_it()
    {
        var files = new Dictionary<string, string>(Workspace)
        {
            ["terms/kd.md"] = "---\ntitle: 知識蒸留\nkeywords:\n  - distillation\n  - 学習率\ntype: glossary\n---\n本文。\n",
        };
        var initial = WorkspaceDiagnostics.Create(Index(files));
        initial.Get("terms/kd.md").Should().BeEmpty();
        var (after, index) = Edit(initial, "g/d.md", t => t.Replace("## 蒸留 | Distillation", "## 蒸留 | Knowledge Distillation"));

        after.Reanalysed.Should().Contain("terms/kd.md");
        after.Get("terms/kd.md").Select(d => d.Message).Should().Equal("Keyword 'distillation' names no term of the workspace");
        Canonical(after).Should().Equal(FullAnalysis(index));
    }

    /// <summary>Many random edits of every kind on a generated corpus: each step equals a full re-analysis.</summary>
    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Random_edits_on_a_generated_corpus_match_a_full_reanalysis_at_every_step(bool unlinkedMentions, bool unusedTerms)
    {
        var corpus = SyntheticCorpus.Generate(files: 16, termsPerFile: 12, seed: 3);
        var config = GlossaryConfig.Default with
        {
            UnlinkedMentions = unlinkedMentions,
            RuleSeverities = unusedTerms ? GlossaryConfig.Default.RuleSeverities.SetItem("GL0015", DiagnosticSeverity.Information) : GlossaryConfig.Default.RuleSeverities,
        };
        var current = WorkspaceDiagnostics.Create(Index(corpus.Files.ToDictionary(f => f.Path, f => f.Text), config));
        var rng = new Random(11);
        int total = 0, everything = 0, moved = 0;
        for (int step = 0; step < 80; step++)
        {
            var paths = current.Index.Documents.Keys.ToArray();
            var path = paths[rng.Next(paths.Length)];
            var doc = current.Index.GetDocument(path)!;
            var (index, description) = RandomEdit(current.Index, doc, corpus, rng);
            var changed = path;
            if (description.StartsWith("add ")) changed = description[4..];
            // Half the steps name the changed path, half let the snapshots be compared.
            var next = step % 2 == 0 ? current.Update(index, [changed]) : current.Update(index);
            Canonical(next).Should().Equal(FullAnalysis(index), $"step {step}: {description}");
            GlossaryLsp.Tests.Index.IncrementalIndexTests.ShouldMatchFreshIndex(index);
            total += next.Reanalysed.Length;
            moved += next.Moved.Length;
            everything += index.Documents.Count;
            current = next;
        }
        if (!unlinkedMentions && !unusedTerms) total.Should().BeLessThan(everything / 2, "most edits touch a few documents");
        if (unusedTerms) current.All.SelectMany(r => r.Diagnostics).Should().Contain(d => d.Id == "GL0015", "the corpus has unused terms");
        moved.Should().BePositive("some edits only move what other documents' diagnostics point at");
    }

    private static string Term(string heading, string body) => $"## {heading}<a id=\"{AnchorCodec.Encode(heading)}\"></a>\n\n- {body}\n\n";

    private static string TermList(string path, params string[] terms) => $"<!-- 記事URL:{Base}{path}# -->\n\n" + string.Concat(terms);

    private static GlossaryIndex Index(IReadOnlyDictionary<string, string> files, GlossaryConfig? config = null) =>
        GlossaryIndex.Create(config ?? GlossaryConfig.Default, files.Select(f => DocumentParser.Parse(f.Key, f.Value)));

    private static (WorkspaceDiagnostics After, GlossaryIndex Index) Edit(WorkspaceDiagnostics before, string path, Func<string, string> change)
    {
        var text = change(before.Index.GetDocument(path)!.Text);
        var index = before.Index.WithDocument(DocumentParser.Parse(path, text));
        return (before.Update(index, [path]), index);
    }

    private static (GlossaryIndex Index, string Description) RandomEdit(GlossaryIndex index, ParsedDocument doc, SyntheticCorpus corpus, Random rng)
    {
        var text = doc.Text;
        GlossaryIndex With(string t) => index.WithDocument(DocumentParser.Parse(doc.Path, t));
        switch (rng.Next(10))
        {
            case 6: // mention another document's term in prose
                var mentioned = corpus.Terms[rng.Next(corpus.Terms.Count)];
                return (With(text + $"\n{mentioned.Label}について。\n"), $"mention {mentioned.Heading} in {doc.Path}");
            case 7 when doc.Links.Length > 0: // drop a link, its text too
                var dropped = doc.Links[rng.Next(doc.Links.Length)];
                return (With(text.Remove(dropped.Span.Start, dropped.Span.Length)), $"drop a link in {doc.Path}");
            case 0 when doc.Terms.Length > 0: // rename a heading (id left stale)
                var h = doc.Terms[rng.Next(doc.Terms.Length)].Heading!;
                return (With(text.Insert(h.TextSpan.End, " v2")), $"rename heading in {doc.Path}");
            case 1: // a duplicate of another document's term
                var other = corpus.Terms[rng.Next(corpus.Terms.Count)];
                return (With(text + Term(other.Heading, "重複。")), $"duplicate {other.Heading} into {doc.Path}");
            case 2 when doc.Links.Length > 0: // break a link's anchor
                var link = doc.Links[rng.Next(doc.Links.Length)];
                return (With(text.Insert(link.TargetSpan.End, "x")), $"break link in {doc.Path}");
            case 3 when doc.ArticleUrls.Length == 1: // move the article URL
                return (With(text.Insert(doc.ArticleUrls[0].UrlSpan.End - 1, "-moved")), $"change URL of {doc.Path}");
            case 4 when index.Documents.Count > 4:
                return (index.WithoutDocument(doc.Path), $"delete {doc.Path}");
            case 5:
                var path = $"new/n{rng.Next(1000)}.md";
                var t = corpus.Terms[rng.Next(corpus.Terms.Count)];
                return (index.WithDocument(DocumentParser.Parse(path, TermList(path, Term("新語" + rng.Next(100) + " | " + t.En, "x")))), "add " + path);
            default: // prose: insert text in a bullet
                int at = text.IndexOf("\n- ", rng.Next(Math.Max(1, text.Length)), StringComparison.Ordinal);
                return (With(at < 0 ? text + "\n追記。\n" : text.Insert(at + 3, "追記")), $"prose in {doc.Path}");
        }
    }

    private static bool RuleRegistryHas(string id) => DocumentAnalyzer.Rules.Any(r => r.Descriptor.Id == id);

    private static List<string> FullAnalysis(GlossaryIndex index) =>
        Canonical(DocumentAnalyzer.AnalyzeAll(index).SelectMany(r => r.Diagnostics));

    private static List<string> Canonical(WorkspaceDiagnostics diagnostics) => Canonical(diagnostics.All.SelectMany(r => r.Diagnostics));

    /// <summary>Diagnostics as comparable text (records with arrays compare by reference).</summary>
    private static List<string> Canonical(IEnumerable<Diagnostic> diagnostics) =>
        [.. diagnostics.Select(d =>
            $"{d.Path} {d.Span} {d.Id} {d.Severity} {d.Message}" +
            string.Concat(d.Related.Select(r => $"\n  related {r.Path} {r.Span} {r.Message}")) +
            string.Concat(d.Fixes.Select(f => $"\n  fix {f.Title}" + string.Concat(f.Edits.SelectMany(e => e.Edits.Select(x => $" {e.Path}{x.Span}={x.NewText}"))))))];
}
