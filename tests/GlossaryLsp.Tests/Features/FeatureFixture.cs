using System.Text.RegularExpressions;
using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;
using GlossaryLsp.Core.Workspace;

namespace GlossaryLsp.Tests.Features;

/// <summary>
/// An in-memory workspace from fixture text: files split on lines <c>//- path</c>, one cursor <c>$0</c>
/// and optionally one selection <c>[|…|]</c> (both removed from the text). Line breaks are kept as
/// written, so a fixture can be turned into CRLF with <see cref="Crlf"/>.
/// </summary>
public sealed class FeatureFixture
{
    public required GlossaryIndex Index { get; init; }
    /// <summary>The document holding the cursor or selection (else the first one).</summary>
    public required ParsedDocument Document { get; init; }
    public int Cursor { get; init; } = -1;
    public TextSpan Selection { get; init; }

    public static FeatureFixture Parse(string fixture, GlossaryConfig? config = null)
    {
        config ??= GlossaryConfig.Default;
        var files = new List<(string Path, string Text)>();
        var parts = Regex.Split(fixture, @"^//- ", RegexOptions.Multiline);
        if (parts.Length == 1) files.Add(("doc.md", fixture));
        else
        {
            foreach (var part in parts.Skip(1))
            {
                int nl = part.IndexOfAny(['\r', '\n']);
                var path = part[..nl].Trim();
                int start = nl + (part[nl] == '\r' && nl + 1 < part.Length && part[nl + 1] == '\n' ? 2 : 1);
                files.Add((path, part[start..]));
            }
        }
        var docs = new List<ParsedDocument>();
        string? cursorPath = null;
        int cursor = -1;
        TextSpan selection = default;
        foreach (var (path, raw) in files)
        {
            var text = raw;
            int sel = text.IndexOf("[|", StringComparison.Ordinal);
            if (sel >= 0)
            {
                text = text.Remove(sel, 2);
                int end = text.IndexOf("|]", sel, StringComparison.Ordinal);
                text = text.Remove(end, 2);
                selection = TextSpan.FromBounds(sel, end);
                cursorPath = path;
                cursor = sel;
            }
            int c = text.IndexOf("$0", StringComparison.Ordinal);
            if (c >= 0)
            {
                text = text.Remove(c, 2);
                cursor = c;
                cursorPath = path;
            }
            docs.Add(WorkspaceLoader.ParseText(path, text, config));
        }
        var index = GlossaryIndex.Create(config, docs);
        return new FeatureFixture
        {
            Index = index,
            Document = index.GetDocument(cursorPath ?? docs[0].Path)!,
            Cursor = cursor,
            Selection = selection,
        };
    }

    public static string Crlf(string text) => text.Replace("\r\n", "\n").Replace("\n", "\r\n");

    public ParsedDocument Doc(string path) => Index.GetDocument(path)!;

    /// <summary>The text of a span in the cursor's document.</summary>
    public string TextOf(TextSpan span) => Document.GetText(span);

    /// <summary>"line:character-line:character" of a span, as the tests write expected ranges.</summary>
    public static string Range(ParsedDocument doc, TextSpan span)
    {
        var r = doc.Lines.GetRange(span);
        return $"{r.Start}-{r.End}";
    }
}
