using GlossaryLsp.Server.Workspace;

namespace GlossaryLsp.Tests.Server.Workspace;

/// <summary>Which workspace folder owns a URI: one rule for the mutable state and the snapshots.</summary>
public class WorkspaceFoldersTests
{
    private static (string Root, string Path)? Locate(string uri, params string[] roots) =>
        WorkspaceFolders.Locate(roots, r => r, uri) is var (root, path) ? (root, path) : null;

    [Fact]
    public void The_innermost_folder_owns_a_document_and_the_path_is_slash_separated()
    {
        Locate("file:///w/glossary/sub/%E7%94%A8%E8%AA%9E.md", "/w", "/w/glossary/sub")
            .Should().Be(("/w/glossary/sub", "用語.md"));
        Locate("file:///w/glossary/%E7%94%A8%E8%AA%9E.md", "/w", "/w/glossary/sub")
            .Should().Be(("/w", "glossary/用語.md"));
    }

    [Fact]
    public void A_folder_rooted_at_the_file_system_root_owns_every_file()
    {
        Locate("file:///articles/intro.md", "/").Should().Be(("/", "articles/intro.md"));
    }

    [Theory]
    [InlineData("file:///w")]
    [InlineData("file:///w/")]
    [InlineData("file:///workspace/a.md")]
    [InlineData("untitled:Untitled-1")]
    public void The_folder_itself_a_sibling_with_a_longer_name_and_other_schemes_belong_to_no_folder(string uri)
    {
        Locate(uri, "/w").Should().BeNull();
    }
}
