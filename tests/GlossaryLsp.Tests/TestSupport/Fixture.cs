using System.Text;
using System.Text.RegularExpressions;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Tests.TestSupport;

/// <summary>A file of a fixture: its workspace-relative path and its text without markers.</summary>
public sealed record FixtureFile(string Path, string Text);

/// <summary>A place in a fixture file, in UTF-16 code units of the text without markers.</summary>
public sealed record FixtureSpan(string Path, TextSpan Span);

/// <summary>An expected diagnostic: rule id and the range it must report.</summary>
public sealed record ExpectedDiagnostic(string Id, string Path, TextSpan Span)
{
    public override string ToString() => $"{Path}:{Id}:{Span}";
}

/// <summary>
/// The one fixture format of the tests, in the style of rust-analyzer and Roslyn. A line starting with
/// <c>//- path</c> begins a file (a fixture without one is the single file <c>doc.md</c>); in the text,
/// <c>$0</c> marks the cursor, <c>[|…|]</c> a span and <c>{|GL0002:…|}</c> an expected diagnostic of
/// that rule over its span. Markers nest; all are removed, and every offset is into the text without them.
/// </summary>
public sealed partial class Fixture
{
    public const string DefaultPath = "doc.md";

    public required IReadOnlyList<FixtureFile> Files { get; init; }
    /// <summary>The <c>$0</c> marker, or null when the fixture has none.</summary>
    public FixtureSpan? Cursor { get; init; }
    /// <summary>The <c>[|…|]</c> markers in the order they open.</summary>
    public required IReadOnlyList<FixtureSpan> Spans { get; init; }
    /// <summary>The <c>{|GLxxxx:…|}</c> markers in the order they open.</summary>
    public required IReadOnlyList<ExpectedDiagnostic> Diagnostics { get; init; }

    /// <summary>
    /// Parses a fixture. With <paramref name="newline"/> every line end of the fixture becomes it first
    /// (so one fixture runs with LF and CRLF); without, line ends stay as written.
    /// </summary>
    public static Fixture Parse(string fixture, string? newline = null)
    {
        if (newline is not null) fixture = fixture.Replace("\r\n", "\n").Replace("\n", newline);
        var files = new List<FixtureFile>();
        var spans = new List<FixtureSpan>();
        var diagnostics = new List<ExpectedDiagnostic>();
        FixtureSpan? cursor = null;
        foreach (var (path, raw) in SplitFiles(fixture))
        {
            if (files.Any(f => f.Path == path)) throw new FormatException($"fixture file '{path}' appears twice");
            var text = StripMarkers(path, raw, spans, diagnostics, ref cursor);
            files.Add(new FixtureFile(path, text));
        }
        return new Fixture { Files = files, Cursor = cursor, Spans = spans, Diagnostics = diagnostics };
    }

    public string Text(string path) =>
        Files.FirstOrDefault(f => f.Path == path)?.Text ?? throw new KeyNotFoundException($"no file '{path}' in the fixture");

    /// <summary>The only span of the fixture.</summary>
    public FixtureSpan Span() => Spans.Count == 1 ? Spans[0] : throw new InvalidOperationException($"the fixture has {Spans.Count} spans");

    /// <summary>
    /// The LSP position of an offset: lines end at "\n", "\r\n" or a lone "\r", characters are UTF-16
    /// code units. Computed here, not by Core's LineIndex, so that tests check the product's conversion.
    /// </summary>
    public LinePosition Position(string path, int offset) => PositionIn(Text(path), offset);

    /// <summary>The LSP position (UTF-16) of an offset in a text, as <see cref="Position(string, int)"/> computes it.</summary>
    public static LinePosition PositionIn(string text, int offset)
    {
        int line = 0, lineStart = 0;
        for (int i = 0; i < offset; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }
        return new LinePosition(line, offset - lineStart);
    }

    /// <summary>"line:character-line:character" of a span, as tests write expected ranges.</summary>
    public string Range(FixtureSpan span) => $"{Position(span.Path, span.Span.Start)}-{Position(span.Path, span.Span.End)}";

    [GeneratedRegex(@"\G\{\|(GL\d{4}):")]
    private static partial Regex DiagnosticOpen();

    /// <summary>Splits on lines that start with <c>//- </c>; the header line's own line end is not part of any file.</summary>
    private static IEnumerable<(string Path, string Text)> SplitFiles(string fixture)
    {
        var headers = new List<(int Start, int TextStart, string Path)>();
        for (int lineStart = 0; lineStart < fixture.Length;)
        {
            int nl = fixture.IndexOf('\n', lineStart);
            int next = nl < 0 ? fixture.Length : nl + 1;
            if (string.CompareOrdinal(fixture, lineStart, "//- ", 0, 4) == 0)
                headers.Add((lineStart, next, fixture[(lineStart + 4)..(nl < 0 ? fixture.Length : nl)].TrimEnd('\r').Trim()));
            lineStart = next;
        }
        if (headers.Count == 0)
        {
            yield return (DefaultPath, fixture);
            yield break;
        }
        if (!string.IsNullOrWhiteSpace(fixture[..headers[0].Start]))
            throw new FormatException("fixture text before its first '//- path' line");
        for (int i = 0; i < headers.Count; i++)
        {
            int end = i + 1 < headers.Count ? headers[i + 1].Start : fixture.Length;
            yield return (headers[i].Path, fixture[headers[i].TextStart..end]);
        }
    }

    private static string StripMarkers(string path, string raw, List<FixtureSpan> spans, List<ExpectedDiagnostic> diagnostics, ref FixtureSpan? cursor)
    {
        var sb = new StringBuilder(raw.Length);
        // Open markers: the output offset where each began, its rule id (null for a span) and its slot in the result list.
        var open = new Stack<(int Start, string? Id, int Slot)>();
        for (int i = 0; i < raw.Length;)
        {
            if (At(raw, i, "$0"))
            {
                if (cursor is not null) throw new FormatException($"a second '$0' in '{path}'");
                cursor = new FixtureSpan(path, new TextSpan(sb.Length, 0));
                i += 2;
            }
            else if (At(raw, i, "[|"))
            {
                open.Push((sb.Length, null, spans.Count));
                spans.Add(null!);
                i += 2;
            }
            else if (DiagnosticOpen().Match(raw, i) is { Success: true } m)
            {
                open.Push((sb.Length, m.Groups[1].Value, diagnostics.Count));
                diagnostics.Add(null!);
                i += m.Length;
            }
            else if (At(raw, i, "|]") && open.TryPeek(out var s) && s.Id is null)
            {
                open.Pop();
                spans[s.Slot] = new FixtureSpan(path, TextSpan.FromBounds(s.Start, sb.Length));
                i += 2;
            }
            else if (At(raw, i, "|}") && open.TryPeek(out var d) && d.Id is not null)
            {
                open.Pop();
                diagnostics[d.Slot] = new ExpectedDiagnostic(d.Id, path, TextSpan.FromBounds(d.Start, sb.Length));
                i += 2;
            }
            else sb.Append(raw[i++]);
        }
        if (open.Count > 0) throw new FormatException($"unclosed marker in '{path}' at offset {open.Peek().Start}");
        return sb.ToString();
    }

    private static bool At(string text, int i, string token) => string.CompareOrdinal(text, i, token, 0, token.Length) == 0;
}
