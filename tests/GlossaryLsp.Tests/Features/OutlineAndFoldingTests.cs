using GlossaryLsp.Core.Features;

namespace GlossaryLsp.Tests.Features;

public class OutlineAndFoldingTests
{
    private const string TermList = """
        <!-- 記事URL:https://example.com/g.md# -->

        ## 転移学習 | Transfer Learning<a id="x"></a>

        - 知識を持ち込む。

        ### 補足 ✅

        - 🌲 細かい話。

        ## 凍結 | Freezing

        ```python
        model.requires_grad_(False)
        ```

        """;

    [Fact]
    public void Term_list_outline_names_terms_by_headword_with_aliases()
    {
        var f = FixtureWorkspace.Parse(FixtureWorkspace.Crlf(TermList));
        Outline(f, DocumentSymbolService.GetOutline(f.Document)).Should().Be("""
            Term 転移学習 (Transfer Learning) 2:0-8:10 2:3-2:27
              Heading 補足 ✅ 6:0-8:10 6:4-6:8
            Term 凍結 (Freezing) 10:0-14:3 10:3-10:16

            """.Replace("\r\n", "\n"));
    }

    private static string Outline(FixtureWorkspace f, IEnumerable<OutlineNode> nodes, int depth = 0) =>
        string.Concat(nodes.Select(n =>
            $"{new string(' ', depth * 2)}{n.Kind} {n.Name}{(n.Detail is null ? "" : " (" + n.Detail + ")")} {FixtureWorkspace.Range(f.Document, n.Range)} {FixtureWorkspace.Range(f.Document, n.NameSpan)}\n"
            + Outline(f, n.Children, depth + 1)));

    [Fact]
    public void Glossary_page_is_one_term_with_its_headings_inside()
    {
        var f = FixtureWorkspace.Parse("---\ntitle: データ拡張\ne-title: Data Augmentation\ntype: glossary\n---\n\n## データ拡張とは\n\n水増し。\n");
        Outline(f, DocumentSymbolService.GetOutline(f.Document)).Should().Be("""
            Term データ拡張 (Data Augmentation) 0:0-8:4 1:7-1:12
              Heading データ拡張とは 6:0-8:4 6:3-6:10

            """.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Folds_sections_front_matter_code_and_comments()
    {
        var f = FixtureWorkspace.Parse(FixtureWorkspace.Crlf("---\ntitle: t\n---\n\n# 記事\n\n<!--\n長いコメント\n-->\n\n## 節\n\n~~~\ncode\n~~~\n\n## 次\nend\n"));
        FoldingService.GetFolds(f.Document).Select(x => $"{x.Kind} {x.StartLine}-{x.EndLine}").Should().Equal(
            "FrontMatter 0-2", "Section 4-17", "Comment 6-8", "Section 10-14", "Code 12-14", "Section 16-17");
    }

    [Fact]
    public void Term_list_folds_each_term_section()
    {
        var f = FixtureWorkspace.Parse(TermList);
        FoldingService.GetFolds(f.Document).Select(x => $"{x.Kind} {x.StartLine}-{x.EndLine}").Should().Equal(
            "Section 2-8", "Section 6-8", "Section 10-14", "Code 12-14");
    }
}
