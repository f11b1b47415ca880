using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Rules;
using GlossaryLsp.Core.Text;
using GlossaryLsp.Core.Workspace;

namespace GlossaryLsp.Tests.Rules;

/// <summary>
/// A rule test's workspace from a <see cref="Fixture"/>: its <c>{|GLxxxx:…|}</c> markers are the expected
/// findings, and the fixture runs with LF or CRLF line ends.
/// </summary>
internal sealed class RuleFixture
{
    public required GlossaryIndex Index { get; init; }
    /// <summary>Expected findings as "path:GLxxxx:[start..end) 'text'".</summary>
    public required List<string> Expected { get; init; }

    /// <summary>The base64 anchor of a heading text (SPEC §1), for writing fixtures.</summary>
    public static string A(string headingText) => AnchorCodec.Encode(headingText);

    public static RuleFixture Create(string fixture, string newline = "\n", GlossaryConfig? config = null)
    {
        var w = FixtureWorkspace.Parse(fixture, config, newline);
        return new RuleFixture
        {
            Index = w.Index,
            Expected = [.. w.Fixture.Diagnostics.Select(d => Format(d.Path, d.Id, d.Span, w.Doc(d.Path).GetText(d.Span)))],
        };
    }

    public static string Format(string path, string id, TextSpan span, string text) => $"{path}:{id}:{span} '{text}'";

    /// <summary>Asserts the rules report exactly the marked spans, no more, no less.</summary>
    public static RuleFixture Check(string fixture, string newline, params string[] ruleIds) => Check(fixture, newline, null, ruleIds);

    public IReadOnlyList<Diagnostic> Analyze() =>
        [.. DocumentAnalyzer.AnalyzeAll(Index).SelectMany(r => r.Diagnostics)];

    /// <summary>Findings of the given rules (all rules when none are given), formatted like <see cref="Expected"/>.</summary>
    public List<string> Actual(params string[] ruleIds) =>
        [.. Analyze().Where(d => ruleIds.Length == 0 || ruleIds.Contains(d.Id))
            .Select(d => Format(d.Path, d.Id, d.Span, Index.GetDocument(d.Path)!.GetText(d.Span)))];

    public static RuleFixture Check(string fixture, string newline, GlossaryConfig? config, params string[] ruleIds)
    {
        var f = Create(fixture, newline, config);
        f.Actual(ruleIds).Should().BeEquivalentTo(f.Expected.Where(e => ruleIds.Length == 0 || ruleIds.Any(id => e.Contains($":{id}:"))),
            o => o.WithoutStrictOrdering(), "the fixture's {|GLxxxx:…|} markers are the expected findings");
        return f;
    }

    public Diagnostic Single(string ruleId) => Analyze().Should().ContainSingle(d => d.Id == ruleId).Subject;

    /// <summary>Applies a fix's edits to the documents and returns a fixture over the new texts.</summary>
    public RuleFixture Apply(CodeFix fix)
    {
        var docs = Index.Documents.Values.ToDictionary(d => d.Path, d => d.Text);
        foreach (var change in fix.EditsIn(Index)) docs[change.Path] = TextEdit.Apply(docs[change.Path], change.Edits);
        var parsed = docs.Select(kv => WorkspaceLoader.ParseText(kv.Key, kv.Value, Index.Config));
        return new RuleFixture { Index = GlossaryIndex.Create(Index.Config, parsed), Expected = [] };
    }

    public string Text(string path) => Index.GetDocument(path)!.Text;
}
