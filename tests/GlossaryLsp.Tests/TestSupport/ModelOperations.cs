// The operations of the model-based tests and where an edit lands. An operation is a handful of small
// integers read against the current files (which file, which kind of place in it, where in that place),
// so that any operation applies to any state and CsCheck can drop or simplify operations while shrinking.
using System.Text.RegularExpressions;
using CsCheck;

namespace GlossaryLsp.Tests.TestSupport;

public enum OpKind
{
    /// <summary>Insert or delete text in a file (the editor's text when it is open, else on disk).</summary>
    Edit,
    /// <summary>Write a generated file at a path (created, or replaced whole).</summary>
    AddFile,
    DeleteFile,
    RenameFile,
    /// <summary>Write one of <see cref="ModelWorkspace.Configs"/> (or delete glossary.yml).</summary>
    SetConfig,
    /// <summary>Create or delete a non-Markdown file.</summary>
    ToggleOtherFile,
    Open,
    Close,
    /// <summary>Write an open document's text to disk (didSave and a watched-file change).</summary>
    Save,
    /// <summary>Edit a file on disk while it may be open (an external tool).</summary>
    EditOnDisk,
    /// <summary>Delete a folder: the client sends one watched-file event for the folder.</summary>
    DeleteFolder,
    /// <summary>Rename a folder: one deleted and one created event, for the folders.</summary>
    RenameFolder,
}

/// <summary>
/// One operation: <see cref="File"/> picks a file (modulo the files there are), <see cref="Place"/> a kind
/// of place in it (<see cref="ModelOperations.PlaceKinds"/>), <see cref="Where"/> which such place and where
/// in it, <see cref="Delete"/> how many characters go and <see cref="Snippet"/> what is inserted; <see cref="Spec"/>
/// is the content of an added file.
/// </summary>
public sealed record ModelOp(OpKind Kind, int File, int Place, int Where, int Delete, int Snippet, FileSpec Spec)
{
    public override string ToString() => Kind switch
    {
        OpKind.Edit or OpKind.EditOnDisk =>
            $"{Kind}(file {File}, place {ModelOperations.PlaceKinds[Place]}, where {Where}, delete {Delete}, insert {Print(ModelWorkspace.Snippets[Snippet])})",
        OpKind.AddFile => $"AddFile({File}, {Spec})",
        OpKind.SetConfig => $"SetConfig({Print(ModelWorkspace.Configs[Snippet % ModelWorkspace.Configs.Length])})",
        _ => $"{Kind}(file {File}, to {Where})",
    };

    public static string Print(string? s) => s is null ? "none" : "\"" + s.Replace("\r", "\\r").Replace("\n", "\\n") + "\"";
}

public static partial class ModelOperations
{
    /// <summary>The kinds of place an edit aims at: anywhere, or inside a heading, link target, anchor id, front matter, comment, line start, link text.</summary>
    private static readonly FileSpec Empty = new(false, 0, [], [], 0);

    public static readonly string[] PlaceKinds = ["anywhere", "heading", "link target", "anchor id", "front matter", "comment", "line start", "link text"];

    /// <summary>Operations of the core level (no editor: open, close and save are left out).</summary>
    public static Gen<ModelOp> CoreOp { get; } = Op(server: false);

    /// <summary>Operations of the server level.</summary>
    public static Gen<ModelOp> ServerOp { get; } = Op(server: true);

    /// <summary>
    /// The span an edit replaces: a place of the kind (the <paramref name="where"/>-th, modulo how many
    /// there are; anywhere when there is none), a point in it, and up to <paramref name="delete"/> characters
    /// after it. Never splits a surrogate pair or a CRLF: an editor's edit does not.
    /// </summary>
    public static (int Start, int Length) Locate(string text, int place, int where, int delete)
    {
        var spans = Places(text, place);
        int start, end;
        if (spans.Count == 0) (start, end) = (0, text.Length);
        else (start, end) = spans[where % spans.Count];
        int at = start + (end > start ? where / Math.Max(1, spans.Count) % (end - start + 1) : 0);
        at = Math.Min(at, text.Length);
        if (at > 0 && at < text.Length && Inside(text, at)) at--;
        int stop = Math.Min(text.Length, at + delete);
        if (stop > at && stop < text.Length && Inside(text, stop)) stop++;
        return (at, stop - at);
    }

