using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Features;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Tests.Features;

public class CodeActionServiceTests
{
    private const string Glossary = """
        //- glossary/ml.md
        <!-- 記事URL:https://example.com/glossary/ml.md# -->

        ## 転移学習 | Transfer Learning<a id="6Lui56e75a2m57+SIHwgVHJhbnNmZXIgTGVhcm5pbmc="></a>

        - 知識を持ち込む。

        ## 学習率 | Learning Rate<a id="5a2m57+S546HIHwgTGVhcm5pbmcgUmF0ZQ=="></a>

        - 一歩の大きさ。

        """;

    [Fact]
    public void Fix_of_a_broken_anchor_under_the_cursor_and_link_all()
    {
        var f = FixtureWorkspace.Parse(Glossary + "//- articles/post.md\n✅ [学習率](../glossary/ml.md#$05a2Y5Zyo44GX44Gq44GE) を下げて転移学習する。\n");
        var actions = CodeActionService.GetActions(f.Index, f.Document, new TextSpan(f.Cursor, 0));
        actions.Select(a => Describe(f, a)).Should().Equal(
            "QuickFix Link to '学習率' in glossary/ml.md (preferred) [GL0002]",
            "Source Link all terms in this document");
        ApplyTo(f, actions[0]).Should().Be("✅ [学習率](../glossary/ml.md#5a2m57+S546HIHwgTGVhcm5pbmcgUmF0ZQ==) を下げて転移学習する。\n");
        ApplyTo(f, actions[1]).Should().Be("✅ [学習率](../glossary/ml.md#5a2Y5Zyo44GX44Gq44GE) を下げて[転移学習](../glossary/ml.md#6Lui56e75a2m57+SIHwgVHJhbnNmZXIgTGVhcm5pbmc=)する。\n");
    }

    private static string Describe(FixtureWorkspace f, CodeActionProposal a) =>
        $"{a.Category} {a.Title}{(a.IsPreferred ? " (preferred)" : "")}{(a.Diagnostic is { } d ? " [" + d.Id + "]" : "")}";

    private static string ApplyTo(FixtureWorkspace f, CodeActionProposal a) =>
        TextEdit.Apply(f.Document.Text, a.Edits.Single(e => e.Path == f.Document.Path).Edits);

    [Fact]
    public void Link_this_mention_in_a_term_list_writes_an_html_link()
    {
        var f = FixtureWorkspace.Parse(FixtureWorkspace.Crlf(Glossary.Replace("- 一歩の大きさ。", "- 転移[|学習|]の一歩の大きさ。")));
        var actions = CodeActionService.GetActions(f.Index, f.Document, f.Selection);
        actions.Select(a => Describe(f, a)).Should().Equal(
            "QuickFix Link “転移学習” to 転移学習 (this document)",
            "Source Link all terms in this document");
        ApplyTo(f, actions[0]).Should().Contain(
            "- <a href=\"https://example.com/glossary/ml.md#6Lui56e75a2m57+SIHwgVHJhbnNmZXIgTGVhcm5pbmc=\">転移学習</a>の一歩の大きさ。\r\n");
    }

    [Fact]
    public void Gl0009_fix_is_not_offered_twice_as_link_this_mention()
    {
        var config = GlossaryConfig.Default with { UnlinkedMentions = true };
        var f = FixtureWorkspace.Parse(Glossary + "//- articles/post.md\nLearning$0 Rate を下げる。\n", config);
        var actions = CodeActionService.GetActions(f.Index, f.Document, new TextSpan(f.Cursor, 0));
        // Whether GL0009's fix or "Link this mention" offers it, the mention is linked by exactly one action.
        var fix = actions.Where(a => a.Category == CodeActionCategory.QuickFix).Should().ContainSingle().Subject;
        ApplyTo(f, fix).Should().Be("[Learning Rate](../glossary/ml.md#5a2m57+S546HIHwgTGVhcm5pbmcgUmF0ZQ==) を下げる。\n");
    }

    [Fact]
    public void Nothing_to_offer_in_a_fully_linked_document()
    {
        var f = FixtureWorkspace.Parse(Glossary + "//- articles/post.md\n[学習率](../glossary/ml.md#5a2m57+S546HIHwgTGVhcm5pbmcgUmF0ZQ==)$0 だけ。\n");
        CodeActionService.GetActions(f.Index, f.Document, new TextSpan(f.Cursor, 0)).Should().BeEmpty();
    }
}
