using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Workspace;

namespace GlossaryLsp.Tests.Linking;

/// <summary>
/// In-memory workspaces for the linker tests: files split on "//- path" lines, "$0" marks a cursor
/// (removed from the text, its offset returned).
/// </summary>
internal static class LinkingWorkspace
{
    public static GlossaryIndex Create(string fixture, GlossaryConfig? config = null) => Create(fixture, out _, out _, config);

    public static GlossaryIndex Create(string fixture, out string? cursorPath, out int cursor, GlossaryConfig? config = null)
    {
        config ??= GlossaryConfig.Default;
        cursorPath = null;
        cursor = -1;
        var docs = new List<ParsedDocument>();
        foreach (var (path, raw) in Split(fixture))
        {
            var text = raw;
            int at = text.IndexOf("$0", StringComparison.Ordinal);
            if (at >= 0)
            {
                text = text.Remove(at, 2);
                cursorPath = path;
                cursor = at;
            }
            docs.Add(WorkspaceLoader.ParseText(path, text, config));
        }
        return GlossaryIndex.Create(config, docs);
    }

    /// <summary>Files of a fixture. Text after a "//- path" line up to the next one; "\n" line ends kept as written.</summary>
    public static IEnumerable<(string Path, string Text)> Split(string fixture)
    {
        var parts = fixture.Split("//- ");
        foreach (var part in parts)
        {
            if (part.Length == 0) continue;
            int nl = part.IndexOf('\n');
            var path = part[..nl].TrimEnd('\r').Trim();
            yield return (path, part[(nl + 1)..]);
        }
    }

    /// <summary>A standard term-list glossary line for a file: its article URL comment.</summary>
    public static string ArticleUrl(string path) => $"<!-- 記事URL:https://example.com/{path}# -->";

    public static string ApplyAll(GlossaryIndex index, string path, IEnumerable<GlossaryLsp.Core.Text.TextEdit> edits) =>
        GlossaryLsp.Core.Text.TextEdit.Apply(index.GetDocument(path)!.Text, edits);
}
