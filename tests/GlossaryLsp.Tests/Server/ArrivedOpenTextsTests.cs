using GlossaryLsp.Server;
using GlossaryLsp.Server.Workspace;

namespace GlossaryLsp.Tests.Server;

/// <summary>How a folder load takes the texts of didOpens that wait behind it (WorkspaceState, no protocol).</summary>
public sealed class ArrivedOpenTextsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "glossary-lsp-tests", Guid.NewGuid().ToString("N"));

    public ArrivedOpenTextsTests()
    {
        foreach (var (path, text) in Fixtures.Workspace()) LspTestClient.WriteFile(_root, path, text);
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    private string Uri(string path) => ProtocolConversions.ToFileUri(Path.Combine(_root, path));

    private static WorkspaceState NewState() => new(new ServerLog(TextWriter.Null));

    [Fact]
    public void A_text_equal_to_the_file_is_parsed_once_and_its_didOpen_then_changes_nothing()
    {
        var state = NewState();
        state.AddFolder("w", _root);
        var text = new string(Fixtures.Glossary.AsSpan()); // the editor's own copy, equal to the file
        state.ArrivedOpenTexts.Arrived(Uri("用語集.md"), text);

        state.LoadFolders(null, CancellationToken.None);
        var loaded = state.Folders[0].Index.GetDocument("用語集.md")!;
        loaded.Text.Should().BeSameAs(text);

        state.Open(Uri("用語集.md"), 1, text);
        state.PendingParses().Should().BeNull();
        var folder = state.Snapshot().Folders.Single();
        folder.Index.GetDocument("用語集.md").Should().BeSameAs(loaded); // not parsed again, so not analysed again
        folder.OpenDocuments["用語集.md"].Text.Should().BeSameAs(text);
        state.ArrivedOpenTexts.Count.Should().Be(0);
    }

    [Fact]
    public void A_didOpen_arriving_after_its_file_was_read_gets_the_read_string_when_equal()
    {
        var arrived = NewState().ArrivedOpenTexts;
        var full = Path.Combine(_root, "用語集.md");
        var disk = GlossaryLsp.Core.Workspace.WorkspaceLoader.LoadDocument(_root, "用語集.md", GlossaryLsp.Core.Config.GlossaryConfig.Default);
        var editor = new string(Fixtures.Glossary.AsSpan());

        arrived.BeginLoad();
        arrived.ReadFromDisk(full, disk);
        arrived.Arrived(Uri("用語集.md"), editor).Should().BeSameAs(disk.Text);
        arrived.Count.Should().Be(0);
        var edited = Fixtures.Glossary + "追記\n";
        arrived.Arrived(Uri("用語集.md"), edited).Should().BeSameAs(edited); // differs: the editor's text stays, for the queue
        arrived.Count.Should().Be(1);
        arrived.EndLoad();
        arrived.Arrived(Uri("記事.md"), Fixtures.Article).Should().BeSameAs(Fixtures.Article);
    }

    [Fact]
    public void A_later_didOpen_of_the_same_file_stays_when_the_earlier_one_is_handled()
    {
        var state = NewState();
        state.AddFolder("w", _root);
        var first = Fixtures.Article + "一\n";
        var second = Fixtures.Article + "二\n";
        state.ArrivedOpenTexts.Arrived(Uri("記事.md"), first);
        state.ArrivedOpenTexts.Arrived(Uri("記事.md"), second); // opened, closed and opened again meanwhile
        state.Open(Uri("記事.md"), 1, first);
        state.ArrivedOpenTexts.TextOf(Path.Combine(_root, "記事.md")).Should().BeSameAs(second);
        state.Open(Uri("記事.md"), 2, second);
        state.ArrivedOpenTexts.Count.Should().Be(0);
    }

    [Fact]
    public void A_file_of_a_nested_folder_takes_its_open_text_only_in_that_folder()
    {
        LspTestClient.WriteFile(_root, "sub/メモ.md", "# ディスク\n");
        var state = NewState();
        state.AddFolder("outer", _root);
        state.AddFolder("inner", Path.Combine(_root, "sub"));
        var editor = "# エディタ\n";
        state.ArrivedOpenTexts.Arrived(Uri("sub/メモ.md"), editor);

        state.LoadFolders(null, CancellationToken.None);
        state.Folders[0].Index.GetDocument("sub/メモ.md")!.Text.Should().Be("# ディスク\n");
        state.Folders[1].Index.GetDocument("メモ.md")!.Text.Should().BeSameAs(editor);
    }
}
