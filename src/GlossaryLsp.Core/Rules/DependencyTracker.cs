using System.Collections.Immutable;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Rules;

/// <summary>
/// What one document's analysis read from the rest of the workspace, as keys of a reverse index:
/// <c>t:</c> a link target (resolved document or folder, path or URL looked for, the URL or site
/// path as written), <c>a:</c> a fragment of a document linked to (what it names may change),
/// <c>w:</c> the entry-word key of a broken link's text (its retarget fix looks the
/// word up), <c>r:</c> a document a diagnostic points into (related location or fix edit, whose
/// positions move when that document's text changes).
/// </summary>
internal sealed record DocumentReads(ImmutableArray<string> Keys, bool HasArticleUrlMismatch)
{
    public static DocumentReads Of(ParsedDocument document, ImmutableArray<LinkResolution> resolutions, ImmutableArray<Diagnostic> diagnostics)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < resolutions.Length; i++)
        {
            var r = resolutions[i];
            var link = document.Links[i];
            if (r.TargetPath is { } target && target != document.Path)
            {
                keys.Add("t:" + target);
                keys.Add(AnchorKey(target, r.Fragment ?? ""));
            }
            if (r.LookedFor is { } lookedFor) keys.Add("t:" + lookedFor);
            if (DependencyTracker.AddressKey(link.Target) is { } address) keys.Add(address);
            if (r.IsBroken && link.Text.Length > 0) keys.Add("w:" + TermKey.Normalize(link.Text));
        }
        bool mismatch = false;
        foreach (var d in diagnostics)
        {
            if (d.Rule == RuleCatalog.GL0012) mismatch = true;
            foreach (var related in d.Related)
                if (related.Path != document.Path) keys.Add("r:" + related.Path);
            foreach (var fix in d.Fixes)
                foreach (var edit in fix.Edits)
                    if (edit.Path != document.Path) keys.Add("r:" + edit.Path);
        }
        var sorted = keys.ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
        return new DocumentReads([.. sorted], mismatch);
    }

    /// <summary><c>a:</c> key: a link into <paramref name="path"/> with this fragment ("" for none).</summary>
    public static string AnchorKey(string path, string fragment) => "a:" + path + "\u0001" + fragment;

    public bool SameAs(DocumentReads other) => HasArticleUrlMismatch == other.HasArticleUrlMismatch && Keys.AsSpan().SequenceEqual(other.Keys.AsSpan());
}

/// <summary>
/// The reverse index from what documents read (link targets, entry words, documents their diagnostics
/// point into) to the documents that read it, maintained incrementally. Given the old and the new
/// snapshot and the changed paths, <see cref="Dependents"/> names the documents whose diagnostics may
/// differ: the changed documents; those whose diagnostics point into a changed document; and, when
/// definitions changed, those linking to it (by path, URL or site path), those defining one of its
/// entry words, and those with a broken link whose text is one of them. GL0012 findings depend on the
/// links that use the wrong URL, so they are re-checked when such a link changes.
/// </summary>
internal sealed class DependencyTracker
{
    private readonly ImmutableDictionary<string, ImmutableHashSet<string>> _readers;
    private readonly ImmutableDictionary<string, DocumentReads> _reads;
    /// <summary>Documents with a GL0012 finding: their diagnostics count the links that use their URL.</summary>
    private readonly ImmutableHashSet<string> _urlMismatches;
    /// <summary>Per linked document: the fragments other documents link to (<c>a:</c> keys with readers).</summary>
    private readonly ImmutableDictionary<string, ImmutableHashSet<string>> _fragments;

    private DependencyTracker(ImmutableDictionary<string, ImmutableHashSet<string>> readers, ImmutableDictionary<string, DocumentReads> reads, ImmutableHashSet<string> urlMismatches, ImmutableDictionary<string, ImmutableHashSet<string>> fragments)
    {
        _readers = readers;
        _reads = reads;
        _urlMismatches = urlMismatches;
        _fragments = fragments;
    }

