using GlossaryLsp.Core.Features;

namespace GlossaryLsp.Tests.Features;

public class OutlineAndFoldingTests
{
    /// <summary>Spans: each section, then its name; the code block of 凍結.</summary>
    private const string TermList = """
        <!-- 記事URL:https://example.com/g.md# -->

        [|## [|転移学習 | Transfer Learning|]<a id="x"></a>

        - 知識を持ち込む。

        [|### [|補足 ✅|]

        - 🌲 細かい話。|]|]

        [|## [|凍結 | Freezing|]

        [|```python
        model.requires_grad_(False)
        ```|]|]

        """;

    [Fact]
    public void Term_list_outline_names_terms_by_headword_with_aliases()
    {
        var f = FixtureWorkspace.Parse(FixtureWorkspace.Crlf(TermList));
        var s = f.Fixture.Spans.Select(f.Fixture.Range).ToList();
        Outline(f, DocumentSymbolService.GetOutline(f.Document)).Should().Be(
            $"Term 転移学習 (Transfer Learning) {s[0]} {s[1]}\n" +
            $"  Heading 補足 ✅ {s[2]} {s[3]}\n" +
            $"Term 凍結 (Freezing) {s[4]} {s[5]}\n");
    }

    private static string Outline(FixtureWorkspace f, IEnumerable<OutlineNode> nodes, int depth = 0) =>
        string.Concat(nodes.Select(n =>
            $"{new string(' ', depth * 2)}{n.Kind} {n.Name}{(n.Detail is null ? "" : " (" + n.Detail + ")")} "
            + $"{FixtureWorkspace.Range(f.Document, n.Range)} {FixtureWorkspace.Range(f.Document, n.NameSpan)}\n"
            + Outline(f, n.Children, depth + 1)));

    /// <summary>"startLine-endLine" of a span, as folding ranges give them.</summary>
    private static string Lines(FixtureWorkspace f, FixtureSpan span) =>
        $"{f.Fixture.Position(span.Path, span.Span.Start).Line}-{f.Fixture.Position(span.Path, span.Span.End).Line}";

    [Fact]
    public void Glossary_page_is_one_term_with_its_headings_inside()
    {
        var f = FixtureWorkspace.Parse("""
            [|---
            title: [|データ拡張|]
            e-title: Data Augmentation
            type: glossary
            ---

            [|## [|データ拡張とは|]

            水増し。|]|]

            """);
        var s = f.Fixture.Spans.Select(f.Fixture.Range).ToList();
        Outline(f, DocumentSymbolService.GetOutline(f.Document)).Should().Be(
            $"Term データ拡張 (Data Augmentation) {s[0]} {s[1]}\n" +
            $"  Heading データ拡張とは {s[2]} {s[3]}\n");
    }

    [Fact]
    public void Folds_sections_front_matter_code_and_comments()
    {
        var f = FixtureWorkspace.Parse(FixtureWorkspace.Crlf("""
            [|---
            title: t
            ---|]

            [|# 記事

            [|<!--
            長いコメント
            -->|]

            [|## 節

            [|~~~
            code
            ~~~|]|]

            [|## 次
            end|]|]

            """));
        var s = f.Fixture.Spans.Select(span => Lines(f, span)).ToList();
        FoldingService.GetFolds(f.Document).Select(x => $"{x.Kind} {x.StartLine}-{x.EndLine}").Should().Equal(
            $"FrontMatter {s[0]}", $"Section {s[1]}", $"Comment {s[2]}", $"Section {s[3]}", $"Code {s[4]}", $"Section {s[5]}");
    }

    [Fact]
    public void Term_list_folds_each_term_section()
    {
        var f = FixtureWorkspace.Parse(TermList);
        var s = f.Fixture.Spans.Select(span => Lines(f, span)).ToList();
        FoldingService.GetFolds(f.Document).Select(x => $"{x.Kind} {x.StartLine}-{x.EndLine}").Should().Equal(
            $"Section {s[0]}", $"Section {s[2]}", $"Section {s[4]}", $"Code {s[6]}");
    }
}
