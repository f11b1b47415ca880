using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;
using GlossaryLsp.Core.Workspace;

namespace GlossaryLsp.Tests.TestSupport;

/// <summary>An in-memory <see cref="GlossaryIndex"/> over the files of a <see cref="TestSupport.Fixture"/>.</summary>
public sealed record FixtureWorkspace
{
    public required Fixture Fixture { get; init; }
    public required GlossaryIndex Index { get; init; }
    /// <summary>The document of the cursor, else of the first span, else the first file.</summary>
    public required ParsedDocument Document { get; init; }
    /// <summary>The cursor's offset, else the first span's start, else -1.</summary>
    public int Cursor { get; init; } = -1;
    /// <summary>The first span, else empty.</summary>
    public TextSpan Selection { get; init; }

    public static FixtureWorkspace Parse(string fixture, GlossaryConfig? config = null, string? newline = null) =>
        From(Fixture.Parse(fixture, newline), config);

    public static FixtureWorkspace From(Fixture fixture, GlossaryConfig? config = null)
    {
        config ??= GlossaryConfig.Default;
        var index = GlossaryIndex.Create(config, fixture.Files.Select(f => WorkspaceLoader.ParseText(f.Path, f.Text, config)));
        var focus = fixture.Cursor ?? fixture.Spans.FirstOrDefault();
        return new FixtureWorkspace
        {
            Fixture = fixture,
            Index = index,
            Document = index.GetDocument(focus?.Path ?? fixture.Files[0].Path)!,
            Cursor = focus?.Span.Start ?? -1,
            Selection = fixture.Spans.Count > 0 ? fixture.Spans[0].Span : default,
        };
    }

    public static string Crlf(string text) => text.Replace("\r\n", "\n").Replace("\n", "\r\n");

    /// <summary>"line:character-line:character" of a span a feature returned, as tests write expected ranges.</summary>
    public static string Range(ParsedDocument doc, TextSpan span)
    {
        var r = doc.Lines.GetRange(span);
        return $"{r.Start}-{r.End}";
    }

    public ParsedDocument Doc(string path) => Index.GetDocument(path) ?? throw new KeyNotFoundException(path);

    /// <summary>The text of a span in the focused document.</summary>
    public string TextOf(TextSpan span) => Document.GetText(span);

    /// <summary>The text of a document after edits.</summary>
    public string Apply(string path, IEnumerable<TextEdit> edits) => TextEdit.Apply(Doc(path).Text, edits);

    /// <summary>The index after replacing one document's text.</summary>
    public GlossaryIndex With(string path, string text) => Index.WithDocument(WorkspaceLoader.ParseText(path, text, Index.Config));
}
