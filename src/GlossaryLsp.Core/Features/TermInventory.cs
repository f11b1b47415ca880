using System.Collections.Immutable;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Linking;
using GlossaryLsp.Core.Parsing;

namespace GlossaryLsp.Core.Features;

/// <summary>
/// One term as <c>glossary terms</c> lists it (SPEC §4): its names, where it is defined and published,
/// and how the rest of the workspace uses it.
/// </summary>
/// <param name="Line">1-based line of the term's name (heading or title).</param>
/// <param name="Url">Where it is published (<see cref="LinkTargets.PublishedUrl"/>), if known.</param>
/// <param name="LinksIn">Links from other documents that resolve to it.</param>
/// <param name="Mentions">Mentions of it in other documents' prose.</param>
/// <param name="OtherDefinitions">How many other documents define one of its entry words.</param>
public sealed record TermRow(
    string Headword, ImmutableArray<string> Aliases, string? Reading, string Path, int Line, string? Anchor, string? Url,
    int LinksIn, int Mentions, int OtherDefinitions)
{
    /// <summary>No other document links to or mentions it (GL0015).</summary>
    public bool IsUnused => LinksIn == 0 && Mentions == 0;
}

/// <summary>The terms of some documents with their usage across the whole workspace (<c>glossary terms</c>).</summary>
public static class TermInventory
{
    /// <summary>Every term of <paramref name="documents"/> (documents of <paramref name="index"/>), in their order, then text order.</summary>
    public static IReadOnlyList<TermRow> List(GlossaryIndex index, IEnumerable<ParsedDocument> documents)
    {
        var usage = UsageScanner.Usage(index);
        var rows = new List<TermRow>();
        foreach (var doc in documents)
        {
            var (keys, starts) = index.EntryWordKeys(doc);
            for (int t = 0; t < doc.Terms.Length; t++)
            {
                var term = doc.Terms[t];
                int others = OtherDefinitions.CountDocumentsDefining(index, doc.Path, keys[starts[t]..starts[t + 1]]);
                rows.Add(new TermRow(
                    term.Headword, term.Aliases, string.IsNullOrEmpty(term.Reading) ? null : term.Reading, doc.Path, doc.Lines.GetLine(term.NameSpan.Start) + 1,
                    term.Anchor, LinkTargets.PublishedUrl(index, term), usage.LinksTo(doc.Path, t), usage.MentionsOf(doc.Path, t), others));
            }
        }
        return rows;
    }
}
