using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Rules;

namespace GlossaryLsp.Tests.Rules;

/// <summary>Every rule has a descriptor and a documentation page, and every page has a rule (STYLE: rules).</summary>
public class RuleCatalogTests
{
    [Fact]
    public void Every_rule_has_a_doc_page_and_every_doc_page_a_rule()
    {
        var pages = Directory.GetFiles(Path.Combine(RepoRoot(), "docs", "rules"), "GL*.md").Select(Path.GetFileNameWithoutExtension).Order().ToList();
        pages.Should().Equal(RuleCatalog.All.Select(r => r.Id).Order(StringComparer.Ordinal), "docs/rules holds exactly one page per rule of the catalog");
        foreach (var rule in RuleCatalog.All)
        {
            var page = File.ReadAllText(Path.Combine(RepoRoot(), rule.DocPath));
            page.Should().StartWith($"# {rule.Id} {rule.Alias}\n", "the page is titled with the id and alias");
            page.Should().Contain($"**Title:** {rule.Title}");
        }
    }

    private static string RepoRoot() => TestSupport.RepoPaths.Root;

    [Fact]
    public void Every_catalog_entry_is_implemented_by_exactly_one_rule_class()
    {
        var implemented = DocumentAnalyzer.Rules.Select(r => r.Descriptor.Id).ToList();
        // GL0000 is the analyzer's summary of what the per-document bound left out (SPEC §7), not a rule class.
        var rules = RuleCatalog.All.Where(r => r != RuleCatalog.GL0000).Select(r => r.Id).ToList();
        implemented.Should().OnlyHaveUniqueItems().And.BeSubsetOf(rules);
        implemented.Should().Equal(rules, "every rule of SPEC §2 is implemented, one class each");
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
