using System.Text.Json;
using GlossaryLsp.Core.Text;
using StreamJsonRpc;

namespace GlossaryLsp.Tests.Server.Handlers;

public sealed class RenameHandlerTests
{
    /// <summary>
    /// The glossary of <see cref="Fixtures.Marked"/> and an article whose link to 転移学習 follows an emoji
    /// (a surrogate pair). Spans: the entry word and the anchor id in the heading, the link's text and the
    /// anchor in its target. The cursor is inside the entry word.
    /// </summary>
    private static readonly Fixture Marked = Fixture.Parse($$"""
        //- 用語集.md
        <!-- 記事タイトル:用語集 -->
        <!-- 記事URL:https://example.org/glossary/用語集.md# -->

        ## [|転$0移学習|] | Transfer Learning<a id="[|{{Fixtures.TransferAnchor}}|]"></a>

        - ある課題で学習したモデルを別の課題に流用する手法。
        //- 記事.md
        # 記事

        🌲[[|転移学習|]](用語集.md#[|{{Fixtures.TransferAnchor}}|])を使う ✅。

        """, "\n");

    [Fact]
    public async Task PrepareRename_gives_the_entry_word_and_rename_rewrites_heading_id_and_links()
    {
        await using var c = await StartAsync();
        var prepared = await c.RequestAsync("textDocument/prepareRename", At(c, Marked.Cursor!));
        R(prepared.GetProperty("range")).Should().Be(Marked.Range(Marked.Spans[0]));
        prepared.GetProperty("placeholder").GetString().Should().Be("転移学習");

        var edit = await c.RequestAsync("textDocument/rename", Rename(c, "転移型学習"));
        var newAnchor = AnchorCodec.Encode("転移型学習 | Transfer Learning");
        var byFile = edit.GetProperty("documentChanges").EnumerateArray().ToDictionary(
            d => Path.GetFileName(new Uri(d.GetProperty("textDocument").GetProperty("uri").GetString()!).LocalPath),
            d => d.GetProperty("edits").EnumerateArray().Select(e => $"{R(e.GetProperty("range"))} {e.GetProperty("newText").GetString()}").ToList());
        byFile.Keys.Should().BeEquivalentTo("用語集.md", "記事.md");
        byFile["用語集.md"].Should().Equal($"{Marked.Range(Marked.Spans[0])} 転移型学習", $"{Marked.Range(Marked.Spans[1])} {newAnchor}");
        byFile["記事.md"].Should().Equal($"{Marked.Range(Marked.Spans[2])} 転移型学習", $"{Marked.Range(Marked.Spans[3])} {newAnchor}");
    }

    [Fact]
    public async Task Rename_errors_come_back_as_rpc_errors_with_the_reason()
    {
        await using var c = await StartAsync();
        var heading = new FixtureSpan("記事.md", new TextSpan(Marked.Text("記事.md").IndexOf('記'), 0));
        var nothing = async () => await c.RequestAsync("textDocument/prepareRename", At(c, heading));
        await nothing.Should().ThrowAsync<RemoteRpcException>().WithMessage("Only terms can be renamed*");
        var bad = async () => await c.RequestAsync("textDocument/rename", Rename(c, "A | B"));
        await bad.Should().ThrowAsync<RemoteRpcException>().WithMessage("*contains '|'*");
    }

    private static async Task<LspTestClient> StartAsync()
    {
        var client = LspTestClient.Create(Marked.Files.ToDictionary(f => f.Path, f => f.Text));
        await client.InitializeAsync();
        return client;
    }

    private static object At(LspTestClient c, FixtureSpan cursor) =>
        new { textDocument = new { uri = c.Uri(cursor.Path) }, position = Fixtures.PositionOf(Marked, cursor.Path, cursor.Span.Start) };

    private static object Rename(LspTestClient c, string newName) => new
    {
        textDocument = new { uri = c.Uri(Marked.Cursor!.Path) },
        position = Fixtures.PositionOf(Marked, Marked.Cursor.Path, Marked.Cursor.Span.Start),
        newName,
    };

    private static string R(JsonElement range) => Fixtures.RangeText(range);
}
