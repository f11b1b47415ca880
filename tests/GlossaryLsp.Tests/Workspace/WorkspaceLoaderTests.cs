using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Workspace;

namespace GlossaryLsp.Tests.Workspace;

/// <summary>WorkspaceLoader: reading a folder, and the limits on what is parsed.</summary>
public sealed class WorkspaceLoaderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "glossary-loader-tests", Guid.NewGuid().ToString("N"));

    public WorkspaceLoaderTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "sub"));
        File.WriteAllText(Path.Combine(_root, "a.md"), "# A on disk\n");
        File.WriteAllText(Path.Combine(_root, "sub", "b.md"), "# B on disk\n");
        File.WriteAllText(Path.Combine(_root, "c.txt"), "not Markdown\n");
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public void A_folder_is_read_with_its_Markdown_parsed_and_other_files_listed()
    {
        var index = WorkspaceLoader.Load(_root, GlossaryConfig.Default);

        index.GetDocument("a.md")!.Headings.Single().Text.Should().Be("A on disk");
        index.GetDocument("sub/b.md")!.Text.Should().Be("# B on disk\n");
        index.GetDocument("c.txt").Should().BeNull();
        index.OtherFiles.Should().Contain("c.txt");
    }

    [Fact]
    public void An_editor_text_over_the_size_limit_is_reported_not_parsed()
    {
        var huge = new string('あ', (int)(WorkspaceLoader.MaxFileBytes / 3) + 1); // 3 UTF-8 bytes each
        WorkspaceLoader.ParseEditorText("a.md", huge, GlossaryConfig.Default).LoadProblem!.Message.Should().Contain("document is 16 MB").And.Contain("not analysed");
    }

    [Theory]
    [InlineData("\n", 20_000, null)]
    [InlineData("\r\n", 20_001, "line 41 is 20,001 characters long; lines over 20,000 characters are not analysed")]
    [InlineData("\r", 20_001, "line 41 is 20,001 characters long; lines over 20,000 characters are not analysed")]
    [InlineData("\n", 1_000_000, "line 41 is 1,000,000 characters long; lines over 20,000 characters are not analysed")]
    public void A_line_over_20000_characters_anywhere_is_reported_with_its_number(string lineBreak, int length, string? problem)
    {
        // 40 lines of 600 characters (longer than the limit together), the long one, then more short ones.
        var shortLine = new string('語', 600);
        var text = string.Concat(Enumerable.Repeat(shortLine + lineBreak, 40)) + new string('x', length) + lineBreak + string.Concat(Enumerable.Repeat(shortLine + lineBreak, 40));
        (WorkspaceLoader.ParseText("a.md", text, GlossaryConfig.Default).LoadProblem?.Message).Should().Be(problem);
    }
}
