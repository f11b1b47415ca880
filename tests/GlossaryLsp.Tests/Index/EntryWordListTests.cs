using GlossaryLsp.Core.Workspace;

namespace GlossaryLsp.Tests.Index;

public class EntryWordListTests
{
    [Fact]
    public void A_heading_edit_updates_the_sorted_keys_exactly()
    {
        var f = FixtureWorkspace.Parse("""
            //- g.md
            <!-- 記事URL:https://e.com/g.md# -->

            ## 転移学習 | Transfer Learning

            ## 凍結

            //- h.md
            <!-- 記事URL:https://e.com/h.md# -->

            ## 学習率 | LR

            """);
        var before = f.Index.EntryWords;
        before.Keys.Should().Equal("lr", "transfer learning", "凍結", "学習率", "転移学習");
        var edited = WorkspaceLoader.ParseText("g.md", f.Doc("g.md").Text.Replace("## 凍結", "## 凍結 | Freezing").Replace(" | Transfer Learning", ""), f.Index.Config);
        var index = f.Index.WithDocument(edited);
        var after = index.EntryWords;
        after.Keys.Should().Equal(index.EntryWordTable.Keys.Order(StringComparer.Ordinal));
        after.Keys.Should().Equal("freezing", "lr", "凍結", "学習率", "転移学習");
        after.PrefixRange("学").Should().Be((3, 4));
        after.HasPrefix("転移").Should().BeTrue();
        after.HasPrefix("transfer").Should().BeFalse();
    }
}
