using System.Collections.Immutable;
using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Index;

/// <summary>
/// An immutable snapshot of the workspace: every parsed document, the entry-word table, the
/// URL → document map and link resolution (SPEC §1). Readers use it without locks; a change makes a
/// new snapshot with <see cref="WithDocument"/>, which re-uses every other document's parse and, when
/// the changed document defines the same terms, anchors and URLs as before, the derived tables too.
/// </summary>
public sealed partial class GlossaryIndex
{
    private readonly DerivedTables _tables;
    private readonly UsageCell _usage;
    private readonly Lazy<LinksByAddress> _linksByAddress;
    private GlossaryIndex(
        GlossaryConfig config, ImmutableSortedDictionary<string, ParsedDocument> documents, ImmutableHashSet<string> otherFiles, DerivedTables? tables,
        UsageCell? usage = null)
    {
        Config = config;
        Documents = documents;
        OtherFiles = otherFiles;
        _tables = tables ?? DerivedTables.Build(documents, withAutomaton: config.IsOn(RuleCatalog.GL0013));
        _usage = usage ?? UsageCell.Empty();
        _linksByAddress = new(() => LinksByAddress.Of(Documents.Values));
    }

    public GlossaryConfig Config { get; }
    /// <summary>Documents by workspace-relative path, in ordinal order.</summary>
    public ImmutableSortedDictionary<string, ParsedDocument> Documents { get; }
    /// <summary>Other (non-Markdown) files of the workspace: links to them are checked for existence only.</summary>
    public ImmutableHashSet<string> OtherFiles { get; }

    public int TermCount => _tables.TermCount;

    public IEnumerable<TermDefinition> AllTerms => Documents.Values.SelectMany(d => d.Terms);

    /// <summary>All entry-word keys with their definitions' locations: for prefix search and mention automata.</summary>
    public IReadOnlyDictionary<string, TermRef[]> EntryWordTable => _tables.ByKey;

    /// <summary>The entry-word keys in ordinal order, made once per set of definitions.</summary>
    public EntryWordList EntryWords => _tables.EntryWords;

    /// <summary>The base URL ↔ folder pair most documents' article URLs agree on (at least two), if any.</summary>
    public BaseUrlMapping? InferredMapping => _tables.InferredMapping;

    /// <summary>The entry words as a trie for mention scanning, made once per set of definitions.</summary>
    internal MentionAutomaton MentionAutomaton => _tables.Automaton;

    internal bool IsMentionAutomatonBuilt => _tables.IsAutomatonBuilt;

    /// <summary>True when this snapshot's term usage is made.</summary>
    internal bool IsUsageBuilt => _usage.IsBuilt;

    public static GlossaryIndex Empty(GlossaryConfig? config = null) =>
        new(config ?? GlossaryConfig.Default, ImmutableSortedDictionary.Create<string, ParsedDocument>(StringComparer.Ordinal), ImmutableHashSet<string>.Empty, null);

    public static GlossaryIndex Create(GlossaryConfig config, IEnumerable<ParsedDocument> documents, IEnumerable<string>? otherFiles = null) =>
        new(config, documents.ToImmutableSortedDictionary(d => d.Path, d => d, StringComparer.Ordinal),
            (otherFiles ?? []).ToImmutableHashSet(StringComparer.Ordinal), null);

    public static TermDefinition? Nearest(IReadOnlyList<TermDefinition> definitions, string fromPath)
    {
        if (definitions.Count == 0) return null;
        var order = new NearestOrder(fromPath);
        TermDefinition? best = null;
        int bestDistance = int.MaxValue;
        foreach (var d in definitions)
        {
            int distance = order.Distance(d.DocumentPath);
            if (distance < bestDistance || distance == bestDistance && string.CompareOrdinal(d.DocumentPath, best!.DocumentPath) < 0)
            {
                best = d;
                bestDistance = distance;
            }
        }
        return best;
    }

    /// <summary>The definitions in SPEC §1's order as seen from <paramref name="fromPath"/> (a stable sort: one document's in their order).</summary>
    public static IReadOnlyList<TermDefinition> NearestFirst(IEnumerable<TermDefinition> definitions, string fromPath)
    {
        var order = new NearestOrder(fromPath);
        var measured = definitions.Select(d => (Definition: d, Distance: 0)).ToArray();
        for (int i = 0; i < measured.Length; i++) measured[i].Distance = order.Distance(measured[i].Definition.DocumentPath);
        return [.. measured.OrderBy(m => m.Distance).ThenBy(m => m.Definition.DocumentPath, StringComparer.Ordinal).Select(m => m.Definition)];
    }

