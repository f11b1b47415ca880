using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
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
public sealed class GlossaryIndex
{
    public GlossaryConfig Config { get; }
    /// <summary>Documents by workspace-relative path, in ordinal order.</summary>
    public ImmutableSortedDictionary<string, ParsedDocument> Documents { get; }
    /// <summary>Other (non-Markdown) files of the workspace: links to them are checked for existence only.</summary>
    public ImmutableHashSet<string> OtherFiles { get; }
    private readonly DerivedTables _tables;

    private GlossaryIndex(GlossaryConfig config, ImmutableSortedDictionary<string, ParsedDocument> documents, ImmutableHashSet<string> otherFiles, DerivedTables? tables)
    {
        Config = config;
        Documents = documents;
        OtherFiles = otherFiles;
        _tables = tables ?? DerivedTables.Build(config, documents);
    }

    public static GlossaryIndex Empty(GlossaryConfig? config = null) =>
        new(config ?? GlossaryConfig.Default, ImmutableSortedDictionary.Create<string, ParsedDocument>(StringComparer.Ordinal), ImmutableHashSet<string>.Empty, null);

    public static GlossaryIndex Create(GlossaryConfig config, IEnumerable<ParsedDocument> documents, IEnumerable<string>? otherFiles = null) =>
        new(config, documents.ToImmutableSortedDictionary(d => d.Path, d => d, StringComparer.Ordinal),
            (otherFiles ?? []).ToImmutableHashSet(StringComparer.Ordinal), null);

    /// <summary>A snapshot with one document added or replaced.</summary>
    public GlossaryIndex WithDocument(ParsedDocument document)
    {
        var docs = Documents.SetItem(document.Path, document);
        var old = Documents.GetValueOrDefault(document.Path);
        if (old is not null && DerivedTables.SameDefinitions(old, document))
            return new GlossaryIndex(Config, docs, OtherFiles, _tables);
        return new GlossaryIndex(Config, docs, OtherFiles, _tables.Update(old, document));
    }

    public GlossaryIndex WithoutDocument(string path) =>
        Documents.TryGetValue(path, out var old) ? new GlossaryIndex(Config, Documents.Remove(path), OtherFiles.Remove(path), _tables.Update(old, null))
        : OtherFiles.Contains(path) ? new GlossaryIndex(Config, Documents, OtherFiles.Remove(path), _tables)
        : this;

    public GlossaryIndex WithOtherFile(string path) => new(Config, Documents, OtherFiles.Add(path), _tables);

    public GlossaryIndex WithConfig(GlossaryConfig config) => new(config, Documents, OtherFiles, null);

    /// <summary>True when the two snapshots define the same terms, anchors and URLs (links resolve alike).</summary>
    public bool HasSameDefinitions(GlossaryIndex other) => ReferenceEquals(_tables, other._tables);

    public ParsedDocument? GetDocument(string path) => Documents.GetValueOrDefault(path);

    public int TermCount => _tables.TermCount;

    public IEnumerable<TermDefinition> AllTerms => Documents.Values.SelectMany(d => d.Terms);

    /// <summary>Every definition of an entry word (compared by <see cref="TermKey"/>), in path order.</summary>
    public IReadOnlyList<TermDefinition> FindDefinitions(string entryWord) => FindDefinitionsByKey(TermKey.Normalize(entryWord));

    public IReadOnlyList<TermDefinition> FindDefinitionsByKey(string key)
    {
        if (!_tables.ByKey.TryGetValue(key, out var refs)) return [];
        var result = new List<TermDefinition>(refs.Length);
        foreach (var r in refs)
            if (Documents.TryGetValue(r.Path, out var d) && r.Index < d.Terms.Length) result.Add(d.Terms[r.Index]);
        return result;
    }

    /// <summary>
    /// The <see cref="TermKey"/> of every entry word of a document's terms, computed once per parsed
    /// document (the index's own keys): term <c>t</c>'s words, in <see cref="TermDefinition.EntryWords"/>
    /// order, are <c>Keys[TermStarts[t]..TermStarts[t + 1]]</c>, "" for a word without a key.
    /// </summary>
    internal static (string[] Keys, int[] TermStarts) EntryWordKeys(ParsedDocument document)
    {
        var c = DerivedTables.ContributionOf(document);
        return (c.WordKeys, c.TermStarts);
    }

