using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Tests.Text;

/// <summary>The bounded name lists of messages and hovers, and the folder distance that orders them (SPEC §1, §7).</summary>
public class BoundedListsTests
{
    [Theory]
    [InlineData(1, "a.md")]
    [InlineData(2, "a.md and b.md")]
    [InlineData(3, "a.md, b.md and c.md")]
    [InlineData(4, "a.md, b.md, c.md and 1 more")]
    [InlineData(3000, "a.md, b.md, c.md and 2,997 more")]
    public void A_list_names_at_most_three_and_counts_the_rest(int count, string expected)
    {
        NameList.Join(Names(count), count, OutputBounds.NamedDocuments).Should().Be(expected);
    }

    [Fact]
    public void Only_the_names_shown_are_enumerated_and_the_separators_are_the_callers()
    {
        NameList.Join(Names(int.MaxValue), 10_001, 3, " | ", " | ").Should().Be("a.md | b.md | c.md and 9,998 more");
        NameList.Join(["語", "Word"], 2, 10, " | ", " | ").Should().Be("語 | Word");
        NameList.Join([], 0, 3).Should().BeEmpty();
    }

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("glossary", "glossary", 0)]
    [InlineData("", "glossary", 1)]
    [InlineData("glossary/ml", "glossary", 1)]
    [InlineData("glossary/ml", "glossary/nlp", 2)]
    [InlineData("ab", "abc", 2)]
    [InlineData("用語/深層", "用語/深層/🌲", 1)]
    [InlineData("a/b/c", "x/y", 5)]
    public void Folder_distance_counts_whole_segments(string a, string b, int expected)
    {
        WorkspacePaths.FolderDistance(a, b).Should().Be(expected);
        WorkspacePaths.FolderDistance(b.AsSpan(), a.AsSpan()).Should().Be(expected);
    }

    private static IEnumerable<string> Names(int count)
    {
        for (int i = 0; i < count; i++) yield return i < 26 ? $"{(char)('a' + i)}.md" : throw new InvalidOperationException("enumerated past the names shown");
    }
}
