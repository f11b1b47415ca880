using System.Collections.Immutable;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Features;

/// <summary>A term as the editor's term picker lists it.</summary>
public sealed record TermSummary(string Headword, ImmutableArray<string> Aliases, string? Reading, string Path, TextSpan NameSpan, string Definition);

/// <summary>Every term of the workspace in path order, with its definition's Markdown (the <c>glossary/terms</c> request).</summary>
public static class TermCatalog
{
    public static ImmutableArray<TermSummary> List(GlossaryIndex index) =>
        [.. index.AllTerms.Select(t => new TermSummary(t.Headword, t.Aliases, t.Reading, t.DocumentPath, t.NameSpan, TermDescription.Definition(index, t)))];
}