    /// <summary>All entry-word keys with their definitions' locations: for prefix search and mention automata.</summary>
    public IReadOnlyDictionary<string, TermRef[]> EntryWordTable => _tables.ByKey;

    public TermDefinition Resolve(TermRef r) => Documents[r.Path].Terms[r.Index];

    /// <summary>Nearest definition (SPEC §1): the referring file, else the fewest folder steps, ties by path.</summary>
    public TermDefinition? ResolveNearest(string entryWord, string fromPath) => Nearest(FindDefinitions(entryWord), fromPath);

    public static TermDefinition? Nearest(IReadOnlyList<TermDefinition> definitions, string fromPath)
    {
        if (definitions.Count == 0) return null;
        var fromFolder = WorkspacePaths.FolderOf(fromPath);
        TermDefinition? best = null;
        int bestDistance = int.MaxValue;
        foreach (var d in definitions)
        {
            int distance = d.DocumentPath == fromPath ? -1 : WorkspacePaths.FolderDistance(fromFolder, WorkspacePaths.FolderOf(d.DocumentPath));
            if (distance < bestDistance || distance == bestDistance && string.CompareOrdinal(d.DocumentPath, best!.DocumentPath) < 0)
            {
                best = d;
                bestDistance = distance;
            }
        }
        return best;
    }

    /// <summary>The URL a document is published at, ending in '#': its comment, else the base URL mapping.</summary>
    public string? GetArticleUrl(ParsedDocument document) =>
        document.ArticleUrls.Length == 1 ? document.ArticleUrls[0].Url : ExpectedArticleUrl(document.Path);

    /// <summary>The URL the mapping (configured, else inferred) gives a path; null when there is none.</summary>
    public string? ExpectedArticleUrl(string path)
    {
        foreach (var m in Config.BaseUrls)
            if (RelativeTo(path, m.Folder) is { } rel) return m.Url + rel + "#";
        if (_tables.InferredMapping is { } inferred && RelativeTo(path, inferred.Folder) is { } r)
            return inferred.Url + r + "#";
        return null;
    }

    /// <summary>The base URL ↔ folder pair most documents' article URLs agree on (at least two), if any.</summary>
    public BaseUrlMapping? InferredMapping => _tables.InferredMapping;


    /// <summary>Where a link leads (SPEC §1, §7): never reads anything outside the index.</summary>
    public LinkResolution ResolveLink(ParsedDocument from, LinkReference link) => ResolveTarget(from, link.TargetChars);

    public LinkResolution ResolveTarget(ParsedDocument from, string rawTarget) => ResolveTarget(from, rawTarget.AsSpan());

    private LinkResolution ResolveTarget(ParsedDocument from, ReadOnlySpan<char> rawTarget)
    {
        // Spans, not substrings, for the usual link (an http(s) URL with a fragment): the URL and the
        // anchor are looked up without allocating, and the fragment is the anchor string the document holds.
        var whole = rawTarget.Trim();
        if (whole.Length == 0) return new LinkResolution(LinkStatus.Resolved, from.Path);
        var target = whole;
        ReadOnlySpan<char> fragment = default;
        int hash = whole.IndexOf('#');
        if (hash >= 0)
        {
            fragment = whole[(hash + 1)..];
            target = whole[..hash];
        }

        string? path;
        if (target.Length == 0)
        {
            path = from.Path;
        }
        else if (HasScheme(target, out var scheme))
        {
            if (!scheme.Equals("http", StringComparison.OrdinalIgnoreCase) && !scheme.Equals("https", StringComparison.OrdinalIgnoreCase)) return LinkResolution.External;
            var lookup = LookupUrl(target);
            if (lookup.Status != LinkStatus.Resolved) return lookup;
            path = lookup.TargetPath!;
        }
        else
        {
            var text = target.ToString();
            if (text.StartsWith("//")) return LinkResolution.External;
            if (text.StartsWith('/'))
            {
                var sitePath = StripQuery(text);
                if (_tables.TryGetPath(NormalizeSitePath(sitePath), out var p)) path = p;
                else
                {
                    var rooted = WorkspacePaths.Combine("", Unescape(sitePath));
                    if (rooted is not null && Exists(rooted)) path = rooted;
                    else return new LinkResolution(LinkStatus.MissingDocument, LookedFor: sitePath);
                }
            }
            else
            {
                var rel = Unescape(StripQuery(text));
                var combined = WorkspacePaths.Combine(from.Folder, rel);
                if (combined is null) return new LinkResolution(LinkStatus.OutsideWorkspace, LookedFor: rel);
                if (!Exists(combined)) return new LinkResolution(LinkStatus.MissingDocument, LookedFor: combined);
                path = combined;
            }
        }

        if (!Documents.TryGetValue(path, out var doc))
            return new LinkResolution(LinkStatus.Resolved, path, fragment.IsEmpty ? null : fragment.ToString()); // a non-Markdown file or folder

        if (fragment.IsEmpty)
            return new LinkResolution(LinkStatus.Resolved, path, null, doc.Kind == DocumentKind.GlossaryPage ? doc.Terms.FirstOrDefault() : null);
        return ResolveAnchor(doc, fragment);
    }

