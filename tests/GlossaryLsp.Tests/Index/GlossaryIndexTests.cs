using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Tests.Index;

public class GlossaryIndexTests
{
    [Fact]
    public void Nearest_definition_prefers_the_same_file_then_the_fewest_folder_steps_then_path_order()
    {
        var index = Index(
            ("ai/a.md", TermList("https://x.org/g/ai/a.md#", "過学習 | Overfitting")),
            ("ml/b.md", TermList("https://x.org/g/ml/b.md#", "過学習 | Overfitting")),
            ("ml/deep/c.md", TermList("https://x.org/g/ml/deep/c.md#", "学習率")),
            ("z.md", TermList("https://x.org/g/z.md#", "過学習")));
        index.ResolveNearest("過学習", "ml/b.md")!.DocumentPath.Should().Be("ml/b.md");
        index.ResolveNearest("overfitting", "ml/deep/c.md")!.DocumentPath.Should().Be("ml/b.md");
        index.ResolveNearest("過学習", "top.md")!.DocumentPath.Should().Be("z.md");
        index.ResolveNearest("過学習", "codec/v.md")!.DocumentPath.Should().Be("z.md", "z.md is 1 step away, the others 2");
        index.ResolveNearest("過学習", "ai/deep/x.md")!.DocumentPath.Should().Be("ai/a.md");
    }

    private static string TermList(string url, params string[] headings) =>
        $"<!-- 記事URL:{url} -->\n\n" + string.Concat(headings.Select(h => $"## {h}<a id=\"{AnchorCodec.Encode(h)}\"></a>\n- 定義。\n\n"));

    private static GlossaryIndex Index(params (string Path, string Text)[] files) =>
        GlossaryIndex.Create(GlossaryConfig.Default, files.Select(f => DocumentParser.Parse(f.Path, f.Text)));

    [Fact]
    public void Links_resolve_through_article_urls_relative_paths_site_paths_and_fragments()
    {
        var page = "---\ntitle: 知識蒸留\ntype: glossary\nurl: /ja/glossary/Knowledge-Distillation/\n---\n\n知識蒸留は小さなモデルに知識を移す手法。\n";
        var index = Index(
            ("g/tl.md", TermList("https://x.org/site/g/tl.md#", "転移学習 | Transfer Learning")),
            ("g/other.md", TermList("https://x.org/site/g/other.md#", "学習率")),
            ("terms/kd.md", page),
            ("a.md", "## 概要\n本文\n"));
        var from = index.GetDocument("a.md")!;
        var anchor = AnchorCodec.Encode("転移学習 | Transfer Learning");

        index.ResolveTarget(from, $"https://x.org/site/g/tl.md#{anchor}").Should().Match<LinkResolution>(r => r.Status == LinkStatus.Resolved && r.Term!.Headword == "転移学習");
        index.ResolveTarget(from, $"g/tl.md#{anchor}").Term!.Headword.Should().Be("転移学習");
        index.ResolveTarget(from, "/ja/glossary/Knowledge-Distillation/").Term!.Headword.Should().Be("知識蒸留");
        index.ResolveTarget(from, "/ja/glossary/Knowledge-Distillation").Term!.Headword.Should().Be("知識蒸留");
        index.ResolveTarget(from, "#概要").Heading!.Text.Should().Be("概要");
        index.ResolveTarget(from, "#%E6%A6%82%E8%A6%81").Status.Should().Be(LinkStatus.Resolved, "percent-encoded slugs decode");
        index.ResolveTarget(from, "https://x.org/site/g/missing.md#abc").Status.Should().Be(LinkStatus.MissingDocument, "the URL is under the inferred base");
        index.ResolveTarget(from, "https://other.example/page").Status.Should().Be(LinkStatus.External);
        index.ResolveTarget(from, "g/tl.md#bm90IGEgdGVybQ==").Status.Should().Be(LinkStatus.MissingAnchor);
        index.ResolveTarget(from, "g/tl.md#!!not-base64").Status.Should().Be(LinkStatus.InvalidAnchor);
        index.ResolveTarget(from, "../../etc/passwd").Status.Should().Be(LinkStatus.OutsideWorkspace);
        index.ResolveTarget(from, "mailto:someone@example.org").Status.Should().Be(LinkStatus.External);
        index.InferredMapping.Should().Be(new BaseUrlMapping("https://x.org/site/", ""));
    }

    [Fact]
    public void A_prose_edit_keeps_the_derived_tables_and_a_heading_edit_does_not()
    {
        var text = TermList("https://x.org/g/a.md#", "転移学習", "学習率");
        var index = Index(("a.md", text), ("b.md", TermList("https://x.org/g/b.md#", "過学習")));
        var prose = index.WithDocument(DocumentParser.Parse("a.md", text.Replace("- 定義。", "- 新しい定義。")));
        prose.HasSameDefinitions(index).Should().BeTrue();
        prose.ResolveNearest("学習率", "b.md")!.DefinitionSpan.Should().NotBe(index.ResolveNearest("学習率", "b.md")!.DefinitionSpan,
            "definitions come from the current document even when the tables are shared");

        var heading = index.WithDocument(DocumentParser.Parse("a.md", text.Replace("## 学習率", "## 学習率 | Learning Rate")));
        heading.HasSameDefinitions(index).Should().BeFalse();
        heading.FindDefinitions("learning rate").Should().ContainSingle();
    }

    [Theory]
    [InlineData("<!-- 記事URL:https://x.org/g/moved.md# -->", "another article URL")]
    [InlineData("- 定義。<a id=\"extra\"></a>", "another explicit anchor")]
    [InlineData("## 学習率<a id=\"", "another heading id")]
    [InlineData("\n# 見出し\n", "another heading")]
    public void Any_change_of_what_anchors_and_urls_resolve_to_makes_new_tables(string edit, string what)
    {
        var text = TermList("https://x.org/g/a.md#", "転移学習", "学習率");
        var index = Index(("a.md", text), ("b.md", TermList("https://x.org/g/b.md#", "過学習")));
        var edited = edit switch
        {
            _ when edit.StartsWith("<!--") => text.Replace("<!-- 記事URL:https://x.org/g/a.md# -->", edit),
            _ when edit.StartsWith("- ") => text.Replace("- 定義。", edit),
            _ when edit.StartsWith("## ") => text.Replace("## 学習率<a id=\"", "## 学習率<a id=\"x"),
            _ => text + edit,
        };
        edited.Should().NotBe(text);
        index.WithDocument(DocumentParser.Parse("a.md", edited)).HasSameDefinitions(index).Should().BeFalse(what);
    }

    [Fact]
    public void A_glossary_page_keeps_its_tables_until_its_url_or_reading_changes()
    {
        static string Page(string url, string reading) => $"---\ntitle: 知識蒸留\nterm: {reading}\ntype: glossary\nurl: {url}\n---\n\n知識蒸留は手法。\n";
        var index = Index(("kd.md", Page("/g/kd/", "ちしきじょうりゅう")));
        index.WithDocument(DocumentParser.Parse("kd.md", Page("/g/kd/", "ちしきじょうりゅう").Replace("手法", "方法"))).HasSameDefinitions(index).Should().BeTrue();
        index.WithDocument(DocumentParser.Parse("kd.md", Page("/g/kd2/", "ちしきじょうりゅう"))).HasSameDefinitions(index).Should().BeFalse();
        index.WithDocument(DocumentParser.Parse("kd.md", Page("/g/kd/", "ちしき"))).HasSameDefinitions(index).Should().BeFalse();
    }
}
