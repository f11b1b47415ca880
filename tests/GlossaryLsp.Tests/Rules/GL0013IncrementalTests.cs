using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Rules;

namespace GlossaryLsp.Tests.Rules;

/// <summary>
/// GL0013 reads other documents' entry words: after an edit that changes them, the incremental diagnostics
/// still equal a full analysis of a freshly built index, and documents whose prose cannot hold the changed
/// words' folds are not re-analysed.
/// </summary>
public class GL0013IncrementalTests
{
    // データ処理 and サーバ管理: a mention with a kanji edge hides a variant it starts with (データ of データー).
    private static readonly string[] Words =
        ["サーバ", "サーバー", "サーバーー", "サーヴァー", "サーバ管理", "コンピュータ", "コンピューター", "データ", "データー", "データ処理", "ファイン・チューニング", "finetuning", "Fine-tuning", "Open AI", "OpenAI"];

    [Fact]
    public void Renaming_a_heading_turns_other_documents_spellings_into_variants()
    {
        var files = new Dictionary<string, string>
        {
            ["g/a.md"] = TermList("g/a.md", "サーバ", "計算機。"),
            ["notes/b.md"] = "# b\n\nサーバを立てる。\n",
            ["notes/c.md"] = "# c\n\n関係のない文章。\n",
        };
        var initial = WorkspaceDiagnostics.Create(Index(files));
        initial.Get("notes/b.md").Should().BeEmpty();
        var (index, after) = Edit(initial, "g/a.md", TermList("g/a.md", "サーバー", "計算機。"));
        after.Get("notes/b.md").Should().ContainSingle(d => d.Id == "GL0013");
        after.Reanalysed.Should().Equal("g/a.md", "notes/b.md");
        Canonical(after).Should().Equal(Fresh(index));
    }

    [Fact]
    public void A_document_where_only_variants_change_gets_them_anew_on_the_lines_of_the_changed_word_and_keeps_the_rest()
    {
        var files = new Dictionary<string, string>
        {
            ["g/a.md"] = TermList("g/a.md", "サーバ", "計算機。"),
            ["g/c.md"] = TermList("g/c.md", "コンピューター", "電子計算機。"),
            ["notes/b.md"] = "# b\n\n[壊れた](nowhere.md)でサーバを立てる。\n<!-- glossary-disable-next-line GL0013 -->\nサーバを止める。\n\nコンピュータで[また](gone.md)\n",
        };
        var initial = WorkspaceDiagnostics.Create(Index(files));
        var before = initial.Get("notes/b.md");
        before.Select(d => (d.Id, d.Span.Start)).Should().Equal(("GL0001", 11), ("GL0013", 85), ("GL0001", 97));
        var (index, after) = Edit(initial, "g/a.md", TermList("g/a.md", "サーバー", "計算機。"));
        var now = after.Get("notes/b.md");
        now.Select(d => (d.Id, d.Span.Start)).Should().Equal(("GL0001", 11), ("GL0013", 23), ("GL0013", 85), ("GL0001", 97));
        now[1].Message.Should().Be("'サーバ' is a notation variant of 'サーバー', defined in g/a.md; write 'サーバー'");
        now[0].Should().BeSameAs(before[0], "only GL0013 ran again: the broken links' findings are the ones found before");
        now[2].Should().BeSameAs(before[1], "コンピュータ's line holds no fold of a changed word: its finding is kept");
        now[3].Should().BeSameAs(before[2]);
        Canonical(after).Should().Equal(Fresh(index));
    }

    [Fact]
    public void A_document_cut_at_the_diagnostics_bound_is_analysed_whole_when_its_variants_change()
    {
        var links = string.Concat(Enumerable.Range(0, 1_100).Select(i => $"[l{i}](gone{i}.md)\n"));
        var files = new Dictionary<string, string>
        {
            ["g/a.md"] = TermList("g/a.md", "サーバ", "計算機。"),
            ["notes/b.md"] = "# b\n\nサーバを立てる。\n\n" + links,
        };
        var initial = WorkspaceDiagnostics.Create(Index(files));
        var (index, after) = Edit(initial, "g/a.md", TermList("g/a.md", "サーバー", "計算機。"));
        after.Get("notes/b.md").Should().Contain(d => d.Id == "GL0000").And.HaveCount(1_001);
        Canonical(after).Should().Equal(Fresh(index));
    }

    [Fact]
    public void A_heading_renamed_to_a_word_its_document_defines_further_down_moves_the_findings_that_name_it_to_the_first_definition()
    {
        var files = new Dictionary<string, string>
        {
            ["g/t4.md"] = TermList("g/t4.md", "サーヴァー | T4", "定義。") + "## Open AI | X20\n\n- 追加。\n",
            ["notes/n.md"] = "# n\n\nOpenAIを使う。\n",
        };
        var initial = WorkspaceDiagnostics.Create(Index(files));
        initial.Get("notes/n.md").Single().Related.Single().Span.Start.Should().Be(64);
        var edited = TermList("g/t4.md", "Open AI | R7", "定義。") + "## Open AI | X20\n\n- 追加。\n";
        var (index, after) = Edit(initial, "g/t4.md", edited);
        after.Get("notes/n.md").Single().Related.Single().Span.Start.Should().Be(42, "the finding names the first term that defines 'Open AI'");
        Canonical(after).Should().Equal(Fresh(index));
    }

