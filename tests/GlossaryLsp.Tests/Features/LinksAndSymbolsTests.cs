using GlossaryLsp.Core.Features;

namespace GlossaryLsp.Tests.Features;

public class LinksAndSymbolsTests
{
    private const string Workspace = """
        //- glossary/ml.md
        <!-- 記事URL:https://example.com/glossary/ml.md# -->

        ## [|転移学習 | Transfer Learning|]

        - 知識を持ち込む。

        ## ファインチューニング | Fine-tuning

        - <a href="[|https://example.com/glossary/ml.md#6Lui56e75a2m57+SIHwgVHJhbnNmZXIgTGVhcm5pbmc=|]">転移学習</a>の一種。
        //- terms/da.md
        ---
        title: [|データ拡張|]
        e-title: Data Augmentation
        term: でーたかくちょう
        type: glossary
        ---

        水増し。
        //- articles/post.md
        # [|記事 🌲|]

        🌲[転移学習]([|../glossary/ml.md#6Lui56e75a2m57+SIHwgVHJhbnNmZXIgTGVhcm5pbmc=|])、[拡張]([|../terms/da.md|])、[節]([|#記事-|])、
        [壊れた](../glossary/ml.md#nope)、[外](https://other.example.org/)、[無い](missing.md)。

        """;

    /// <summary>Spans of <see cref="Workspace"/> in the order they open.</summary>
    private enum At { TermName, HtmlHref, PageTitle, PostTitle, TermLink, PageLink, HeadingLink }

    [Fact]
    public void Document_links_point_at_term_or_heading_and_skip_broken_and_external()
    {
        var f = FixtureWorkspace.Parse(FixtureWorkspace.Crlf(Workspace));
        var doc = f.Doc("articles/post.md");
        string R(At at) => f.Fixture.Range(f.Fixture.Spans[(int)at]);
        DocumentLinkService.GetLinks(f.Index, doc)
            .Select(l => $"{FixtureWorkspace.Range(doc, l.Span)} {l.TargetPath} {FixtureWorkspace.Range(f.Doc(l.TargetPath), l.TargetSpan!.Value)} {l.Tooltip}")
            .Should().Equal(
                $"{R(At.TermLink)} glossary/ml.md {R(At.TermName)} 転移学習 | Transfer Learning — glossary/ml.md",
                $"{R(At.PageLink)} terms/da.md {R(At.PageTitle)} データ拡張 | Data Augmentation — terms/da.md",
                $"{R(At.HeadingLink)} articles/post.md {R(At.PostTitle)} 記事 🌲 — articles/post.md");
    }

    [Fact]
    public void Html_link_in_a_term_list_links_to_its_term()
    {
        var f = FixtureWorkspace.Parse(Workspace);
        var doc = f.Doc("glossary/ml.md");
        DocumentLinkService.GetLinks(f.Index, doc).Select(l => $"{FixtureWorkspace.Range(doc, l.Span)} {l.TargetPath} {FixtureWorkspace.Range(doc, l.TargetSpan!.Value)}")
            .Should().Equal($"{f.Fixture.Range(f.Fixture.Spans[(int)At.HtmlHref])} glossary/ml.md {f.Fixture.Range(f.Fixture.Spans[(int)At.TermName])}");
    }

    [Fact]
    public void Workspace_symbols_prefix_first_then_substring_then_subsequence()
    {
        var f = FixtureWorkspace.Parse(Workspace);
        WorkspaceSymbolService.Search(f.Index, "tra").Select(s => $"{s.Name}|{s.Detail}|{s.Path}").Should().Equal(
            "Transfer Learning|転移学習|glossary/ml.md");
        WorkspaceSymbolService.Search(f.Index, "ing").Select(s => s.Name).Should().Equal("Fine-tuning", "Transfer Learning");
        WorkspaceSymbolService.Search(f.Index, "ftn").Select(s => s.Name).Should().Equal("Fine-tuning");
        WorkspaceSymbolService.Search(f.Index, "でーた").Select(s => $"{s.Name}|{s.Detail}").Should().Equal(
            "でーたかくちょう|データ拡張", "データ拡張|Data Augmentation");
    }

    [Fact]
    public void Workspace_symbols_empty_query_lists_every_entry_word()
    {
        var f = FixtureWorkspace.Parse(Workspace);
        WorkspaceSymbolService.Search(f.Index, "").Should().HaveCount(7);
    }

    [Fact]
    public void Term_catalog_lists_every_term_with_its_definition()
    {
        var f = FixtureWorkspace.Parse(Workspace);
        TermCatalog.List(f.Index).Select(t => $"{t.Headword}|{string.Join(",", t.Aliases)}|{t.Reading}|{t.Path}|{t.Definition}")
            .Should().Equal(
            "転移学習|Transfer Learning||glossary/ml.md|- 知識を持ち込む。",
            "ファインチューニング|Fine-tuning||glossary/ml.md|"
                + "- <a href=\"https://example.com/glossary/ml.md#6Lui56e75a2m57+SIHwgVHJhbnNmZXIgTGVhcm5pbmc=\">転移学習</a>の一種。",
            "データ拡張|Data Augmentation|でーたかくちょう|terms/da.md|水増し。");
    }
}
