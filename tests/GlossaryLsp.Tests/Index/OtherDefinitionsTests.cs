using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Tests.Index;

/// <summary>Where else a word is defined, nearest first and bounded (SPEC §1, §7), measured once per folder when it is defined often.</summary>
public class OtherDefinitionsTests
{
    [Fact]
    public void The_nearest_definitions_and_documents_come_first_and_all_documents_are_counted()
    {
        var index = Index(
            ("ml/a.md", "語"), ("ml/b.md", "語"), ("ml/deep/c.md", "語"), ("nlp/d.md", "語"), ("e.md", "語"), ("ml/f.md", "語 | Word\n\n## 語"));
        var others = index.OtherDefinitionsOf(TermKey.Normalize("語"), "ml/b.md", maxDefinitions: 4);
        others.Nearest.Select(r => $"{r.Path}#{r.Index}").Should().Equal("ml/a.md#0", "ml/f.md#0", "ml/f.md#1", "e.md#0");
        others.NearestDocuments.Should().Equal("ml/a.md", "ml/f.md", "e.md");
        others.DocumentCount.Should().Be(5);
    }

    [Fact]
    public void A_word_defined_in_many_documents_is_seen_the_same_from_every_document_as_when_measured_alone()
    {
        // More definitions than OtherDefinitions.SharedAbove, in folders of several depths, one document with two.
        var files = new List<(string, string)>();
        for (int i = 0; i < 90; i++)
        {
            var folder = (i % 5) switch { 0 => "", 1 => "ml/", 2 => "ml/deep/", 3 => "nlp/", _ => "nlp/x/y/" };
            files.Add(($"{folder}g{i:D2}.md", i == 42 ? "語\n\n## 語 | 別名" : "語"));
        }
        var index = Index([.. files]);
        var key = TermKey.Normalize("語");
        var refs = index.EntryWordTable[key];
        refs.Should().HaveCountGreaterThan(64);
        foreach (var (path, _) in files)
        {
            var shared = index.OtherDefinitionsOf(key, path);
            var alone = OtherDefinitions.Of(refs, path);
            shared.Nearest.Should().Equal(alone.Nearest, path);
            shared.NearestDocuments.Should().Equal(alone.NearestDocuments, path);
            shared.DocumentCount.Should().Be(89, path);
        }
        index.OtherDefinitionsOf(key, "ml/deep/g02.md").NearestDocuments.Should().Equal("ml/deep/g07.md", "ml/deep/g12.md", "ml/deep/g17.md");
    }

    private static GlossaryIndex Index(params (string Path, string Headings)[] files) =>
        GlossaryIndex.Create(GlossaryConfig.Default, files.Select(f =>
            DocumentParser.Parse(f.Path, $"<!-- 記事URL:https://x.org/{f.Path}# -->\n\n## {f.Headings}\n\n- 定義。\n")));
}