    /// <summary>Finds the term or heading an anchor names in a document (one or two dictionary look-ups).</summary>
    public static LinkResolution ResolveAnchor(ParsedDocument doc, string fragment) => ResolveAnchor(doc, fragment.AsSpan());

    private static LinkResolution ResolveAnchor(ParsedDocument doc, ReadOnlySpan<char> fragmentText)
    {
        var table = AnchorTable.Of(doc);
        bool found = table.TryFind(fragmentText, out var shared, out var hit);
        var fragment = shared ?? fragmentText.ToString();
        var anchor = fragment;
        var decoded = Unescape(fragment);
        if (!ReferenceEquals(decoded, anchor) && table.TryFind(decoded, out _, out var other) && (!found || AnchorTable.Rank(other) < AnchorTable.Rank(hit)))
        {
            hit = other;
            found = true;
        }
        if (found)
        {
            var (term, heading) = AnchorTable.Target(doc, hit);
            return new LinkResolution(LinkStatus.Resolved, doc.Path, fragment, term, heading);
        }
        if (doc.Kind == DocumentKind.TermList && !AnchorCodec.TryDecode(anchor, out _) && !AnchorCodec.TryDecode(decoded, out _))
            return new LinkResolution(LinkStatus.InvalidAnchor, doc.Path, fragment);
        return new LinkResolution(LinkStatus.MissingAnchor, doc.Path, fragment);
    }

    /// <summary>
    /// A document's anchors → what they name, built once per parsed document. Ranks keep the order of a
    /// linear search: terms (base64 anchor or explicit id) first, then headings (slug or explicit id),
    /// then any other explicit anchor. One dictionary of packed values (rank, and the term of a
    /// heading's rank), sized to its entries: what a target names is read back from the document.
    /// </summary>
    internal sealed class AnchorTable
    {
        /// <summary>Anchor → rank in the low 32 bits; for a heading, its term's index + 1 in the high 32 bits (0: none).</summary>
        private readonly Dictionary<string, long> _targets;

        public static AnchorTable Of(ParsedDocument doc)
        {
            if (doc.IndexAnchors is { } table) return table;
            var created = new AnchorTable(doc);
            return Interlocked.CompareExchange(ref doc.IndexAnchors, created, null) ?? created;
        }

        private AnchorTable(ParsedDocument doc)
        {
            var terms = doc.Terms;
            var headings = doc.Headings;
            _targets = new Dictionary<string, long>(terms.Length + headings.Length, StringComparer.Ordinal);
            // The first term of each heading (terms and headings are both in document order).
            var termOf = new int[headings.Length];
            int from = 0;
            for (int t = 0; t < terms.Length; t++)
            {
                if (terms[t].Heading is not { } th) continue;
                int at = IndexOf(headings, th, from);
                if (at < 0) continue;
                if (termOf[at] == 0) termOf[at] = t + 1;
                from = at;
            }
            int rank = 0;
            foreach (var t in terms)
            {
                long target = rank++;
                if (t.Anchor is not null) _targets.TryAdd(t.Anchor, target);
                if (t.Heading?.ExplicitId is { } id) _targets.TryAdd(id, target);
            }
            for (int h = 0; h < headings.Length; h++)
            {
                long target = (long)termOf[h] << 32 | (uint)rank++;
                _targets.TryAdd(headings[h].Slug, target);
                if (headings[h].ExplicitId is { } id) _targets.TryAdd(id, target);
            }
            foreach (var a in doc.ExplicitAnchors) _targets.TryAdd(a, rank);
            _targets.TrimExcess();
        }