    /// <summary>A snapshot with one document added or replaced.</summary>
    public GlossaryIndex WithDocument(ParsedDocument document)
    {
        var docs = Documents.SetItem(document.Path, document);
        var old = Documents.GetValueOrDefault(document.Path);
        if (old is not null && DerivedTables.SameDefinitions(old, document))
            return new GlossaryIndex(Config, docs, OtherFiles, _tables, _usage.Successor(document.Path));
        return new GlossaryIndex(Config, docs, OtherFiles, _tables.Update(old, document));
    }

    public GlossaryIndex WithoutDocument(string path) =>
        Documents.TryGetValue(path, out var old) ? new GlossaryIndex(Config, Documents.Remove(path), OtherFiles.Remove(path), _tables.Update(old, null))
        : OtherFiles.Contains(path) ? new GlossaryIndex(Config, Documents, OtherFiles.Remove(path), _tables, _usage)
        : this;

    /// <summary>A snapshot with another non-Markdown file: links to it name no term, so the term usage is shared.</summary>
    public GlossaryIndex WithOtherFile(string path) => new(Config, Documents, OtherFiles.Add(path), _tables, _usage);

    /// <summary>
    /// The snapshot under another configuration. Whether a file is a term-list glossary depends on the
    /// configuration's glossary globs: the documents whose answer changes are parsed again (an unreadable
    /// one stays as it is); the others keep their parse.
    /// </summary>
    public GlossaryIndex WithConfig(GlossaryConfig config)
    {
        var index = new GlossaryIndex(config, Documents, OtherFiles, _tables.Renewed());
        foreach (var doc in Documents.Values)
        {
            bool isGlossary = config.IsGlossaryPath(doc.Path);
            if (doc.LoadProblem is null && isGlossary != Config.IsGlossaryPath(doc.Path))
                index = index.WithDocument(DocumentParser.Parse(doc.Path, doc.Text, isGlossary));
        }
        return index;
    }

    /// <summary>True when the two snapshots define the same terms, anchors and URLs (links resolve alike).</summary>
    public bool HasSameDefinitions(GlossaryIndex other) => ReferenceEquals(_tables, other._tables);

    public ParsedDocument? GetDocument(string path) => Documents.GetValueOrDefault(path);

    /// <summary>Every definition of an entry word (compared by <see cref="TermKey"/>), in path order.</summary>
    public IReadOnlyList<TermDefinition> FindDefinitions(string entryWord) => FindDefinitionsByKey(TermKey.Normalize(entryWord));

    /// <summary>Every definition with this key, in path order; without <paramref name="includeReadings"/>, only those whose entry word has it.</summary>
    public IReadOnlyList<TermDefinition> FindDefinitionsByKey(string key, bool includeReadings = true)
    {
        if (!_tables.ByKey.TryGetValue(key, out var refs)) return [];
        var result = new List<TermDefinition>(refs.Length);
        foreach (var r in refs)
            if ((includeReadings || !r.IsReading) && Documents.TryGetValue(r.Path, out var d) && r.Index < d.Terms.Length) result.Add(d.Terms[r.Index]);
        return result;
    }

    /// <summary>
    /// Where else the entry word with this key is defined, seen from a document: SPEC §1's order, SPEC §7's
    /// bounds, readings left out. A key defined in many documents is measured once per folder.
    /// </summary>
    /// <param name="key">An entry-word key.</param>
    /// <param name="fromPath">The document that looks.</param>
    /// <param name="maxDefinitions">How many of the nearest definitions to give, at most <see cref="OutputBounds.RelatedLocations"/>.</param>
    public OtherDefinitions OtherDefinitionsOf(string key, string fromPath, int maxDefinitions = OutputBounds.RelatedLocations)
    {
        if (!_tables.ByKey.TryGetValue(key, out var refs)) return new OtherDefinitions([], [], 0);
        if (refs.Length <= OtherDefinitions.SharedAbove) return OtherDefinitions.Of(refs, fromPath, Math.Min(maxDefinitions, OutputBounds.RelatedLocations));
        return _tables.SeenFromFolder(key, WorkspacePaths.FolderOf(fromPath), refs).Without(fromPath, refs, maxDefinitions);
    }

    public TermDefinition Resolve(TermRef r) => Documents[r.Path].Terms[r.Index];

