using System.Text.Json;
using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Workspace;
using GlossaryLsp.Server.Protocol;
using GlossaryLsp.Server.Transport;
using GlossaryLsp.Server.Workspace;

namespace GlossaryLsp.Tests.Server;

/// <summary>While a folder loads, a didOpen's text and the file's equal text are one string, whichever is read first.</summary>
public sealed class SharedTextsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "glossary-lsp-tests", Guid.NewGuid().ToString("N"));

    public SharedTextsTests()
    {
        foreach (var (path, text) in Fixtures.Workspace()) LspTestClient.WriteFile(_root, path, text);
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public void A_didOpen_read_before_its_file_gives_the_folder_its_string()
    {
        var texts = new SharedTexts();
        texts.BeginLoad();
        var opened = ReadDidOpen(texts, Fixtures.Glossary).TextDocument.Text;

        var index = WorkspaceLoader.Load(_root, GlossaryConfig.Default, new LoadOptions { ShareText = texts.Share });

        index.GetDocument("用語集.md")!.Text.Should().BeSameAs(opened);
        index.GetDocument("記事.md")!.Text.Should().Be(Fixtures.Article);
    }

    private static DidOpenTextDocumentParams ReadDidOpen(SharedTexts texts, string text)
    {
        var options = LspJson.Create();
        options.Converters.Add(new DidOpenParamsConverter(texts));
        var json = JsonSerializer.Serialize(new { textDocument = new { uri = "file:///w/用語集.md", languageId = "markdown", version = 1, text } });
        return JsonSerializer.Deserialize<DidOpenTextDocumentParams>(json, options)!;
    }

    [Fact]
    public void A_didOpen_read_after_its_file_takes_the_files_string_when_equal_and_keeps_its_own_otherwise()
    {
        var texts = new SharedTexts();
        texts.BeginLoad();
        var index = WorkspaceLoader.Load(_root, GlossaryConfig.Default, new LoadOptions { ShareText = texts.Share });
        var loaded = index.GetDocument("用語集.md")!.Text;

        ReadDidOpen(texts, Fixtures.Glossary).TextDocument.Text.Should().BeSameAs(loaded);
        var edited = ReadDidOpen(texts, Fixtures.Glossary + "追記\n").TextDocument;
        edited.Text.Should().Be(Fixtures.Glossary + "追記\n");
        edited.Uri.Should().Be("file:///w/用語集.md");

        texts.EndLoad();
        ReadDidOpen(texts, Fixtures.Glossary).TextDocument.Text.Should().NotBeSameAs(loaded).And.Be(loaded);
    }
}