        private static int IndexOf(ImmutableArray<Heading> headings, Heading heading, int from)
        {
            for (int i = from; i < headings.Length; i++)
                if (ReferenceEquals(headings[i], heading)) return i;
            for (int i = 0; i < from && i < headings.Length; i++)
                if (ReferenceEquals(headings[i], heading)) return i;
            return -1;
        }

        /// <summary>Looks an anchor up; <paramref name="key"/> is the table's equal string.</summary>
        public bool TryFind(ReadOnlySpan<char> anchor, out string? key, out long target)
        {
            if (_targets.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(anchor, out key, out target)) return true;
            key = null;
            return false;
        }

        public static int Rank(long target) => (int)target;

        /// <summary>The term and heading a found target names.</summary>
        public static (TermDefinition? Term, Heading? Heading) Target(ParsedDocument doc, long target)
        {
            int rank = (int)target;
            if (rank < doc.Terms.Length) return (doc.Terms[rank], doc.Terms[rank].Heading);
            rank -= doc.Terms.Length;
            if (rank >= doc.Headings.Length) return (null, null);
            int term = (int)(target >> 32) - 1;
            return (term >= 0 ? doc.Terms[term] : null, doc.Headings[rank]);
        }
    }

    private bool Exists(string path) => path.Length == 0 || Documents.ContainsKey(path) || OtherFiles.Contains(path) || IsFolder(path);

    private bool IsFolder(string path)
    {
        var prefix = path.TrimEnd('/') + "/";
        var next = Documents.Keys.FirstOrDefault(k => string.CompareOrdinal(k, prefix) >= 0);
        return next is not null && next.StartsWith(prefix, StringComparison.Ordinal);
    }

    private LinkResolution LookupUrl(ReadOnlySpan<char> url)
    {
        var key = url.IndexOf('?') is var q and >= 0 ? url[..q] : url;
        if (_tables.TryGetPath(key, out var p)) return new LinkResolution(LinkStatus.Resolved, p);
        foreach (var m in Config.BaseUrls.Concat(_tables.InferredMapping is { } i ? [i] : []))
        {
            if (!key.StartsWith(m.Url, StringComparison.Ordinal)) continue;
            var combined = WorkspacePaths.Combine(m.Folder, Unescape(key[m.Url.Length..].ToString()));
            if (combined is null) return new LinkResolution(LinkStatus.OutsideWorkspace, LookedFor: key.ToString());
            return Exists(combined) ? new LinkResolution(LinkStatus.Resolved, combined) : new LinkResolution(LinkStatus.MissingDocument, LookedFor: key.ToString());
        }
        return LinkResolution.External;
    }

    /// <summary>True when the target starts with a URI scheme (ASCII letters, digits, '+', '.', '-', then ':').</summary>
    private static bool HasScheme(ReadOnlySpan<char> target, out ReadOnlySpan<char> scheme)
    {
        scheme = default;
        int colon = target.IndexOf(':');
        if (colon <= 0) return false;
        for (int i = 0; i < colon; i++)
        {
            char c = target[i];
            if (!(char.IsAsciiLetter(c) || i > 0 && (char.IsAsciiDigit(c) || c is '+' or '.' or '-'))) return false;
        }
        scheme = target[..colon];
        return true;
    }

    private static string StripQuery(string s) => s.IndexOf('?') is var q and >= 0 ? s[..q] : s;

    internal static string Unescape(string s)
    {
        if (!s.Contains('%')) return s;
        try { return Uri.UnescapeDataString(s); } catch (UriFormatException) { return s; }
    }

    internal static string NormalizeSitePath(string sitePath)
    {
        var s = Unescape(sitePath).Trim();
        return s.EndsWith('/') ? s : s + "/";
    }

    private static string? RelativeTo(string path, string folder) =>
        folder.Length == 0 ? path : path.StartsWith(folder + "/", StringComparison.Ordinal) ? path[(folder.Length + 1)..] : null;