    [Fact]
    public void A_near_duplicate_lists_the_definitions_of_one_document_in_their_order_whatever_trie_holds_them()
    {
        var files = new Dictionary<string, string>
        {
            ["g/t2.md"] = TermList("g/t2.md", "サーヴァー | D", "定義。"),
            ["g/t5.md"] = TermList("g/t5.md", "サーバーー | C", "定義。"),
        };
        var initial = WorkspaceDiagnostics.Create(Index(files));
        // サーバ is new to the workspace: the next snapshot's automaton holds it in an overlay trie, after the others.
        var (index, after) = Edit(initial, "g/t2.md", TermList("g/t2.md", "サーバ | A", "定義。") + "## サーヴァー | D\n\n- 定義。\n");
        var finding = after.Get("g/t5.md").Single();
        finding.Message.Should().StartWith("Entry word 'サーバーー' is a notation variant of 'サーバ', defined in g/t2.md;");
        finding.Related.Select(r => (r.Path, r.Span.Start)).Should().Equal(("g/t2.md", 42), ("g/t2.md", 61));
        Canonical(after).Should().Equal(Fresh(index));
    }

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 30)];

    /// <summary>Seeds 1–30, 60 random edits each.</summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_edits_with_variant_spellings_match_a_full_analysis_at_every_step(int seed)
    {
        var rng = new Random(seed);
        var files = new Dictionary<string, string>();
        for (int i = 0; i < 8; i++) files[$"g/t{i}.md"] = TermList($"g/t{i}.md", Words[rng.Next(Words.Length)] + " | T" + i, "定義。" + Words[rng.Next(Words.Length)]);
        // Other rules' findings and suppressions beside the variants: what a re-run of GL0013 alone must keep in place.
        for (int i = 0; i < 6; i++)
            files[$"notes/n{i}.md"] = $"# n{i}\n\n{Words[rng.Next(Words.Length)]}を使う。[壊れ](gone{i}.md)\n"
                + (i % 2 == 0 ? $"<!-- glossary-disable-next-line GL0013 -->\n{Words[rng.Next(Words.Length)]}も。\n" : "");
        var current = WorkspaceDiagnostics.Create(Index(files));
        int reanalysed = 0, documents = 0;
        for (int step = 0; step < 60; step++)
        {
            var paths = current.Index.Documents.Keys.ToArray();
            var path = paths[rng.Next(paths.Length)];
            var text = current.Index.GetDocument(path)!.Text;
            var word = Words[rng.Next(Words.Length)];
            var edited = rng.Next(3) switch
            {
                0 when path.StartsWith("g/", StringComparison.Ordinal) => text + $"## {word} | X{step}\n\n- 追加。\n\n",
                1 when text.Contains("## ", StringComparison.Ordinal) => ReplaceFirstHeading(text, word),
                _ => text + $"\n{word}と書く。\n",
            };
            var (index, next) = Edit(current, path, edited);
            Canonical(next).Should().Equal(Fresh(index), $"seed {seed}, step {step}: {path} → {edited}");
            reanalysed += next.Reanalysed.Length;
            documents += index.Documents.Count;
            current = next;
        }
        reanalysed.Should().BeLessThan(documents, "edits re-analyse the documents that may hold the changed words' folds, not all");
    }

    private static string ReplaceFirstHeading(string text, string word)
    {
        int at = text.IndexOf("## ", StringComparison.Ordinal);
        int end = text.IndexOf('\n', at);
        return text[..(at + 3)] + word + " | R" + word.Length + text[end..];
    }

    /// <summary>The snapshot with one document's text replaced, and the diagnostics brought up to date with it.</summary>
    private static (GlossaryIndex Index, WorkspaceDiagnostics After) Edit(WorkspaceDiagnostics initial, string path, string text)
    {
        var index = initial.Index.WithDocument(DocumentParser.Parse(path, text));
        return (index, initial.Update(index, [path]));
    }

    private static string TermList(string path, string heading, string body) =>
        $"<!-- 記事URL:https://x.org/{path}# -->\n\n## {heading}\n\n- {body}\n\n";

    private static GlossaryIndex Index(IReadOnlyDictionary<string, string> files) =>
        GlossaryIndex.Create(GlossaryConfig.Default, files.Select(f => DocumentParser.Parse(f.Key, f.Value)));

    /// <summary>A full analysis of the same documents in an index built from scratch (no tables carried over).</summary>
    private static List<string> Fresh(GlossaryIndex index) =>
        Canonical(DocumentAnalyzer.AnalyzeAll(GlossaryIndex.Create(index.Config, index.Documents.Values)).SelectMany(r => r.Diagnostics));

    private static List<string> Canonical(WorkspaceDiagnostics diagnostics) => Canonical(diagnostics.All.SelectMany(r => r.Diagnostics));

    private static List<string> Canonical(IEnumerable<Diagnostic> diagnostics) =>
        [.. diagnostics.Select(d => $"{d.Path} {d.Span} {d.Id} {d.Message}" + string.Concat(d.Related.Select(r => $" | {r.Path} {r.Span}")))];
}
