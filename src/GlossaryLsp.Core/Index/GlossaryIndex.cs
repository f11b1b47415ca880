using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text;
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
        if (old is not null && DerivedTables.Signature(old) == DerivedTables.Signature(document))
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
    public LinkResolution ResolveLink(ParsedDocument from, LinkReference link) => ResolveTarget(from, link.Target);

    public LinkResolution ResolveTarget(ParsedDocument from, string rawTarget)
    {
        var target = rawTarget.Trim();
        if (target.Length == 0) return new LinkResolution(LinkStatus.Resolved, from.Path);
        string? fragment = null;
        int hash = target.IndexOf('#');
        if (hash >= 0)
        {
            fragment = target[(hash + 1)..];
            target = target[..hash];
        }
        if (fragment is { Length: 0 }) fragment = null;

        string? path;
        if (target.Length == 0)
        {
            path = from.Path;
        }
        else if (HasScheme(target, out var scheme))
        {
            if (scheme is not ("http" or "https")) return LinkResolution.External;
            var lookup = LookupUrl(target);
            if (lookup.Status != LinkStatus.Resolved) return lookup;
            path = lookup.TargetPath!;
        }
        else if (target.StartsWith("//")) return LinkResolution.External;
        else if (target.StartsWith('/'))
        {
            var sitePath = StripQuery(target);
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
            var rel = Unescape(StripQuery(target));
            var combined = WorkspacePaths.Combine(from.Folder, rel);
            if (combined is null) return new LinkResolution(LinkStatus.OutsideWorkspace, LookedFor: rel);
            if (!Exists(combined)) return new LinkResolution(LinkStatus.MissingDocument, LookedFor: combined);
            path = combined;
        }

        if (!Documents.TryGetValue(path, out var doc))
            return new LinkResolution(LinkStatus.Resolved, path, fragment); // a non-Markdown file or folder

        if (fragment is null)
            return new LinkResolution(LinkStatus.Resolved, path, null, doc.Kind == DocumentKind.GlossaryPage ? doc.Terms.FirstOrDefault() : null);
        return ResolveAnchor(doc, fragment);
    }

    /// <summary>Finds the term or heading an anchor names in a document (one or two dictionary look-ups).</summary>
    public static LinkResolution ResolveAnchor(ParsedDocument doc, string fragment)
    {
        var anchor = fragment;
        var decoded = Unescape(fragment);
        var table = AnchorTable.Of(doc);
        var hit = table.Find(anchor);
        if (!ReferenceEquals(decoded, anchor) && table.Find(decoded) is { } other && (hit is null || other.Rank < hit.Rank)) hit = other;
        if (hit is not null)
            return new LinkResolution(LinkStatus.Resolved, doc.Path, fragment, hit.Term, hit.Heading);
        if (doc.Kind == DocumentKind.TermList && !AnchorCodec.TryDecode(anchor, out _) && !AnchorCodec.TryDecode(decoded, out _))
            return new LinkResolution(LinkStatus.InvalidAnchor, doc.Path, fragment);
        return new LinkResolution(LinkStatus.MissingAnchor, doc.Path, fragment);
    }

    /// <summary>
    /// A document's anchors → what they name, built once per parsed document. Ranks keep the order of a
    /// linear search: terms (base64 anchor or explicit id) first, then headings (slug or explicit id),
    /// then any other explicit anchor.
    /// </summary>
    private sealed class AnchorTable
    {
        private static readonly ConditionalWeakTable<ParsedDocument, AnchorTable> Cache = new();
        private readonly Dictionary<string, Target> _targets = new(StringComparer.Ordinal);

        public sealed record Target(int Rank, TermDefinition? Term, Heading? Heading);

        public static AnchorTable Of(ParsedDocument doc) => Cache.GetValue(doc, d => new AnchorTable(d));

        private AnchorTable(ParsedDocument doc)
        {
            int rank = 0;
            var termOf = new Dictionary<Heading, TermDefinition>(ReferenceEqualityComparer.Instance);
            foreach (var t in doc.Terms)
            {
                if (t.Heading is not null) termOf.TryAdd(t.Heading, t);
                var target = new Target(rank++, t, t.Heading);
                if (t.Anchor is not null) _targets.TryAdd(t.Anchor, target);
                if (t.Heading?.ExplicitId is { } id) _targets.TryAdd(id, target);
            }
            foreach (var h in doc.Headings)
            {
                var target = new Target(rank++, termOf.GetValueOrDefault(h), h);
                _targets.TryAdd(h.Slug, target);
                if (h.ExplicitId is { } id) _targets.TryAdd(id, target);
            }
            var plain = new Target(rank, null, null);
            foreach (var a in doc.ExplicitAnchors) _targets.TryAdd(a, plain);
        }

        public Target? Find(string anchor) => _targets.GetValueOrDefault(anchor);
    }

    private bool Exists(string path) => path.Length == 0 || Documents.ContainsKey(path) || OtherFiles.Contains(path) || IsFolder(path);

    private bool IsFolder(string path)
    {
        var prefix = path.TrimEnd('/') + "/";
        var next = Documents.Keys.FirstOrDefault(k => string.CompareOrdinal(k, prefix) >= 0);
        return next is not null && next.StartsWith(prefix, StringComparison.Ordinal);
    }

    private LinkResolution LookupUrl(string url)
    {
        var key = StripQuery(url);
        if (_tables.TryGetPath(key, out var p)) return new LinkResolution(LinkStatus.Resolved, p);
        foreach (var m in Config.BaseUrls.Concat(_tables.InferredMapping is { } i ? [i] : []))
        {
            if (!key.StartsWith(m.Url, StringComparison.Ordinal)) continue;
            var combined = WorkspacePaths.Combine(m.Folder, Unescape(key[m.Url.Length..]));
            if (combined is null) return new LinkResolution(LinkStatus.OutsideWorkspace, LookedFor: key);
            return Exists(combined) ? new LinkResolution(LinkStatus.Resolved, combined) : new LinkResolution(LinkStatus.MissingDocument, LookedFor: key);
        }
        return LinkResolution.External;
    }

    private static bool HasScheme(string target, out string scheme)
    {
        scheme = string.Empty;
        int colon = target.IndexOf(':');
        if (colon <= 0) return false;
        for (int i = 0; i < colon; i++)
        {
            char c = target[i];
            if (!(char.IsAsciiLetter(c) || i > 0 && (char.IsAsciiDigit(c) || c is '+' or '.' or '-'))) return false;
        }
        scheme = target[..colon].ToLowerInvariant();
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
    private sealed class DerivedTables
    {
        private static readonly ConditionalWeakTable<ParsedDocument, string> Signatures = new();
        private static readonly ConditionalWeakTable<ParsedDocument, Contribution> Contributions = new();

        /// <summary>Entry-word key → definitions, in (path, term index) order.</summary>
        public required ImmutableDictionary<string, TermRef[]> ByKey { get; init; }
        /// <summary>Article URL (without '#') or site path → documents claiming it, in path order (the first wins).</summary>
        public required ImmutableDictionary<string, string[]> UrlToPaths { get; init; }
        /// <summary>(base URL, folder) candidates for the inferred mapping, with how many documents agree.</summary>
        public required ImmutableDictionary<BaseUrlMapping, int> Candidates { get; init; }
        public BaseUrlMapping? InferredMapping { get; init; }
        public int TermCount { get; init; }

        public bool TryGetPath(string url, [NotNullWhen(true)] out string? path)
        {
            path = UrlToPaths.TryGetValue(url, out var paths) ? paths[0] : null;
            return path is not null;
        }

        /// <summary>What a document contributes to the tables: entry words, anchors, URLs (cached per document).</summary>
        public static string Signature(ParsedDocument d) => Signatures.GetValue(d, ComputeSignature);

        private static string ComputeSignature(ParsedDocument d)
        {
            var sb = new StringBuilder();
            sb.Append((int)d.Kind).Append('\u0001');
            foreach (var t in d.Terms)
            {
                foreach (var w in t.EntryWords) sb.Append(w).Append('\u0002');
                sb.Append(t.Reading).Append('\u0002');
                sb.Append(t.Anchor).Append('\u0001');
            }
            foreach (var h in d.Headings) sb.Append(h.Slug).Append('\u0002').Append(h.ExplicitId).Append('\u0001');
            foreach (var a in d.ExplicitAnchors) sb.Append(a).Append('\u0001');
            foreach (var u in d.ArticleUrls) sb.Append(u.Url).Append('\u0001');
            sb.Append(d.FrontMatter?.GetString("url"));
            return sb.ToString();
        }

        /// <summary>One document's share of the tables.</summary>
        private sealed class Contribution
        {
            public required (string Key, TermRef Ref)[] Keys { get; init; }
            public required string[] Urls { get; init; }
            public required BaseUrlMapping[] Candidates { get; init; }
            public int TermCount { get; init; }
        }

        private static Contribution ContributionOf(ParsedDocument doc) => Contributions.GetValue(doc, ComputeContribution);

        private static Contribution ComputeContribution(ParsedDocument doc)
        {
            var path = doc.Path;
            var keys = new List<(string, TermRef)>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < doc.Terms.Length; i++)
            {
                seen.Clear();
                foreach (var word in doc.Terms[i].EntryWords)
                {
                    var key = TermKey.Normalize(word);
                    if (key.Length == 0 || !seen.Add(key)) continue;
                    keys.Add((key, new TermRef(path, i)));
                }
                if (doc.Terms[i].Reading is { Length: > 0 } reading)
                {
                    var key = TermKey.Normalize(reading);
                    if (seen.Add(key)) keys.Add((key, new TermRef(path, i, IsReading: true)));
                }
            }
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
            return new Contribution { Keys = [.. keys], Urls = [.. urls], Candidates = [.. candidates], TermCount = doc.Terms.Length };
        }

        public static DerivedTables Build(GlossaryConfig config, ImmutableSortedDictionary<string, ParsedDocument> documents)
        {
            var docs = documents.Values.ToArray();
            var contributions = new Contribution[docs.Length];
            // Key normalisation (NFKC) is most of the cost: done per document in parallel.
            Parallel.For(0, docs.Length, i => contributions[i] = ContributionOf(docs[i]));
            var byKey = new Dictionary<string, List<TermRef>>(StringComparer.Ordinal);
            var urls = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            var candidates = new Dictionary<BaseUrlMapping, int>();
            int termCount = 0;
            for (int d = 0; d < docs.Length; d++) // path order, so every list below is in path order
            {
                var c = contributions[d];
                termCount += c.TermCount;
                foreach (var (key, r) in c.Keys)
                {
                    if (!byKey.TryGetValue(key, out var list)) byKey[key] = list = new List<TermRef>(1);
                    list.Add(r);
                }
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
                ByKey = byKey.Select(kv => KeyValuePair.Create(kv.Key, kv.Value.ToArray())).ToImmutableDictionary(StringComparer.Ordinal),
                UrlToPaths = urls.Select(kv => KeyValuePair.Create(kv.Key, kv.Value.ToArray())).ToImmutableDictionary(StringComparer.Ordinal),
                Candidates = candidateMap,
                InferredMapping = Infer(candidateMap),
                TermCount = termCount,
            };
        }

        /// <summary>The tables with <paramref name="removed"/>'s contribution taken out and <paramref name="added"/>'s put in.</summary>
        public DerivedTables Update(ParsedDocument? removed, ParsedDocument? added)
        {
            var byKey = ByKey.ToBuilder();
            var urls = UrlToPaths.ToBuilder();
            var candidates = Candidates.ToBuilder();
            int termCount = TermCount;
            if (removed is not null)
            {
                var c = ContributionOf(removed);
                termCount -= c.TermCount;
                foreach (var key in c.Keys.Select(k => k.Key).Distinct())
                {
                    var rest = Array.FindAll(byKey[key], r => r.Path != removed.Path);
                    if (rest.Length == 0) byKey.Remove(key); else byKey[key] = rest;
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
                foreach (var group in c.Keys.GroupBy(k => k.Key, k => k.Ref))
                    byKey[group.Key] = byKey.TryGetValue(group.Key, out var refs) ? InsertInPathOrder(refs, [.. group], r => r.Path, added.Path) : [.. group];
                foreach (var url in c.Urls)
                    urls[url] = urls.TryGetValue(url, out var paths) ? InsertInPathOrder(paths, [added.Path], p => p, added.Path) : [added.Path];
                foreach (var m in c.Candidates) candidates[m] = candidates.GetValueOrDefault(m) + 1;
            }
            var candidateMap = candidates.ToImmutable();
            return new DerivedTables
            {
                ByKey = byKey.ToImmutable(),
                UrlToPaths = urls.ToImmutable(),
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
