using GlossaryLsp.Core.Parsing;

namespace GlossaryLsp.Tests.Parsing;

/// <summary>Every parse goes through one guard, so no caller (loader, editor, <c>GlossaryIndex.WithConfig</c>) meets a parser failure.</summary>
public class ParseGuardTests
{
    [Fact]
    public void The_parser_itself_reports_a_line_over_the_limit_instead_of_parsing_it()
    {
        var text = "## 蒸留 | Distillation\n\n" + new string('[', DocumentParser.MaxLineLength + 1) + "\n";
        var doc = DocumentParser.Parse("glossary/ml.md", text, isGlossaryByConfig: true);
        doc.LoadProblem!.Message.Should().Be("line 3 is 20,001 characters long; lines over 20,000 characters are not analysed");
        doc.Terms.Should().BeEmpty();
    }
}