    private static (string Path, string Fragment)? SplitAnchorKey(string key)
    {
        if (!key.StartsWith("a:", StringComparison.Ordinal)) return null;
        int sep = key.IndexOf('\u0001', 2);
        return (key[2..sep], key[(sep + 1)..]);
    }

    public static DependencyTracker Create(IEnumerable<(string Path, DocumentReads Reads)> documents)
    {
        var readers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var reads = ImmutableDictionary.CreateBuilder<string, DocumentReads>(StringComparer.Ordinal);
        var mismatches = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var (path, r) in documents)
        {
            reads[path] = r;
            if (r.HasArticleUrlMismatch) mismatches.Add(path);
            foreach (var key in r.Keys)
            {
                if (!readers.TryGetValue(key, out var list)) readers[key] = list = [];
                list.Add(path);
            }
        }
        var map = readers.ToImmutableDictionary(kv => kv.Key, kv => kv.Value.ToImmutableHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var fragments = readers.Keys.Select(SplitAnchorKey).OfType<(string Path, string Fragment)>()
            .GroupBy(a => a.Path, StringComparer.Ordinal)
            .ToImmutableDictionary(g => g.Key, g => g.Select(a => a.Fragment).ToImmutableHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        return new DependencyTracker(map, reads.ToImmutable(), mismatches.ToImmutable(), fragments);
    }

    /// <summary>The tracker after re-analysing (or removing, Reads null) some documents.</summary>
    public DependencyTracker With(IEnumerable<(string Path, DocumentReads? Reads)> changes)
    {
        ImmutableDictionary<string, ImmutableHashSet<string>>.Builder? readers = null;
        var fragments = _fragments;
        var reads = _reads;
        var mismatches = _urlMismatches;
        foreach (var (path, now) in changes)
        {
            var before = _reads.GetValueOrDefault(path);
            if (before is not null && now is not null && before.SameAs(now)) continue;
            readers ??= _readers.ToBuilder();
            if (before is not null)
                foreach (var key in before.Keys)
                {
                    var rest = readers[key].Remove(path);
                    if (!rest.IsEmpty) { readers[key] = rest; continue; }
                    readers.Remove(key);
                    if (SplitAnchorKey(key) is var (target, fragment) && fragments.TryGetValue(target, out var set))
                        fragments = set.Remove(fragment) is { IsEmpty: false } left ? fragments.SetItem(target, left) : fragments.Remove(target);
                }
            if (now is not null)
            {
                foreach (var key in now.Keys)
                {
                    if (readers.TryGetValue(key, out var set)) { readers[key] = set.Add(path); continue; }
                    readers[key] = ImmutableHashSet.Create(StringComparer.Ordinal, path);
                    if (SplitAnchorKey(key) is var (target, fragment))
                        fragments = fragments.SetItem(target, fragments.TryGetValue(target, out var known) ? known.Add(fragment) : ImmutableHashSet.Create(StringComparer.Ordinal, fragment));
                }
                reads = reads.SetItem(path, now);
            }
            else reads = reads.Remove(path);
            mismatches = now is { HasArticleUrlMismatch: true } ? mismatches.Add(path) : mismatches.Remove(path);
        }
        return readers is null && ReferenceEquals(reads, _reads) ? this : new DependencyTracker(readers?.ToImmutable() ?? _readers, reads, mismatches, fragments);
    }

    /// <summary>
    /// The documents to re-analyse after <paramref name="changedPaths"/> changed between the two
    /// snapshots, in path order; null when everything must be (the inferred URL mapping changed, or
    /// unlinked-mention findings are on and entry words changed). With <paramref name="pointingInto"/>,
    /// the documents whose diagnostics merely point into a changed document go there instead of into
    /// the result: the caller may move those positions rather than re-analyse them.
    /// </summary>
    public SortedSet<string>? Dependents(GlossaryIndex before, GlossaryIndex after, IEnumerable<string> changedPaths, ISet<string>? pointingInto = null)
    {
        if (!Equals(before.InferredMapping, after.InferredMapping)) return null;
        bool mentionsOn = after.Config.GetSeverity(RuleCatalog.GL0009.Id, RuleCatalog.GL0009.DefaultSeverity) is not null;

        var result = new SortedSet<string>(StringComparer.Ordinal);
        void AddReaders(string key)
        {
            if (_readers.TryGetValue(key, out var set)) result.UnionWith(set);
        }

        foreach (var path in changedPaths)
        {
            result.Add(path);
            var old = before.GetDocument(path);
            var now = after.GetDocument(path);
            if (old is not null && now is not null && ReferenceEquals(old, now)) continue;
            // Diagnostics elsewhere that point into this document (positions may have moved).
            if (pointingInto is null) AddReaders("r:" + path);
            else if (_readers.TryGetValue("r:" + path, out var pointing)) pointingInto.UnionWith(pointing);
            // GL0012 findings count the links that use the wrong URL, wherever they are.
            foreach (var s in _urlMismatches)
                if ((after.GetDocument(s) ?? before.GetDocument(s)) is { } mismatched && mismatched.ArticleUrls.Length == 1
                    && (UsesUrl(old, mismatched.ArticleUrls[0].Url) || UsesUrl(now, mismatched.ArticleUrls[0].Url)))
                    result.Add(s);

            bool addedOrRemoved = old is null || now is null;
            var urlsBefore = UrlsOf(old);
            var urlsAfter = UrlsOf(now);
            bool urlsChanged = !urlsBefore.SequenceEqual(urlsAfter) || old?.Kind != now?.Kind;
            if (addedOrRemoved)
            {
                // Links to it or to its folders (they exist or not now), whatever fragment they name.
                AddReaders("t:" + path);
                for (var folder = WorkspacePaths.FolderOf(path); folder.Length > 0; folder = WorkspacePaths.FolderOf(folder))
                    AddReaders("t:" + folder);
            }
            else if (_fragments.TryGetValue(path, out var fragments))
            {
                // Links to one of its anchors whose meaning changed (renamed heading, changed entry words, …).
                foreach (var fragment in fragments)
                    if (!SameTarget(old!, now!, fragment)) AddReaders(DocumentReads.AnchorKey(path, fragment));
            }
            if (urlsChanged)
                foreach (var url in urlsBefore.Concat(urlsAfter)) AddReaders("t:" + url);

            // Entry words it defines differently now: other definitions (duplicates) and broken links
            // naming them (their retarget fixes). All of them when the document came, went or moved.
            var changedKeys = addedOrRemoved || urlsChanged ? KeysOf(old?.Terms).Concat(KeysOf(now?.Terms)).ToHashSet(StringComparer.Ordinal) : ChangedKeys(old!, now!);
            if (changedKeys.Count > 0 && mentionsOn) return null; // unlinked mentions anywhere may change
            foreach (var key in changedKeys)
            {
                AddReaders("w:" + key);
                AddDefiners(before, key, result);
                AddDefiners(after, key, result);
            }
        }
        return result;
    }

    private static string[] UrlsOf(ParsedDocument? doc)
    {
        if (doc is null) return [];
        var urls = doc.ArticleUrls.Select(u => u.Url.TrimEnd('#')).ToList();
        if (doc.FrontMatter?.GetString("url") is { Length: > 0 } site) urls.Add(GlossaryIndex.NormalizeSitePath(site));
        return [.. urls];
    }

    /// <summary>True when a fragment names the same thing (status, term, heading) in both versions of a document.</summary>
    private static bool SameTarget(ParsedDocument old, ParsedDocument now, string fragment)
    {
        if (fragment.Length == 0)
            return SameTerm(old.Kind == DocumentKind.GlossaryPage ? old.Terms.FirstOrDefault() : null, now.Kind == DocumentKind.GlossaryPage ? now.Terms.FirstOrDefault() : null);
        var a = GlossaryIndex.ResolveAnchor(old, fragment);
        var b = GlossaryIndex.ResolveAnchor(now, fragment);
        return a.Status == b.Status && SameTerm(a.Term, b.Term) && (a.Heading is null) == (b.Heading is null)
               && a.Heading?.Text == b.Heading?.Text && a.Heading?.Slug == b.Heading?.Slug && a.Heading?.ExplicitId == b.Heading?.ExplicitId;
    }

    private static bool SameTerm(TermDefinition? a, TermDefinition? b) =>
        a is null ? b is null : b is not null && a.Headword == b.Headword && a.Aliases.SequenceEqual(b.Aliases) && a.Reading == b.Reading && a.Anchor == b.Anchor;

    private static IEnumerable<string> KeysOf(IEnumerable<TermDefinition>? terms)
    {
        foreach (var term in terms ?? [])
            foreach (var word in term.Reading is { Length: > 0 } reading ? term.EntryWords.Append(reading) : term.EntryWords)
                if (TermKey.Normalize(word) is { Length: > 0 } key) yield return key;
    }

    /// <summary>The keys of the terms that are not the same (entry words, reading, anchor) in both versions.</summary>
    private static HashSet<string> ChangedKeys(ParsedDocument old, ParsedDocument now)
    {
        // The common case (an edit outside the headings): the same terms in the same order.
        if (old.Terms.Length == now.Terms.Length)
        {
            int i = 0;
            while (i < old.Terms.Length && SameIdentity(old.Terms[i], now.Terms[i])) i++;
            if (i == old.Terms.Length) return [];
        }
        static string Identity(TermDefinition t) => string.Join('\u0002', t.EntryWords) + '\u0001' + t.Reading + '\u0001' + t.Anchor;
        var before = old.Terms.GroupBy(Identity).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var after = now.Terms.GroupBy(Identity).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var changed = old.Terms.Where(t => after.GetValueOrDefault(Identity(t)) != before[Identity(t)])
            .Concat(now.Terms.Where(t => before.GetValueOrDefault(Identity(t)) != after[Identity(t)]));
        return KeysOf(changed).ToHashSet(StringComparer.Ordinal);
    }

    private static bool SameIdentity(TermDefinition a, TermDefinition b) =>
        a.Headword == b.Headword && a.Aliases.AsSpan().SequenceEqual(b.Aliases.AsSpan()) && a.Reading == b.Reading && a.Anchor == b.Anchor;

    private static void AddDefiners(GlossaryIndex index, string key, SortedSet<string> result)
    {
        if (index.EntryWordTable.TryGetValue(key, out var refs))
            foreach (var r in refs) result.Add(r.Path);
    }

    private static bool UsesUrl(ParsedDocument? doc, string url)
    {
        if (doc is null) return false;
        var prefix = url.TrimEnd('#');
        foreach (var link in doc.Links)
        {
            if (link.Target.StartsWith(prefix, StringComparison.Ordinal)) return true;
            if (!link.TargetSpan.IsEmpty && link.TargetSpan.End <= doc.Text.Length
                && doc.Text.AsSpan(link.TargetSpan.Start, link.TargetSpan.Length).StartsWith(prefix, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>The address a link names as written (URL or site path, without fragment and query), as a <c>t:</c> key.</summary>
    public static string? AddressKey(string rawTarget)
    {
        var target = rawTarget.Trim();
        int cut = target.IndexOfAny(['#', '?']);
        if (cut >= 0) target = target[..cut];
        if (target.Length == 0) return null;
        if (target.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || target.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            return "t:" + target;
        if (target.StartsWith('/') && !target.StartsWith("//", StringComparison.Ordinal))
            return "t:" + GlossaryIndex.NormalizeSitePath(target);
        return null;
    }
}
