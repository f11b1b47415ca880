using GlossaryLsp.Core.Rules;

namespace GlossaryLsp.Tests.Rules;

/// <summary>Every rule has a descriptor and a documentation page, and every page has a rule (STYLE: rules).</summary>
public class RuleCatalogTests
{
    /// <summary>Rules whose implementation lands with another issue (GL0009 comes with the term linker).</summary>
    private static readonly string[] ImplementedElsewhere = ["GL0009"];

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GlossaryLsp.sln"))) return dir.FullName;
        throw new InvalidOperationException("GlossaryLsp.sln not found above the test binaries");
    }

    [Fact]
    public void Every_rule_has_a_doc_page_and_every_doc_page_a_rule()
    {
        var pages = Directory.GetFiles(Path.Combine(RepoRoot(), "docs", "rules"), "GL*.md").Select(Path.GetFileNameWithoutExtension).Order().ToList();
        pages.Should().Equal(RuleCatalog.All.Select(r => r.Id), "docs/rules holds exactly one page per rule of the catalog");
        foreach (var rule in RuleCatalog.All)
        {
            var page = File.ReadAllText(Path.Combine(RepoRoot(), rule.DocPath));
            page.Should().StartWith($"# {rule.Id} {rule.Alias}\n", "the page is titled with the id and alias");
            page.Should().Contain($"**Title:** {rule.Title}");
        }
    }

    [Fact]
    public void Every_rule_class_is_in_the_catalog_and_every_catalog_entry_is_implemented()
    {
        var implemented = DocumentAnalyzer.Rules.Select(r => r.Descriptor.Id).ToList();
        implemented.Should().OnlyHaveUniqueItems().And.BeSubsetOf(RuleCatalog.All.Select(r => r.Id));
        RuleCatalog.All.Select(r => r.Id).Except(ImplementedElsewhere).Should().BeSubsetOf(implemented);
        foreach (var rule in DocumentAnalyzer.Rules)
            rule.GetType().Name.Should().StartWith(rule.Descriptor.Id, "one file and class per rule, named by its id");
    }

    [Fact]
    public void Rules_are_found_by_id_or_alias()
    {
        RuleCatalog.Find("stale-anchor-id").Should().BeSameAs(RuleCatalog.GL0003);
        RuleCatalog.Find("gl0012").Should().BeSameAs(RuleCatalog.GL0012);
        RuleCatalog.Find("GL0099").Should().BeNull();
    }
}