    /// <summary>
    /// Tables derived from all documents' definitions; shared between snapshots while they stay the same.
    /// Persistent (immutable) maps, so that a changed definition makes the next tables by removing the old
    /// document's contribution and adding the new one — O(terms of that document), not of the workspace.
    /// </summary>
    internal sealed class DerivedTables
    {
        /// <summary>Entry-word key → definitions, in (path, term index) order.</summary>
        public required TermKeyTable ByKey { get; init; }
        /// <summary>Article URL (without '#') or site path → documents claiming it, in path order (the first wins).</summary>
        /// <summary>Never changed once built (about one entry per document): a change copies it.</summary>
        public required Dictionary<string, string[]> UrlToPaths { get; init; }
        /// <summary>(base URL, folder) candidates for the inferred mapping, with how many documents agree.</summary>
        public required ImmutableDictionary<BaseUrlMapping, int> Candidates { get; init; }
        public BaseUrlMapping? InferredMapping { get; init; }
        public int TermCount { get; init; }

        public bool TryGetPath(string url, [NotNullWhen(true)] out string? path) => TryGetPath(url.AsSpan(), out path);

        public bool TryGetPath(ReadOnlySpan<char> url, [NotNullWhen(true)] out string? path)
        {
            path = UrlToPaths.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(url, out var paths) ? paths[0] : null;
            return path is not null;
        }

        /// <summary>
        /// True when the two documents contribute the same to the tables and to anchor resolution: kind,
        /// entry words, readings, anchors, heading slugs and ids, explicit anchors, article URLs and the
        /// front matter's <c>url</c> (a missing value and an empty one count alike). Compared in place,
        /// without building or caching a signature per document.
        /// </summary>
        public static bool SameDefinitions(ParsedDocument a, ParsedDocument b)
        {
            static bool Same(string? x, string? y) => (x ?? "") == (y ?? "");
            if (a.Kind != b.Kind || a.Terms.Length != b.Terms.Length || a.Headings.Length != b.Headings.Length
                || a.ExplicitAnchors.Length != b.ExplicitAnchors.Length || a.ArticleUrls.Length != b.ArticleUrls.Length) return false;
            for (int i = 0; i < a.Terms.Length; i++)
            {
                TermDefinition s = a.Terms[i], t = b.Terms[i];
                if (s.Headword != t.Headword || !s.Aliases.AsSpan().SequenceEqual(t.Aliases.AsSpan())
                    || !Same(s.Reading, t.Reading) || !Same(s.Anchor, t.Anchor)) return false;
            }
            for (int i = 0; i < a.Headings.Length; i++)
                if (a.Headings[i].Slug != b.Headings[i].Slug || !Same(a.Headings[i].ExplicitId, b.Headings[i].ExplicitId)) return false;
            if (!a.ExplicitAnchors.AsSpan().SequenceEqual(b.ExplicitAnchors.AsSpan())) return false;
            for (int i = 0; i < a.ArticleUrls.Length; i++)
                if (a.ArticleUrls[i].Url != b.ArticleUrls[i].Url) return false;
            return Same(a.FrontMatter?.GetString("url"), b.FrontMatter?.GetString("url"));
        }

        /// <summary>
        /// One document's share of the tables: the key of every entry word (in <see cref="TermDefinition.EntryWords"/>
        /// order, "" when a word has none) and reading, term by term, plus its URLs.
        /// </summary>
        internal sealed class Contribution
        {
            /// <summary>The keys of all terms' entry words, one after the other.</summary>
            public required string[] WordKeys { get; init; }
            /// <summary>Where each term's keys start in <see cref="WordKeys"/> (one more entry than terms).</summary>
            public required int[] TermStarts { get; init; }
            /// <summary>The key of each term's reading; null when it has none.</summary>
            public required string?[] ReadingKeys { get; init; }
            public required string[] Urls { get; init; }
            public required BaseUrlMapping[] Candidates { get; init; }
            public int TermCount => ReadingKeys.Length;

            public ReadOnlySpan<string> KeysOf(int term) => WordKeys.AsSpan(TermStarts[term], TermStarts[term + 1] - TermStarts[term]);

            /// <summary>The index's keys of one term: its entry words' keys (each once, none empty), then its reading's key if new.</summary>
            public void AddRefs(string path, int term, List<(string Key, TermRef Ref)> into)
            {
                var words = KeysOf(term);
                for (int w = 0; w < words.Length; w++)
                {
                    var key = words[w];
                    if (key.Length == 0 || words[..w].Contains(key)) continue;
                    into.Add((key, new TermRef(path, term)));
                }
                if (ReadingKeys[term] is { } reading && (reading.Length == 0 || !words.Contains(reading)))
                    into.Add((reading, new TermRef(path, term, IsReading: true)));
            }

