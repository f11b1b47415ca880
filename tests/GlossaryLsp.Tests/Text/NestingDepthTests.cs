using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Tests.Text;

/// <summary>The linear scan that keeps deeply nested text away from the parsers (SPEC §7).</summary>
public class NestingDepthTests
{
    [Fact]
    public void Ordinary_markdown_and_yaml_pass_whatever_their_size()
    {
        NestingDepth.Markdown("# 見出し\r\n\r\n> - > - 引用の中のリスト 🌲\r\n" + new string(' ', 300) + "コード\r\n").Should().BeNull();
        NestingDepth.Yaml("title: 'a [ [ [ b'\nkeywords: [転移学習, \"[[[[\"]  # [[[[\n" + string.Concat(Enumerable.Repeat("- [x]\n", 10_000))).Should().BeNull(
            "brackets in quotes and comments, and many shallow collections, do not nest");
    }

    [Fact]
    public void The_first_line_past_a_limit_is_named_with_why()
    {
        NestingDepth.Markdown("a\n" + new string('\t', 129) + "b\n").Should().Be((1, "is indented 516 columns; nesting over 128 levels (512 columns) is not analysed"));
        NestingDepth.Markdown("a\r\nb\r\n" + string.Concat(Enumerable.Repeat("> ", 129)) + "c").Should().Be(
            (2, "nests 129 block quotes and list items; nesting over 128 levels is not analysed"));
        NestingDepth.Yaml("k:\n" + string.Concat(Enumerable.Repeat("  {a:\n", 200))).Should().Be(
            (129, "opens more than 128 nested [ ] or { } collections; nesting over 128 levels is not analysed"));
        NestingDepth.Yaml("k: " + new string('[', 128) + new string(']', 128)).Should().BeNull("128 levels are allowed");
    }
}