    /// <summary>Nearest definition (SPEC §1): the referring file, else the fewest folder steps, ties by path.</summary>
    public TermDefinition? ResolveNearest(string entryWord, string fromPath) => Nearest(FindDefinitions(entryWord), fromPath);

    /// <summary>
    /// The URL a document is published at, ending in '#': its one well-formed comment, else the base URL
    /// mapping. A malformed comment (GL0007) is never written into new links.
    /// </summary>
    public string? GetArticleUrl(ParsedDocument document) =>
        document.ArticleUrls.Length == 1 && ArticleUrlComment.WellFormedProblem(document.ArticleUrls[0].Url) is null
            ? document.ArticleUrls[0].Url
            : ExpectedArticleUrl(document.Path);

    /// <summary>The URL the mapping (configured, else inferred) gives a path; null when there is none.</summary>
    public string? ExpectedArticleUrl(string path)
    {
        foreach (var m in Config.BaseUrls)
            if (RelativeTo(path, m.Folder) is { } rel) return m.Url + rel + "#";
        if (_tables.InferredMapping is { } inferred && RelativeTo(path, inferred.Folder) is { } r)
            return inferred.Url + r + "#";
        return null;
    }

    /// <summary>
    /// Where each term is linked to and mentioned, made on first use. Index cannot scan for mentions
    /// (Linking does, one layer up), so the scan of one document comes from the caller:
    /// <c>Linking/UsageScanner</c> is the one caller.
    /// </summary>
    internal TermUsage GetUsage(Func<GlossaryIndex, ParsedDocument, DocumentUses> usesOf) => _usage.Get(this, doc => usesOf(this, doc));

    /// <summary>Makes the usage ahead of its first use, in the background (<see cref="UsageCell.TryPrepare"/>).</summary>
    internal bool TryPrepareUsage(Func<GlossaryIndex, ParsedDocument, DocumentUses> usesOf, CancellationToken cancellation) =>
        _usage.TryPrepare(this, doc => usesOf(this, doc), cancellation);

    /// <summary>What the index derives from a document: this snapshot's, or made afresh for a parse it does not hold.</summary>
    internal DocumentFacts FactsOf(ParsedDocument document) =>
        ReferenceEquals(Documents.GetValueOrDefault(document.Path), document) ? _tables.Facts[document.Path] : DocumentFacts.Of(document);

    /// <summary>
    /// The <see cref="TermKey"/> of every entry word of a document's terms (the index's own keys): term
    /// <c>t</c>'s words, in <see cref="TermDefinition.EntryWords"/> order, are
    /// <c>Keys[TermStarts[t]..TermStarts[t + 1]]</c>, "" for a word without a key.
    /// </summary>
    internal (string[] Keys, int[] TermStarts) EntryWordKeys(ParsedDocument document)
    {
        var facts = FactsOf(document);
        return (facts.WordKeys, facts.TermStarts);
    }

    /// <summary>For each entry-word key of a document (as <see cref="EntryWordKeys"/>), its variant-fold hash and how many entry-word keys of the snapshot share it.</summary>
    internal (int[] Hashes, VariantCounts Counts) VariantHashes(ParsedDocument document) => (FactsOf(document).VariantHashes, _tables.VariantCounts);

    /// <summary>The documents defining any key of a set (named by <paramref name="keys"/>), made by <paramref name="make"/> once per derived tables.</summary>
    internal string[] DocumentsWithAny(string keys, Func<string[]> make) => _tables.DocumentsWithAny(keys, make);

    /// <summary>The links written with exactly this address (their target up to its first '#' or '?'), in path and source order.</summary>
    internal IReadOnlyList<(ParsedDocument Document, LinkReference Link)> LinksWritten(string address) => _linksByAddress.Value.Naming(address);

    /// <summary>The addresses (article URLs without '#', a glossary page's site path) links may name a document by; none for a path not in the snapshot.</summary>
    internal string[] UrlsOf(string path) => _tables.Facts.TryGetValue(path, out var facts) ? facts.Urls : [];

    /// <summary>The documents that claim an address of <see cref="UrlsOf"/>, in path order (a link to it leads to the first).</summary>
    internal string[] ClaimersOf(string url) => _tables.UrlToPaths.GetValueOrDefault(url) ?? [];

    private static string? RelativeTo(string path, string folder) =>
        folder.Length == 0 ? path : path.StartsWith(folder + "/", StringComparison.Ordinal) ? path[(folder.Length + 1)..] : null;
}