            /// <summary>Same as <see cref="AddRefs"/>, appending to the table being built.</summary>
            public void AddTo(string path, Dictionary<string, TermRef[]> table)
            {
                for (int term = 0; term < ReadingKeys.Length; term++)
                {
                    var words = KeysOf(term);
                    for (int w = 0; w < words.Length; w++)
                    {
                        var key = words[w];
                        if (key.Length == 0 || words[..w].Contains(key)) continue;
                        Append(table, key, new TermRef(path, term));
                    }
                    if (ReadingKeys[term] is { } reading && (reading.Length == 0 || !words.Contains(reading)))
                        Append(table, reading, new TermRef(path, term, IsReading: true));
                }
            }

            private static void Append(Dictionary<string, TermRef[]> table, string key, TermRef r)
            {
                ref var refs = ref CollectionsMarshal.GetValueRefOrAddDefault(table, key, out bool exists);
                refs = exists ? [.. refs!, r] : [r];
            }
        }

        internal static Contribution ContributionOf(ParsedDocument doc)
        {
            if (doc.IndexContribution is { } contribution) return contribution;
            var created = ComputeContribution(doc);
            return Interlocked.CompareExchange(ref doc.IndexContribution, created, null) ?? created;
        }

        private static Contribution ComputeContribution(ParsedDocument doc)
        {
            var path = doc.Path;
            var starts = new int[doc.Terms.Length + 1];
            var readings = new string?[doc.Terms.Length];
            int count = 0;
            foreach (var t in doc.Terms) count += 1 + t.Aliases.Length;
            var keys = new string[count];
            int k = 0;
            for (int i = 0; i < doc.Terms.Length; i++)
            {
                var term = doc.Terms[i];
                starts[i] = k;
                keys[k++] = TermKey.Normalize(term.Headword);
                foreach (var alias in term.Aliases) keys[k++] = TermKey.Normalize(alias);
                if (term.Reading is { Length: > 0 } reading) readings[i] = TermKey.Normalize(reading);
            }
            starts[^1] = k;
            var urls = new List<string>();
            var candidates = new List<BaseUrlMapping>();
            foreach (var u in doc.ArticleUrls)
            {
                var url = u.Url.TrimEnd('#');
                if (!urls.Contains(url)) urls.Add(url);
                if (doc.ArticleUrls.Length == 1) candidates.AddRange(CandidatesOf(url, path));
            }
            if (doc.Kind == DocumentKind.GlossaryPage && doc.FrontMatter?.GetString("url") is { Length: > 0 } site)
            {
                var sitePath = NormalizeSitePath(site);
                if (!urls.Contains(sitePath)) urls.Add(sitePath);
            }
            return new Contribution { WordKeys = keys, TermStarts = starts, ReadingKeys = readings, Urls = [.. urls], Candidates = [.. candidates] };
        }

        public static DerivedTables Build(GlossaryConfig config, ImmutableSortedDictionary<string, ParsedDocument> documents)
        {
            var docs = documents.Values.ToArray();
            var contributions = new Contribution[docs.Length];
            // Key normalisation (NFKC) is most of the cost: done per document in parallel.
            Parallel.For(0, docs.Length, i => contributions[i] = ContributionOf(docs[i]));
            int keyCount = 0;
            foreach (var c in contributions) keyCount += c.WordKeys.Length;
            var byKey = new Dictionary<string, TermRef[]>(keyCount, StringComparer.Ordinal);
            var urls = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            var candidates = new Dictionary<BaseUrlMapping, int>();
            int termCount = 0;
            for (int d = 0; d < docs.Length; d++) // path order, so every list below is in path order
            {
                var c = contributions[d];
                termCount += c.TermCount;
                c.AddTo(docs[d].Path, byKey);
                foreach (var url in c.Urls)
                {
                    if (!urls.TryGetValue(url, out var list)) urls[url] = list = new List<string>(1);
                    list.Add(docs[d].Path);
                }
                foreach (var m in c.Candidates) candidates[m] = candidates.GetValueOrDefault(m) + 1;
            }
            var candidateMap = candidates.ToImmutableDictionary();
            return new DerivedTables
            {
                ByKey = new TermKeyTable(byKey),
                UrlToPaths = urls.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal),
                Candidates = candidateMap,
                InferredMapping = Infer(candidateMap),
                TermCount = termCount,
            };
        }