    /// <summary>Whether an offset splits a surrogate pair or a CRLF (no editor places a cursor there).</summary>
    private static bool Inside(string text, int at) =>
        char.IsLowSurrogate(text[at]) && char.IsHighSurrogate(text[at - 1]) || text[at] == '\n' && text[at - 1] == '\r';

    private static Gen<ModelOp> Op(bool server)
    {
        var edit = Gen.Select(Gen.Int[0, 40], Gen.Int[0, PlaceKinds.Length - 1], Gen.Int[0, 400], Gen.Int[0, 8], Gen.Int[0, ModelWorkspace.Snippets.Length - 1]);
        Gen<ModelOp> Simple(OpKind kind) => Gen.Select(Gen.Int[0, 40], Gen.Int[0, 40], (f, w) => new ModelOp(kind, f, 0, w, 0, 0, Empty));
        var edits = edit.Select(e => new ModelOp(OpKind.Edit, e.Item1, e.Item2, e.Item3, e.Item4, e.Item5, Empty));
        var onDisk = edit.Select(e => new ModelOp(OpKind.EditOnDisk, e.Item1, e.Item2, e.Item3, e.Item4, e.Item5, Empty));
        var add = Gen.Select(Gen.Int[0, ModelWorkspace.Paths.Length + ModelWorkspace.ExtraPaths.Length - 1], ModelWorkspace.File,
            (p, spec) => new ModelOp(OpKind.AddFile, p, 0, 0, 0, 0, spec));
        var config = Gen.Int[0, ModelWorkspace.Configs.Length - 1].Select(c => new ModelOp(OpKind.SetConfig, 0, 0, 0, 0, c, Empty));
        var common = new List<(int, Gen<ModelOp>)>
        {
            (12, edits), (2, add), (2, Simple(OpKind.DeleteFile)), (2, Simple(OpKind.RenameFile)), (2, config), (1, Simple(OpKind.ToggleOtherFile)),
        };
        if (server)
        {
            common.AddRange([(4, Simple(OpKind.Open)), (2, Simple(OpKind.Close)), (2, Simple(OpKind.Save)), (2, onDisk)]);
            common.AddRange([(1, Simple(OpKind.DeleteFolder)), (1, Simple(OpKind.RenameFolder))]);
        }
        return Gen.Frequency([.. common]);
    }

    private static List<(int Start, int End)> Places(string text, int kind)
    {
        var regex = kind switch
        {
            1 => Heading(),
            2 => LinkTarget(),
            3 => AnchorId(),
            4 => FrontMatter(),
            5 => Comment(),
            6 => LineStart(),
            7 => LinkText(),
            _ => null,
        };
        if (regex is null) return [];
        var result = new List<(int, int)>();
        foreach (Match m in regex.Matches(text))
        {
            var g = m.Groups.Cast<Group>().Skip(1).FirstOrDefault(x => x.Success) ?? m.Groups[0];
            result.Add((g.Index, g.Index + g.Length));
        }
        return result;
    }

    [GeneratedRegex(@"^#{1,6} [^\r\n]*", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"\]\(([^)\r\n]*)\)|href=""([^""]*)""")]
    private static partial Regex LinkTarget();

    [GeneratedRegex(@"id=""([^""]*)""")]
    private static partial Regex AnchorId();

    [GeneratedRegex(@"\A---\r?\n[\s\S]*?\r?\n---")]
    private static partial Regex FrontMatter();

    [GeneratedRegex(@"<!--[\s\S]*?-->")]
    private static partial Regex Comment();

    [GeneratedRegex(@"^", RegexOptions.Multiline)]
    private static partial Regex LineStart();

    [GeneratedRegex(@"\[([^\]\r\n]*)\]|<a href=""[^""]*"">([^<]*)</a>")]
    private static partial Regex LinkText();
}
