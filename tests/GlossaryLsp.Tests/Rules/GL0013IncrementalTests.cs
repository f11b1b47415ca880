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
    private static readonly string[] Words = ["サーバ", "サーバー", "サーバーー", "サーヴァー", "コンピュータ", "コンピューター", "データ", "データー", "ファイン・チューニング", "finetuning", "Fine-tuning", "Open AI", "OpenAI"];

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
        var index = initial.Index.WithDocument(DocumentParser.Parse("g/a.md", TermList("g/a.md", "サーバー", "計算機。")));
        var after = initial.Update(index, ["g/a.md"]);
        after.Get("notes/b.md").Should().ContainSingle(d => d.Id == "GL0013");
        after.Reanalysed.Should().Equal("g/a.md", "notes/b.md");
        Canonical(after).Should().Equal(Fresh(index));
    }

    [Fact]
    public void A_document_where_only_variants_change_gets_them_anew_and_keeps_its_other_findings()
    {
        var files = new Dictionary<string, string>
        {
            ["g/a.md"] = TermList("g/a.md", "サーバ", "計算機。"),
            ["notes/b.md"] = "# b\n\n[壊れた](nowhere.md)でサーバを立てる。\n<!-- glossary-disable-next-line GL0013 -->\nサーバを止める。\n\n[また](gone.md)\n",
        };
        var initial = WorkspaceDiagnostics.Create(Index(files));
        var before = initial.Get("notes/b.md");
        before.Select(d => d.Id).Should().Equal("GL0001", "GL0001");
        var index = initial.Index.WithDocument(DocumentParser.Parse("g/a.md", TermList("g/a.md", "サーバー", "計算機。")));
        var after = initial.Update(index, ["g/a.md"]);
        var now = after.Get("notes/b.md");
        now.Select(d => (d.Id, d.Span.Start)).Should().Equal(("GL0001", 11), ("GL0013", 23), ("GL0001", 90));
        now[0].Should().BeSameAs(before[0], "only GL0013 ran again: the broken links' findings are the ones found before");
        now[2].Should().BeSameAs(before[1]);
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
        var index = initial.Index.WithDocument(DocumentParser.Parse("g/a.md", TermList("g/a.md", "サーバー", "計算機。")));
        var after = initial.Update(index, ["g/a.md"]);
        after.Get("notes/b.md").Should().Contain(d => d.Id == "GL0000").And.HaveCount(1_001);
        Canonical(after).Should().Equal(Fresh(index));
    }

    [Fact]
    public void Random_edits_with_variant_spellings_match_a_full_analysis_at_every_step()
    {
        var rng = new Random(7);
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
            var index = current.Index.WithDocument(DocumentParser.Parse(path, edited));
            var next = current.Update(index, [path]);
            Canonical(next).Should().Equal(Fresh(index), $"step {step}: {path} → {edited}");
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
