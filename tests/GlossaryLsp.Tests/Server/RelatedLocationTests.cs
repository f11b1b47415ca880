using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Tests.Server;

/// <summary>A shrunk counterexample of the server-level model-based tests (Workspace/IncrementalServerModelTests).</summary>
public sealed class RelatedLocationTests
{
    [Fact]
    public async Task An_edit_that_moves_a_term_a_line_up_at_the_same_offset_moves_other_documents_related_locations()
    {
        // Three characters out ("。\n\n") and three in ("。x\n"): 学習率's offsets in a.md stay, its line does not.
        var before = Fixture.Parse($$"""
            //- a.md
            <!-- 記事URL:https://example.org/g/a.md# -->

            ## 蒸留<a id="{{AnchorCodec.Encode("蒸留")}}"></a>

            - 説明[|。

            |]## 学習率<a id="{{AnchorCodec.Encode("学習率")}}"></a>

            - 値。
            //- b.md
            <!-- 記事URL:https://example.org/g/b.md# -->

            ## {|GL0005:学習率|}<a id="{{AnchorCodec.Encode("学習率")}}"></a>

            - 別の定義。
            """, "\n");
        var after = Fixture.Parse($$"""
            //- a.md
            <!-- 記事URL:https://example.org/g/a.md# -->

            ## 蒸留<a id="{{AnchorCodec.Encode("蒸留")}}"></a>

            - 説明。x
            ## [|学習率|]<a id="{{AnchorCodec.Encode("学習率")}}"></a>

            - 値。
            """, "\n");
        await using var client = LspTestClient.Create(before.Files.ToDictionary(f => f.Path, f => f.Text));
        await client.InitializeAsync();
        await client.OpenAsync("a.md", before.Text("a.md"));
        await client.SettleAsync();

        await client.ChangeAsync("a.md", 2, LspTestClient.Edit(before, before.Span(), "。x\n"));
        await client.SettleAsync();
        var duplicate = client.LatestDiagnostics("b.md")!.Diagnostics.Should().ContainSingle().Subject;
        Fixtures.RangeOf(before, before.Diagnostics.Single()).Should().Be(duplicate.Range);
        duplicate.RelatedInformation.Should().ContainSingle().Which.Location.Range.Should().Be(Fixtures.RangeOf(after, after.Span()));
    }
}
