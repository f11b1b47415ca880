using System.Collections.Immutable;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Rules;

/// <summary>
/// Moves a document's diagnostics to a later snapshot in which other documents they point into were
/// edited, without re-analysing it. Related locations name terms of other documents (GL0005's other
/// definitions, GL0009/GL0010's linked term) or a document as a whole (<c>[0, 0)</c>); when the
/// edited document still has the same terms (same entry words, reading and anchor, in the same
/// order), what re-analysis would report is the same term's span in the new parse. Everything else
/// — a related span that is not a term's, a term that changed, a fix edit into an edited document —
/// is not moved: the caller re-analyses that document.
/// </summary>
internal sealed class DiagnosticRelocation(GlossaryIndex before, GlossaryIndex after)
{
    /// <summary>Per edited document: old span → new span of its terms (null when it cannot be mapped).</summary>
    private readonly Dictionary<string, Dictionary<TextSpan, TextSpan>?> _maps = new(StringComparer.Ordinal);

    private readonly Dictionary<string, bool> _changed = new(StringComparer.Ordinal);

    /// <summary>The diagnostics with their positions in edited documents moved; false when that is not possible.</summary>
    public bool TryMove(ImmutableArray<Diagnostic> diagnostics, out ImmutableArray<Diagnostic> moved)
    {
        moved = diagnostics;
        Diagnostic[]? result = null;
        for (int i = 0; i < diagnostics.Length; i++)
        {
            var d = diagnostics[i];
            foreach (var fix in d.Fixes)
                foreach (var edit in fix.Edits)
                    if (edit.Path != d.Path && Changed(edit.Path)) return false;
            RelatedLocation[]? related = null;
            for (int j = 0; j < d.Related.Length; j++)
            {
                var r = d.Related[j];
                if (r.Path == d.Path || !Changed(r.Path)) continue;
                if (MapOf(r.Path) is not { } map || !map.TryGetValue(r.Span, out var span)) return false;
                if (span == r.Span) continue;
                related ??= [.. d.Related];
                related[j] = r with { Span = span };
            }
            if (related is null) continue;
            result ??= [.. diagnostics];
            result[i] = d with { Related = ImmutableArray.Create(related) };
        }
        if (result is not null) moved = ImmutableArray.Create(result);
        return true;
    }

    /// <summary>The spans that name each term (entry words, name) in the old parse → the same in the new one; a span naming two different things is left out.</summary>
    private static Dictionary<TextSpan, TextSpan>? Build(ParsedDocument? old, ParsedDocument? now)
    {
        if (old is null || now is null || old.LoadProblem is not null || now.LoadProblem is not null) return null;
        var map = new Dictionary<TextSpan, TextSpan> { [default] = default };
        var ambiguous = new HashSet<TextSpan>();
        void Add(TextSpan from, TextSpan to)
        {
            if (ambiguous.Contains(from)) return;
            if (map.TryGetValue(from, out var known) && known != to) { map.Remove(from); ambiguous.Add(from); return; }
            map[from] = to;
        }
        if (old.Terms.Length == now.Terms.Length)
            for (int i = 0; i < old.Terms.Length; i++)
            {
                var (a, b) = (old.Terms[i], now.Terms[i]);
                if (!a.SameIdentity(b)) continue;
                Add(a.NameSpan, b.NameSpan);
                for (int k = 0; k < a.EntryWordSpans.Length && k < b.EntryWordSpans.Length; k++) Add(a.EntryWordSpans[k], b.EntryWordSpans[k]);
            }
        return map;
    }

    private bool Changed(string path)
    {
        if (!_changed.TryGetValue(path, out var changed)) _changed[path] = changed = !ReferenceEquals(before.GetDocument(path), after.GetDocument(path));
        return changed;
    }

    private Dictionary<TextSpan, TextSpan>? MapOf(string path)
    {
        if (!_maps.TryGetValue(path, out var map)) _maps[path] = map = Build(before.GetDocument(path), after.GetDocument(path));
        return map;
    }
}
