using System.Text;
using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Linking;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Features;

/// <summary>A reading shown right after the text of a term: <c>転移学習⟨てんいがくしゅう⟩</c>.</summary>
public sealed record ReadingHint(int Offset, string Reading, TermDefinition Term);

/// <summary>
/// Reading hints (SPEC §3): after a term heading or mention whose text holds kanji and whose term has a
/// known reading (a glossary page's <c>term:</c>, a term list's <c>&lt;!-- 読み:… --&gt;</c>). In
/// <see cref="ReadingHintMode.First"/> only the first mention of each term in a section (text between
/// headings) has one; a heading always does. Mentions come from the mention scan, linked or not.
/// </summary>
public static class ReadingHintService
{
    public static IReadOnlyList<ReadingHint> GetHints(GlossaryIndex index, ParsedDocument document, TextSpan range, ReadingHintMode mode)
    {
        if (mode == ReadingHintMode.Off || document.LoadProblem is not null) return [];
        var result = new List<ReadingHint>();
        foreach (var term in document.Terms)
        {
            if (term.Heading is null || term.EntryWordSpans.IsDefaultOrEmpty) continue;
            var name = term.EntryWordSpans[0];
            if (range.ContainsOrTouches(name.End) && Shows(term, document.GetText(name))) result.Add(new ReadingHint(name.End, term.Reading!, term));
        }

        // "First" needs the mentions before the range in its sections, so the scan covers whole sections.
        var scanned = mode == ReadingHintMode.All ? document.Lines.WholeLines(range) : Sections(document, range);
        var mentions = MentionScanner.FindMentionsIn(index, document, scanned)
            .Concat(MentionScanner.FindLinkedMentions(index, document, scanned))
            .OrderBy(m => m.Span.Start);
        var sectionStarts = document.Headings.Select(h => h.Span.Start).ToArray();
        var seen = new HashSet<(int Section, TermDefinition Term)>();
        foreach (var mention in mentions)
        {
            if (!Shows(mention.Term, mention.Text)) continue;
            if (mode == ReadingHintMode.First && !seen.Add((SectionOf(sectionStarts, mention.Span.Start), mention.Term))) continue;
            if (range.ContainsOrTouches(mention.Span.End)) result.Add(new ReadingHint(mention.Span.End, mention.Term.Reading!, mention.Term));
        }
        result.Sort((a, b) => a.Offset.CompareTo(b.Offset));
        return result;
    }

    /// <summary>The first sentence of a term's definition, as plain text (the hint's tooltip).</summary>
    public static string FirstSentence(GlossaryIndex index, TermDefinition term)
    {
        var text = TermDescription.Definition(index, term);
        var plain = DefinitionText.ToPlainText(text);
        foreach (var raw in plain.Split('\n'))
        {
            var line = raw.Trim().TrimStart('-', '*', '+', ' ');
            if (line.Length == 0) continue;
            var sb = new StringBuilder();
            for (int i = 0; i < line.Length; i++)
            {
                sb.Append(line[i]);
                if (line[i] is '。' or '！' or '？' || line[i] is '.' or '!' or '?' && (i + 1 == line.Length || line[i + 1] == ' ')) break;
            }
            return sb.ToString();
        }
        return string.Empty;
    }

    private static bool Shows(TermDefinition term, string text) => term.Reading is { Length: > 0 } && HasKanji(text);

    private static bool HasKanji(string text)
    {
        foreach (var rune in text.EnumerateRunes())
            if (rune.Value is >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF or >= 0xF900 and <= 0xFAFF or >= 0x20000 and <= 0x3FFFF || rune.Value == 0x3005)
                return true;
        return false;
    }

    /// <summary>From the start of the section holding the range's start to the end of the one holding its end.</summary>
    private static TextSpan Sections(ParsedDocument document, TextSpan range)
    {
        int start = 0, end = document.Text.Length;
        foreach (var h in document.Headings)
        {
            if (h.Span.Start <= range.Start) start = h.Span.Start;
            else if (h.Span.Start > range.End) { end = h.Span.Start; break; }
        }
        return TextSpan.FromBounds(start, end);
    }

    /// <summary>How many headings start at or before the offset: the number of its section.</summary>
    private static int SectionOf(int[] sectionStarts, int offset)
    {
        int i = Array.BinarySearch(sectionStarts, offset);
        return i >= 0 ? i + 1 : ~i;
    }
}
