using System.Text.RegularExpressions;
using GlossaryLsp.Cli;
using GlossaryLsp.Tests.TestSupport;

namespace GlossaryLsp.Tests.Cli;

/// <summary>The README's first command: <c>glossary lint content</c> on our own default glossary exits 0.</summary>
public class ContentLintTests
{
    [Fact]
    public void The_default_glossary_lints_clean()
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int exit = Program.Run(["lint", "content"], stdout, stderr, RepoPaths.Root);
        stderr.ToString().Should().BeEmpty();
        stdout.ToString().Should().MatchRegex(@"^No problems in \d+ files\n$");
        exit.Should().Be(0);
        int files = int.Parse(Regex.Match(stdout.ToString(), @"\d+").Value);
        files.Should().BeGreaterThanOrEqualTo(7, "three term lists, three glossary pages and an article");
    }
}
