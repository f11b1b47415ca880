using System.Text.RegularExpressions;

namespace GlossaryLsp.Core.Config;

/// <summary>One match of a prh rule: where (UTF-16 offsets into the text), what it matched and what prh would write.</summary>
public sealed record PrhDiff(int Index, string Matched, string Replacement, PrhRule Rule)
{
    public int End => Index + Matched.Length;

    /// <summary>prh's <c>Diff.isCollide</c>: the ranges overlap and neither starts where the other does.</summary>
    public bool Collides(int index, int end) => (index < Index && Index < end) || (Index < index && index < End);
}

/// <summary>
/// A rule of a prh dictionary as prh 5 compiles it (<c>lib/rule.js</c>): the expected form, the pattern as
/// JavaScript regex source with its flags, and the .NET regex that finds the same matches
/// (<see cref="JsRegex"/>). <see cref="Apply"/> is prh's <c>applyRule</c>.
/// </summary>
public sealed class PrhRule
{
    internal PrhRule(string expected, string source, bool ignoreCase, int mustEmptyGroup, string file, int line, string? note)
    {
        Expected = expected;
        Source = source;
        IgnoreCase = ignoreCase;
        Regex = JsRegex.Translate(source, ignoreCase);
        MustEmptyGroup = mustEmptyGroup;
        File = file;
        Line = line;
        Note = note;
        GroupCount = Regex.GetGroupNumbers().Length - 1;
    }

    public string Expected { get; }
    /// <summary>The JavaScript regex source (<c>RegExp.prototype.source</c>).</summary>
    public string Source { get; }
    public bool IgnoreCase { get; }
    public Regex Regex { get; }
    /// <summary>The group that must be empty (<c>regexpMustEmpty: $N</c>), or 0.</summary>
    public int MustEmptyGroup { get; }
    /// <summary>The dictionary file (workspace-relative) and the 1-based line of the rule in it.</summary>
    public string File { get; }
    public int Line { get; }
    /// <summary>The rule's own comment (its <c>prh:</c> key), if any.</summary>
    public string? Note { get; }
    /// <summary>The pattern as prh prints it (<c>RegExp.prototype.toString</c>), which <c>ignoreRules</c> compares with.</summary>
    public string PatternText => "/" + Source + "/g" + (IgnoreCase ? "i" : "") + "mu";
    private int GroupCount { get; }

    /// <summary>prh's <c>applyRule</c> on one piece of text: every match, minus those whose must-empty group is not empty and those already as expected.</summary>
    public void Apply(string content, int offset, List<PrhDiff> into)
    {
        for (var m = Regex.Match(content); m.Success; m = m.NextMatch())
        {
            // prh's exec loop never advances past an empty match (it would not terminate); an empty match changes nothing.
            if (m.Length == 0) continue;
            if (MustEmptyGroup > 0 && MustEmptyGroup <= GroupCount && m.Groups[MustEmptyGroup].Length > 0) continue;
            if (m.Value == Expected) continue;
            into.Add(new PrhDiff(offset + m.Index, m.Value, Replacement(m), this));
        }
    }

    private static int CountDigits(string s, int from)
    {
        int n = 0;
        while (n < 2 && from + n < s.Length && char.IsAsciiDigit(s[from + n])) n++;
        return n;
    }

    /// <summary>The expected form with <c>$1</c>…<c>$99</c> replaced as prh's <c>Diff.newText</c> does.</summary>
    private string Replacement(Match m)
    {
        if (Expected.IndexOf('$') < 0) return Expected;
        var sb = new System.Text.StringBuilder(Expected.Length + 16);
        for (int i = 0; i < Expected.Length; i++)
        {
            int digits = Expected[i] == '$' ? CountDigits(Expected, i + 1) : 0;
            if (digits == 0) { sb.Append(Expected[i]); continue; }
            int group = int.Parse(Expected.AsSpan(i + 1, digits), System.Globalization.CultureInfo.InvariantCulture);
            if (group == 0 || group > GroupCount) sb.Append(Expected, i, digits + 1);
            else sb.Append(m.Groups[group].Value);
            i += digits;
        }
        return sb.ToString();
    }

}
