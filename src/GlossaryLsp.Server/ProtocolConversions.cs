// The ONE place that converts between the core's coordinates (UTF-16 offsets, TextSpan, workspace
// paths) and LSP's (line/character in the negotiated position encoding, Range, file URIs).
// Architecture invariant: no other file does position arithmetic on LSP positions or parses URIs.
using System.Collections.Immutable;
using System.Text;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;
using GlossaryLsp.Server.Protocol;
using GlossaryLsp.Server.Workspace;
using CoreDiagnostic = GlossaryLsp.Core.Rules.Diagnostic;
using CoreSeverity = GlossaryLsp.Core.Config.DiagnosticSeverity;
using CoreTextEdit = GlossaryLsp.Core.Text.TextEdit;
using Range = GlossaryLsp.Server.Protocol.Range;

namespace GlossaryLsp.Server;

public enum PositionEncoding { Utf16, Utf8, Utf32 }

public sealed class ProtocolConversions
{
    public const string DiagnosticSource = "glossary";

    public ProtocolConversions(PositionEncoding encoding, bool documentChangesSupport = false)
    {
        Encoding = encoding;
        DocumentChangesSupport = documentChangesSupport;
    }

    public static ProtocolConversions Utf16 { get; } = new(PositionEncoding.Utf16);

    public PositionEncoding Encoding { get; }

    /// <summary>Whether workspace edits use <c>documentChanges</c> (versioned) rather than <c>changes</c>.</summary>
    public bool DocumentChangesSupport { get; }

    public string EncodingName => Encoding switch
    {
        PositionEncoding.Utf8 => PositionEncodingKind.Utf8,
        PositionEncoding.Utf32 => PositionEncodingKind.Utf32,
        _ => PositionEncodingKind.Utf16,
    };

    /// <summary>Chooses the encoding: the client's first of utf-16, utf-8, utf-32 in its order of preference; utf-16 when it offers none.</summary>
    public static PositionEncoding Negotiate(IReadOnlyList<string>? offered)
    {
        foreach (var e in offered ?? [])
        {
            switch (e)
            {
                case PositionEncodingKind.Utf16: return PositionEncoding.Utf16;
                case PositionEncodingKind.Utf8: return PositionEncoding.Utf8;
                case PositionEncodingKind.Utf32: return PositionEncoding.Utf32;
            }
        }
        return PositionEncoding.Utf16;
    }

    // ---- URIs ------------------------------------------------------------------------------

    /// <summary>The local file-system path of a <c>file:</c> URI (percent-escapes decoded), or null.</summary>
    public static string? ToFilePath(string? uri)
    {
        if (string.IsNullOrEmpty(uri) || !uri.StartsWith("file:", StringComparison.OrdinalIgnoreCase)) return null;
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || !parsed.IsFile) return null;
        try
        {
            var path = parsed.LocalPath;
            if (OperatingSystem.IsWindows() && path.Length >= 3 && path[0] == '/' && path[2] == ':') path = path[1..];
            return Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
    }

    /// <summary>A <c>file:</c> URI as VS Code writes it: every byte outside <c>A-Z a-z 0-9 - . _ ~ /</c> percent-encoded (UTF-8, upper-case hex).</summary>
    public static string ToFileUri(string fullPath)
    {
        var path = fullPath.Replace('\\', '/');
        if (!path.StartsWith('/')) path = "/" + path;
        var sb = new StringBuilder("file://", path.Length + 16);
        Span<byte> buffer = stackalloc byte[4];
        foreach (var rune in path.EnumerateRunes())
        {
            int v = rune.Value;
            if (v < 0x80 && (char.IsAsciiLetterOrDigit((char)v) || v is '-' or '.' or '_' or '~' or '/'))
            {
                sb.Append((char)v);
                continue;
            }
            int n = rune.EncodeToUtf8(buffer);
            for (int i = 0; i < n; i++) sb.Append('%').Append(buffer[i].ToString("X2"));
        }
        return sb.ToString();
    }

    public static Protocol.DiagnosticSeverity ToSeverity(CoreSeverity severity) => severity switch
    {
        CoreSeverity.Error => Protocol.DiagnosticSeverity.Error,
        CoreSeverity.Warning => Protocol.DiagnosticSeverity.Warning,
        CoreSeverity.Information => Protocol.DiagnosticSeverity.Information,
        _ => Protocol.DiagnosticSeverity.Hint,
    };

