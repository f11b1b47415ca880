using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Rules;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Tests.Index;

/// <summary>A new configuration re-parses exactly the documents whose kind its glossary globs change.</summary>
public class WithConfigTests
{
    private static readonly (string Path, string Text)[] Files =
    [
        ("terms/ml.md", "# 機械学習の用語\n\n## 転移学習 | Transfer Learning\n\n- 学習済みモデルを再利用する。\n"),
        ("notes/n.md", $"[転移学習](../terms/ml.md#{AnchorCodec.Encode("転移学習 | Transfer Learning")}) を試す。\n"),
    ];

    private static readonly GlossaryConfig Globs = GlossaryConfig.Default with { GlossaryGlobs = ["terms/**"] };

    [Fact]
    public void Adding_a_glossary_glob_turns_an_article_into_a_term_list_as_a_fresh_load_would()
    {
        var index = Load(GlossaryConfig.Default);
        index.GetDocument("terms/ml.md")!.Kind.Should().Be(DocumentKind.Article);
        Lint(index).Should().ContainSingle(d => d.StartsWith("GL0002 notes/n.md"));

        var globbed = index.WithConfig(Globs);
        globbed.GetDocument("terms/ml.md")!.Kind.Should().Be(DocumentKind.TermList);
        globbed.FindDefinitions("transfer learning").Select(t => t.Headword).Should().Equal("転移学習");
        globbed.GetDocument("notes/n.md").Should().BeSameAs(index.GetDocument("notes/n.md"), "its kind does not change");
        globbed.HasSameDefinitions(index).Should().BeFalse();
        Lint(globbed).Should().Equal(Lint(Load(Globs)));
        Lint(globbed).Should().ContainSingle(d => d.StartsWith("GL0007 terms/ml.md")).And.NotContain(d => d.StartsWith("GL0002"));

        var back = globbed.WithConfig(GlossaryConfig.Default);
        back.GetDocument("terms/ml.md")!.Kind.Should().Be(DocumentKind.Article);
        back.FindDefinitions("転移学習").Should().BeEmpty();
        Lint(back).Should().Equal(Lint(index));
    }

    private static GlossaryIndex Load(GlossaryConfig config) =>
        GlossaryIndex.Create(config, Files.Select(f => DocumentParser.Parse(f.Path, f.Text, config.IsGlossaryPath(f.Path))));

    private static string[] Lint(GlossaryIndex index) =>
        [.. DocumentAnalyzer.AnalyzeAll(index).SelectMany(r => r.Diagnostics).Select(d => $"{d.Id} {d.Path} {d.Span} {d.Message}")];

    [Fact]
    public void A_config_without_glob_changes_keeps_every_parse_and_the_derived_lists()
    {
        var index = Load(Globs);
        var words = index.EntryWords;
        var quieter = index.WithConfig(Globs with { RuleSeverities = Globs.RuleSeverities.Add("GL0007", null) });
        quieter.Documents.Values.Should().Equal(index.Documents.Values);
        quieter.EntryWords.Should().BeSameAs(words, "a list made before the change is shared");
        quieter.HasSameDefinitions(index).Should().BeFalse("links may resolve differently under another configuration");
        Lint(quieter).Should().NotContain(d => d.StartsWith("GL0007"));
    }
}
