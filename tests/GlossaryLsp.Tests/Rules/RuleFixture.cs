using System.Text;
using System.Text.RegularExpressions;
using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Rules;
using GlossaryLsp.Core.Text;
using GlossaryLsp.Core.Workspace;

namespace GlossaryLsp.Tests.Rules;

/// <summary>
/// Multi-file rule fixtures in the style of rust-analyzer and Roslyn: files split on <c>//- path</c>
/// lines, expected diagnostics marked inline as <c>{|GL0004:text|}</c>. The markers are removed and
/// their spans become the expected findings; the fixture runs with LF or CRLF line ends.
/// </summary>
internal sealed partial class RuleFixture
{
    [GeneratedRegex(@"\{\|(?<id>GL\d{4}):(?<text>.*?)\|\}", RegexOptions.Singleline)]
    private static partial Regex MarkerRegex();

    public required GlossaryIndex Index { get; init; }
    /// <summary>Expected findings as "path:GLxxxx:[start..end) 'text'".</summary>
    public required List<string> Expected { get; init; }

    /// <summary>The base64 anchor of a heading text (SPEC §1), for writing fixtures.</summary>
    public static string A(string headingText) => AnchorCodec.Encode(headingText);

    public static RuleFixture Create(string fixture, string newline = "\n", GlossaryConfig? config = null)
    {
        config ??= GlossaryConfig.Default;
        var docs = new List<ParsedDocument>();
        var expected = new List<string>();
        foreach (var (path, raw) in SplitFiles(fixture))
        {
            var text = raw.Replace("\r\n", "\n").Replace("\n", newline);
            var sb = new StringBuilder();
            int pos = 0;
            foreach (Match m in MarkerRegex().Matches(text))
            {
                sb.Append(text, pos, m.Index - pos);
                var inner = m.Groups["text"].Value;
                var span = new TextSpan(sb.Length, inner.Length);
                sb.Append(inner);
                expected.Add(Format(path, m.Groups["id"].Value, span, inner));
                pos = m.Index + m.Length;
            }
            sb.Append(text, pos, text.Length - pos);
            docs.Add(WorkspaceLoader.ParseText(path, sb.ToString(), config));
        }
        return new RuleFixture { Index = GlossaryIndex.Create(config, docs), Expected = expected };
    }

    private static IEnumerable<(string Path, string Text)> SplitFiles(string fixture)
    {
        var parts = Regex.Split(fixture.Replace("\r\n", "\n"), @"^//- ", RegexOptions.Multiline);
        foreach (var part in parts.Skip(1))
        {
            int nl = part.IndexOf('\n');
            yield return (part[..nl].Trim().TrimStart('/'), part[(nl + 1)..]);
        }
    }

    public static string Format(string path, string id, TextSpan span, string text) => $"{path}:{id}:{span} '{text}'";

    public IReadOnlyList<Diagnostic> Analyze() =>
        [.. DocumentAnalyzer.AnalyzeAll(Index).SelectMany(r => r.Diagnostics)];

    /// <summary>Findings of the given rules (all rules when none are given), formatted like <see cref="Expected"/>.</summary>
    public List<string> Actual(params string[] ruleIds) =>
        [.. Analyze().Where(d => ruleIds.Length == 0 || ruleIds.Contains(d.Id))
            .Select(d => Format(d.Path, d.Id, d.Span, Index.GetDocument(d.Path)!.GetText(d.Span)))];

    /// <summary>Asserts the rules report exactly the marked spans, no more, no less.</summary>
    public static RuleFixture Check(string fixture, string newline, params string[] ruleIds) => Check(fixture, newline, null, ruleIds);

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