    /// <summary>A document that could not be analysed: one error at 0:0 without a rule code.</summary>
    public static Protocol.Diagnostic ToLoadProblemDiagnostic(LoadProblem problem) => new()
    {
        Range = new Range(new Position(0, 0), new Position(0, 0)),
        Severity = Protocol.DiagnosticSeverity.Error,
        Source = DiagnosticSource,
        Message = problem.Message,
    };

    /// <summary>A glossary.yml that is not in effect: one error over the line it names, without a rule code.</summary>
    public static Protocol.Diagnostic ToConfigProblemDiagnostic(Workspace.ConfigProblem problem) => new()
    {
        Range = new Range(new Position(problem.Line, 0), new Position(problem.Line, problem.LineLength)),
        Severity = Protocol.DiagnosticSeverity.Error,
        Source = DiagnosticSource,
        Message = problem.Message,
    };

    // ---- positions -------------------------------------------------------------------------

    public Position ToPosition(ParsedDocument document, int offset) => ToPosition(document.Text, document.Lines, offset);

    public Range ToRange(ParsedDocument document, TextSpan span) => ToRange(document.Text, document.Lines, span);

    /// <summary>The UTF-16 offset of an LSP position; lines and characters out of range clamp to the text.</summary>
    public int ToOffset(ParsedDocument document, Position position) => ToOffset(document.Text, document.Lines, position);

    public TextSpan ToSpan(ParsedDocument document, Range range) => ToSpan(document.Text, document.Lines, range);

    public Position ToPosition(string text, LineIndex lines, int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        var p = lines.GetPosition(offset);
        if (Encoding == PositionEncoding.Utf16) return new Position(p.Line, p.Character);
        int start = lines.GetLineStart(p.Line);
        return new Position(p.Line, CountUnits(text.AsSpan(start, offset - start)));
    }

    public Range ToRange(string text, LineIndex lines, TextSpan span) =>
        new(ToPosition(text, lines, span.Start), ToPosition(text, lines, span.End));

    public int ToOffset(string text, LineIndex lines, Position position)
    {
        if (position.Line < 0) return 0;
        if (position.Line >= lines.LineCount) return text.Length;
        if (Encoding == PositionEncoding.Utf16)
        {
            int offset = lines.GetOffset(position.Line, position.Character);
            // A position between the halves of a surrogate pair rounds down to the pair's start, as in the other encodings.
            return offset > 0 && offset < text.Length && char.IsLowSurrogate(text[offset]) && char.IsHighSurrogate(text[offset - 1]) ? offset - 1 : offset;
        }
        int start = lines.GetLineStart(position.Line), end = lines.GetLineEnd(position.Line);
        int units = 0, i = start;
        while (i < end)
        {
            int width = char.IsHighSurrogate(text[i]) && i + 1 < end && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            int w = UnitsOf(text.AsSpan(i, width));
            if (units + w > position.Character) break; // a position inside a character rounds down to its start
            units += w;
            i += width;
        }
        return i;
    }

    public TextSpan ToSpan(string text, LineIndex lines, Range range)
    {
        int s = ToOffset(text, lines, range.Start), e = ToOffset(text, lines, range.End);
        return e >= s ? TextSpan.FromBounds(s, e) : TextSpan.FromBounds(e, s);
    }

    /// <summary>Applies LSP content changes in order (ranges in this encoding, each relative to the text after the previous one).</summary>
    public string ApplyChanges(string text, IEnumerable<TextDocumentContentChangeEvent> changes)
    {
        foreach (var change in changes)
        {
            if (change.Range is null)
            {
                text = change.Text;
                continue;
            }
            var lines = new LineIndex(text);
            var span = ToSpan(text, lines, change.Range);
            text = string.Concat(text.AsSpan(0, span.Start), change.Text, text.AsSpan(span.End));
        }
        return text;
    }

    // ---- core values → protocol -------------------------------------------------------------

    public Location? ToLocation(FolderSnapshot folder, string path, TextSpan span)
    {
        if (folder.Index.GetDocument(path) is not { } doc) return null;
        return new Location(folder.GetUri(path), ToRange(doc, span));
    }