        /// <summary>The tables with <paramref name="removed"/>'s contribution taken out and <paramref name="added"/>'s put in.</summary>
        public DerivedTables Update(ParsedDocument? removed, ParsedDocument? added)
        {
            var byKey = new Dictionary<string, TermRef[]?>(StringComparer.Ordinal);
            TermRef[]? Current(string key) => byKey.TryGetValue(key, out var changed) ? changed : ByKey.GetValueOrDefault(key);
            var urls = new Dictionary<string, string[]>(UrlToPaths, StringComparer.Ordinal);
            var candidates = Candidates.ToBuilder();
            int termCount = TermCount;
            if (removed is not null)
            {
                var c = ContributionOf(removed);
                termCount -= c.TermCount;
                var refs = new List<(string Key, TermRef Ref)>();
                for (int t = 0; t < c.TermCount; t++) c.AddRefs(removed.Path, t, refs);
                foreach (var key in refs.Select(k => k.Key).Distinct())
                {
                    var rest = Array.FindAll(Current(key)!, r => r.Path != removed.Path);
                    byKey[key] = rest.Length == 0 ? null : rest;
                }
                foreach (var url in c.Urls)
                {
                    var rest = Array.FindAll(urls[url], p => p != removed.Path);
                    if (rest.Length == 0) urls.Remove(url); else urls[url] = rest;
                }
                foreach (var m in c.Candidates)
                {
                    int n = candidates[m] - 1;
                    if (n == 0) candidates.Remove(m); else candidates[m] = n;
                }
            }
            if (added is not null)
            {
                var c = ContributionOf(added);
                termCount += c.TermCount;
                var refs = new List<(string Key, TermRef Ref)>();
                for (int t = 0; t < c.TermCount; t++) c.AddRefs(added.Path, t, refs);
                foreach (var group in refs.GroupBy(k => k.Key, k => k.Ref))
                    byKey[group.Key] = Current(group.Key) is { } existing ? InsertInPathOrder(existing, [.. group], r => r.Path, added.Path) : [.. group];
                foreach (var url in c.Urls)
                    urls[url] = urls.TryGetValue(url, out var paths) ? InsertInPathOrder(paths, [added.Path], p => p, added.Path) : [added.Path];
                foreach (var m in c.Candidates) candidates[m] = candidates.GetValueOrDefault(m) + 1;
            }
            var candidateMap = candidates.ToImmutable();
            return new DerivedTables
            {
                ByKey = ByKey.With(byKey!),
                UrlToPaths = urls,
                Candidates = candidateMap,
                InferredMapping = Infer(candidateMap),
                TermCount = termCount,
            };
        }

        /// <summary>Inserts one document's items before the first item of a later path (the arrays are short).</summary>
        private static T[] InsertInPathOrder<T>(T[] existing, T[] items, Func<T, string> pathOf, string path)
        {
            int at = 0;
            while (at < existing.Length && string.CompareOrdinal(pathOf(existing[at]), path) < 0) at++;
            return [.. existing.AsSpan(0, at), .. items, .. existing.AsSpan(at)];
        }

        private static BaseUrlMapping? Infer(ImmutableDictionary<BaseUrlMapping, int> candidates)
        {
            if (candidates.Count == 0) return null;
            var best = candidates.OrderByDescending(c => c.Value).ThenBy(c => c.Key.Folder.Length).ThenBy(c => c.Key.Url, StringComparer.Ordinal).First();
            return best.Value >= 2 ? best.Key : null;
        }

        /// <summary>Every (base, folder) pair under which <paramref name="url"/> = base + path relative to folder.</summary>
        private static IEnumerable<BaseUrlMapping> CandidatesOf(string url, string path)
        {
            var segments = path.Split('/');
            for (int k = 0; k < segments.Length; k++)
            {
                var suffix = string.Join('/', segments[k..]);
                if (url.Length > suffix.Length && url.EndsWith("/" + suffix, StringComparison.Ordinal))
                    yield return new BaseUrlMapping(url[..^suffix.Length], string.Join('/', segments[..k]));
            }
        }
    }
}

/// <summary>A term by document and position in its document's <see cref="ParsedDocument.Terms"/>.</summary>
public readonly record struct TermRef(string Path, int Index, bool IsReading = false);
