using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace GlossaryLsp.Core.Config;

/// <summary>
/// The prh dictionaries of a configuration merged into one rule set, and prh 5's engine over a text
/// (<c>lib/engine.js</c> <c>makeChangeSet</c>): the text is cut into paragraphs at runs of blank lines,
/// every rule runs on every paragraph, <c>prh:disable</c> pragmas drop a paragraph's findings, and
/// overlapping findings are settled as prh's <c>ChangeSet</c> does (the longer of two at one place, then
/// the earlier). Immutable; shared by every snapshot with this configuration.
/// </summary>
public sealed partial class PrhDictionary
{
    public PrhDictionary(IEnumerable<PrhRule> rules, IEnumerable<string> files)
    {
        Rules = [.. rules];
        Files = [.. files];
    }

    public ImmutableArray<PrhRule> Rules { get; }
    /// <summary>Every file the rules came from, imports included (workspace-relative): a change to one reloads the configuration.</summary>
    public ImmutableArray<string> Files { get; }

    /// <summary>prh's <c>ChangeSet._prepare</c>: stable sort by start then end; of two starting together the longer stays; then one starting inside its predecessor goes.</summary>
    public static List<PrhDiff> Prepare(List<PrhDiff> diffs)
    {
        var sorted = diffs.Select((d, i) => (d, i)).OrderBy(x => x.d.Index).ThenBy(x => x.d.End).ThenBy(x => x.i).Select(x => x.d).ToList();
        var first = new List<PrhDiff>(sorted.Count);
        for (int i = 0; i < sorted.Count; i++)
            if (i + 1 >= sorted.Count || !(sorted[i].Index == sorted[i + 1].Index && sorted[i].End < sorted[i + 1].End)) first.Add(sorted[i]);
        // Each is compared with its predecessor in that list, kept or not (prh filters against the unfiltered array).
        var result = new List<PrhDiff>(first.Count);
        for (int i = 0; i < first.Count; i++)
            if (i == 0 || first[i].Index >= first[i - 1].End) result.Add(first[i]);
        return result;
    }

    /// <summary>
    /// prh's <c>applyRule</c> + <c>ChangeSet.applyChangeSets</c> on one string (a spec's <c>from</c>): the text
    /// with every finding of <paramref name="rule"/> replaced.
    /// </summary>
    public static string Rewrite(PrhRule rule, string text)
    {
        var diffs = new List<PrhDiff>();
        rule.Apply(text, 0, diffs);
        var sb = new System.Text.StringBuilder(text.Length);
        int at = 0;
        foreach (var d in Prepare(diffs))
        {
            sb.Append(text, at, d.Index - at).Append(d.Replacement);
            at = d.End;
        }
        return sb.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>Every finding prh would report in <paramref name="text"/>, in order.</summary>
    public List<PrhDiff> FindAll(string text)
    {
        var diffs = new List<PrhDiff>();
        int last = 0;
        foreach (Match separator in ParagraphSeparator().Matches(text))
        {
            Paragraph(text, last, separator.Index - last, diffs);
            last = separator.Index + separator.Length;
        }
        Paragraph(text, last, text.Length - last, diffs);
        return Prepare(diffs);
    }

    [GeneratedRegex(@"\n{2,}")]
    private static partial Regex ParagraphSeparator();

    /// <summary><c>prh:disable</c> (the whole paragraph) or <c>prh:disable:PATTERN</c> (findings whose text matches it), as prh's <c>Paragraph</c> reads them.</summary>
    [GeneratedRegex(@"^(?:.*?)prh:disable(?::([^\n\s]*))?", RegexOptions.Multiline)]
    private static partial Regex Pragma();

    private void Paragraph(string text, int start, int length, List<PrhDiff> into)
    {
        var content = text.Substring(start, length);
        var found = new List<PrhDiff>();
        foreach (var rule in Rules) rule.Apply(content, start, found);
        if (found.Count == 0) return;
        if (!content.Contains("prh:disable", StringComparison.Ordinal))
        {
            into.AddRange(found);
            return;
        }
        var ranges = new List<(int Index, int End)>();
        var ignore = new List<Regex>();
        foreach (Match p in Pragma().Matches(content))
        {
            if (!p.Groups[1].Success || p.Groups[1].Length == 0) return; // prh:disable alone: nothing in this paragraph
            ranges.Add((start + p.Index, start + p.Index + p.Length));
            try { ignore.Add(JsRegex.Translate("(" + p.Groups[1].Value + ")", ignoreCase: false)); }
            catch (JsRegexException) { } // a pattern prh could not compile either
        }
        foreach (var d in found)
            if (ranges.TrueForAll(r => !d.Collides(r.Index, r.End)) && !ignore.Exists(r => r.IsMatch(d.Matched))) into.Add(d);
    }
}