    public Protocol.Diagnostic ToDiagnostic(FolderSnapshot folder, ParsedDocument document, CoreDiagnostic diagnostic)
    {
        var related = new List<DiagnosticRelatedInformation>(diagnostic.Related.Length);
        foreach (var r in diagnostic.Related)
            if (ToLocation(folder, r.Path, r.Span) is { } location) related.Add(new DiagnosticRelatedInformation(location, r.Message));
        return new Protocol.Diagnostic
        {
            Range = ToRange(document, diagnostic.Span),
            Severity = ToSeverity(diagnostic.Severity),
            Code = diagnostic.Rule.Id,
            CodeDescription = new CodeDescription(diagnostic.Rule.HelpUri),
            Source = DiagnosticSource,
            Message = diagnostic.Message,
            RelatedInformation = related.Count > 0 ? related : null,
        };
    }

    public IReadOnlyList<Protocol.TextEdit> ToTextEdits(ParsedDocument document, IEnumerable<CoreTextEdit> edits) =>
        [.. edits.Select(e => new Protocol.TextEdit(ToRange(document, e.Span), e.NewText))];

    /// <summary>
    /// A workspace edit for core document edits: versioned <c>documentChanges</c> when the client supports
    /// them (the version of open documents, null for the others), else <c>changes</c>.
    /// </summary>
    public WorkspaceEdit ToWorkspaceEdit(FolderSnapshot folder, IEnumerable<Core.Text.DocumentEdit> edits)
    {
        var byPath = new List<(string Uri, int? Version, IReadOnlyList<Protocol.TextEdit> Edits)>();
        foreach (var group in edits.GroupBy(e => e.Path, StringComparer.Ordinal))
        {
            if (folder.Index.GetDocument(group.Key) is not { } doc) continue;
            var list = ToTextEdits(doc, group.SelectMany(g => g.Edits).OrderBy(e => e.Span.Start));
            byPath.Add((folder.GetUri(group.Key), folder.GetVersion(group.Key), list));
        }
        if (DocumentChangesSupport)
            return new WorkspaceEdit
            {
                DocumentChanges = [.. byPath.Select(p => new TextDocumentEdit(new OptionalVersionedTextDocumentIdentifier { Uri = p.Uri, Version = p.Version }, p.Edits))],
            };
        return new WorkspaceEdit { Changes = byPath.ToDictionary(p => p.Uri, p => p.Edits, StringComparer.Ordinal) };
    }

    /// <summary>
    /// Tokens in LSP's relative encoding (line delta, start delta, length, type, modifiers), lengths in this
    /// encoding. The tokens must be in source order and each on one line.
    /// </summary>
    public IReadOnlyList<int> ToSemanticTokens(ParsedDocument document, IEnumerable<(TextSpan Span, int Type, int Modifiers)> tokens)
    {
        var data = new List<int>();
        int line = 0, character = 0;
        foreach (var (span, type, modifiers) in tokens)
        {
            Position start = ToPosition(document, span.Start), end = ToPosition(document, span.End);
            if (end.Line != start.Line || end.Character <= start.Character) continue;
            data.Add(start.Line - line);
            data.Add(start.Line == line ? start.Character - character : start.Character);
            data.Add(end.Character - start.Character);
            data.Add(type);
            data.Add(modifiers);
            (line, character) = (start.Line, start.Character);
        }
        return data;
    }

    private static int CountCodePoints(ReadOnlySpan<char> chars)
    {
        int n = 0;
        for (int i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])) i++;
            n++;
        }
        return n;
    }

    private int CountUnits(ReadOnlySpan<char> chars) => Encoding switch
    {
        PositionEncoding.Utf8 => System.Text.Encoding.UTF8.GetByteCount(chars),
        PositionEncoding.Utf32 => CountCodePoints(chars),
        _ => chars.Length,
    };

    private int UnitsOf(ReadOnlySpan<char> oneCharacter) => Encoding switch
    {
        PositionEncoding.Utf8 => oneCharacter.Length == 2 ? 4 : oneCharacter[0] < 0x80 ? 1 : oneCharacter[0] < 0x800 ? 2 : 3,
        PositionEncoding.Utf32 => 1,
        _ => oneCharacter.Length,
    };
}
