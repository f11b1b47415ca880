using System.Collections.Immutable;
using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;

namespace GlossaryLsp.Server.Workspace;

/// <summary>One workspace folder's mutable state (queue-only).</summary>
internal sealed class FolderState(string name, string rootPath)
{
    private const int ReplacedKept = 4;
    /// <summary>Parses of open documents recently replaced in the index, newest last (few: an undo follows the edit it undoes).</summary>
    private readonly List<(ParsedDocument Document, GlossaryConfig Config)> _replaced = [];

    private FolderSnapshot? _snapshot;

    public string Name { get; } = name;
    public string RootPath { get; } = rootPath;
    /// <summary>Whether the folder has been read from disk since it was added or its ignore globs changed.</summary>
    public bool IsLoaded { get; private set; }
    /// <summary>The last good glossary.yml (defaults when there is none).</summary>
    public GlossaryConfig FileConfig { get; private set; } = GlossaryConfig.Default;
    public GlossaryIndex Index { get; private set; } = GlossaryIndex.Empty();
    /// <summary>
    /// Open documents by workspace path: a persistent map, which a snapshot shares rather than copies.
    /// Values compare by reference, so <c>SetItem</c> always stores the new record (record equality would
    /// compare whole texts and keep the old record, with its own string, when they are equal).
    /// </summary>
    public ImmutableDictionary<string, OpenDocument> Open { get; private set; } =
        ImmutableDictionary<string, OpenDocument>.Empty.WithComparers(StringComparer.Ordinal, ReferenceEqualityComparer.Instance);
    /// <summary>Open documents whose text changed since the last snapshot, with their parse (started in the background; a burst of changes keeps only the last).</summary>
    public Dictionary<string, PendingParse> Dirty { get; } = new(StringComparer.Ordinal);
    /// <summary>Increases whenever the index's definitions change (<see cref="FolderSnapshot.DefinitionsEpoch"/>).</summary>
    public int Epoch { get; private set; }
    /// <summary>Why glossary.yml is not in effect (the last read failed), or null.</summary>
    public ConfigProblem? ConfigProblem { get; private set; }

    /// <summary>True when every pending parse has finished (taking a snapshot would not wait).</summary>
    public bool ParsesDone => Dirty.Values.All(p => p.IsDone);

    /// <summary>Keeps a glossary.yml that read well.</summary>
    public void SetFileConfig(GlossaryConfig config)
    {
        FileConfig = config;
        ConfigProblem = null;
    }

    /// <summary>Records why glossary.yml did not read (the previous configuration stays); true when that changed what is shown.</summary>
    public bool SetConfigProblem(ConfigProblem? problem)
    {
        if (Equals(problem, ConfigProblem)) return false;
        ConfigProblem = problem;
        return true;
    }

    /// <summary>The index of a read from disk.</summary>
    public void Loaded(GlossaryIndex index)
    {
        IsLoaded = true;
        SetIndex(index, definitionsChanged: true);
    }

    /// <summary>Which files belong to the folder changed: the next load reads it again.</summary>
    public void Unload() => IsLoaded = false;

    /// <summary>Replaces the index; the epoch moves when the definitions changed (said, or found by comparing).</summary>
    public void SetIndex(GlossaryIndex index, bool definitionsChanged = false)
    {
        if (definitionsChanged || !index.HasSameDefinitions(Index)) Epoch++;
        Index = index;
    }

    public void SetOpen(OpenDocument document) => Open = Open.SetItem(document.Path, document);

    public bool RemoveOpen(string path)
    {
        if (!Open.ContainsKey(path)) return false;
        Open = Open.Remove(path);
        Dirty.Remove(path);
        _replaced.RemoveAll(r => r.Document.Path == path);
        return true;
    }

    /// <summary>
    /// The open document's text changed: its parse starts at once on the thread pool, while the client
    /// sends its next request. A text already parsed (the current one, or one of the last few replaced:
    /// an undo) keeps that parse, so nothing is parsed or re-analysed for it.
    /// </summary>
    public void MarkDirty(string path)
    {
        if (!Open.TryGetValue(path, out var open)) return;
        if (Known(path, open.Text) is { } known)
        {
            SetOpen(open with { Text = known.Text });
            Dirty[path] = PendingParse.Of(known, Index.Config);
            return;
        }
        var parse = new PendingParse(path, open.Text, Index.Config);
        Dirty[path] = parse;
        parse.Start();
    }

    /// <summary>Keeps a parse the index is about to drop (see <see cref="MarkDirty"/>).</summary>
    public void Replaced(ParsedDocument document, GlossaryConfig config)
    {
        if (document.LoadProblem is not null) return;
        _replaced.RemoveAll(r => r.Document.Path == document.Path);
        if (_replaced.Count == ReplacedKept) _replaced.RemoveAt(0);
        _replaced.Add((document, config));
    }

    /// <summary>Completes when the pending parses have finished.</summary>
    public Task WhenParsed() => Task.WhenAll(Dirty.Values.Select(p => p.Done));

    public FolderSnapshot ToSnapshot()
    {
        if (_snapshot is { } s && ReferenceEquals(s.Index, Index) && s.DefinitionsEpoch == Epoch && ReferenceEquals(s.OpenDocuments, Open)
            && ReferenceEquals(s.ConfigProblem, ConfigProblem))
            return s;
        return _snapshot = new FolderSnapshot(Name, RootPath, Index, Open, Epoch, ConfigProblem);
    }

    private ParsedDocument? Known(string path, string text)
    {
        if (Index.GetDocument(path) is { LoadProblem: null } current && string.Equals(current.Text, text, StringComparison.Ordinal)) return current;
        foreach (var (document, config) in _replaced)
            if (document.Path == path && ReferenceEquals(config, Index.Config) && string.Equals(document.Text, text, StringComparison.Ordinal)) return document;
        return null;
    }
}
