using System.Globalization;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Linking;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;
using Humanizer;

namespace GlossaryLsp.Core.Features;

/// <summary>A term's name where the code lens of its usage sits: a term heading's text, or a glossary page's title.</summary>
public sealed record UsageLens(TextSpan Span, TermDefinition Term);

/// <summary>A place that uses a term: a link that resolves to it, or an unlinked mention of it.</summary>
public sealed record TermUse(string Path, TextSpan Span, bool IsLink);

/// <summary>
/// Where a term is used (SPEC §3 code lens; the hover on a term's name): the links to it and mentions of it
/// in the whole workspace, its own document included (never its own heading), read from the snapshot's
/// usage table (<see cref="UsageScanner"/>, which also gives GL0015 and <c>glossary terms</c> their counts
/// of other documents). Once the table is made, counts and places are read from it, no document is scanned.
/// </summary>
public static class TermUsageService
{
    /// <summary>Every term of the document, where its name is written (document order).</summary>
    public static IReadOnlyList<UsageLens> GetLenses(ParsedDocument document) =>
        document.LoadProblem is not null ? [] : [.. document.Terms.Select(t => new UsageLens(t.Heading?.TextSpan ?? t.NameSpan, t))];

    /// <summary>The term at <paramref name="offset"/> of its own document's lenses, or null (a lens's resolve finds its term again).</summary>
    public static TermDefinition? TermAt(ParsedDocument document, int offset) => GetLenses(document).FirstOrDefault(l => l.Span.Start == offset)?.Term;

    /// <summary>"3 links · 1 mention": the one text of a term's usage, the code lens's title and a line of the hover.</summary>
    public static string CountsText(GlossaryIndex index, TermDefinition term)
    {
        var (links, mentions) = UsageScanner.WorkspaceCountsOf(index, term);
        return $"{"link".ToQuantity(links, "N0", CultureInfo.InvariantCulture)} · {"mention".ToQuantity(mentions, "N0", CultureInfo.InvariantCulture)}";
    }

    /// <summary>
    /// A token of the snapshot's usage table: the same object while no count of <see cref="CountsText"/>
    /// changed (places that only moved keep it; a changed count always gives another). Makes the table when needed.
    /// </summary>
    public static object UsageVersion(GlossaryIndex index) => UsageScanner.Usage(index).Version;

    /// <summary>The places <see cref="CountsText"/> counts: in path order, then text order.</summary>
    public static IReadOnlyList<TermUse> Places(GlossaryIndex index, TermDefinition term) =>
        [.. UsageScanner.PlacesOf(index, term).Select(p => new TermUse(p.Path, p.Span, p.IsLink))];
}
