using System.Collections.Immutable;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Rules;

/// <summary>
/// What one document's analysis read from the rest of the workspace, as keys of a reverse index:
/// <c>t:</c> a link target (resolved document or folder, path or URL looked for, the URL or site
/// path as written), <c>w:</c> the entry-word key of a broken link's text (its retarget fix looks the
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
            if (r.TargetPath is { } target && target != document.Path) keys.Add("t:" + target);
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

    private DependencyTracker(ImmutableDictionary<string, ImmutableHashSet<string>> readers, ImmutableDictionary<string, DocumentReads> reads, ImmutableHashSet<string> urlMismatches)
    {
        _readers = readers;
        _reads = reads;
        _urlMismatches = urlMismatches;
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
        return new DependencyTracker(map, reads.ToImmutable(), mismatches.ToImmutable());
    }

    /// <summary>The tracker after re-analysing (or removing, Reads null) some documents.</summary>
    public DependencyTracker With(IEnumerable<(string Path, DocumentReads? Reads)> changes)
    {
        ImmutableDictionary<string, ImmutableHashSet<string>>.Builder? readers = null;
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
                    if (rest.IsEmpty) readers.Remove(key); else readers[key] = rest;
                }
            if (now is not null)
            {
                foreach (var key in now.Keys)
                    readers[key] = readers.TryGetValue(key, out var set) ? set.Add(path) : ImmutableHashSet.Create(StringComparer.Ordinal, path);
                reads = reads.SetItem(path, now);
            }
            else reads = reads.Remove(path);
            mismatches = now is { HasArticleUrlMismatch: true } ? mismatches.Add(path) : mismatches.Remove(path);
        }
        return readers is null && ReferenceEquals(reads, _reads) ? this : new DependencyTracker(readers?.ToImmutable() ?? _readers, reads, mismatches);
    }

    /// <summary>
    /// The documents to re-analyse after <paramref name="changedPaths"/> changed between the two
    /// snapshots, in path order; null when everything must be (the inferred URL mapping changed, or
    /// unlinked-mention findings are on and entry words changed).
    /// </summary>
    public SortedSet<string>? Dependents(GlossaryIndex before, GlossaryIndex after, IEnumerable<string> changedPaths)
    {
        if (!Equals(before.InferredMapping, after.InferredMapping)) return null;
        bool definitionsChanged = !before.HasSameDefinitions(after);
        if (definitionsChanged && after.Config.GetSeverity(RuleCatalog.GL0009.Id, RuleCatalog.GL0009.DefaultSeverity) is not null) return null;

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
            AddReaders("r:" + path);
            // GL0012 findings count the links that use the wrong URL, wherever they are.
            foreach (var s in _urlMismatches)
                if ((after.GetDocument(s) ?? before.GetDocument(s)) is { } mismatched && mismatched.ArticleUrls.Length == 1
                    && (UsesUrl(old, mismatched.ArticleUrls[0].Url) || UsesUrl(now, mismatched.ArticleUrls[0].Url)))
                    result.Add(s);

            bool addedOrRemoved = old is null || now is null;
            if (!definitionsChanged && !addedOrRemoved) continue;
            // Links to it: by path (and, for a new or deleted file, to its folders), by URL, by site path.
            AddReaders("t:" + path);
            if (addedOrRemoved)
                for (var folder = WorkspacePaths.FolderOf(path); folder.Length > 0; folder = WorkspacePaths.FolderOf(folder))
                    AddReaders("t:" + folder);
            foreach (var doc in new[] { old, now })
            {
                if (doc is null) continue;
                foreach (var u in doc.ArticleUrls) AddReaders("t:" + u.Url.TrimEnd('#'));
                if (doc.FrontMatter?.GetString("url") is { Length: > 0 } site) AddReaders("t:" + GlossaryIndex.NormalizeSitePath(site));
                // Its entry words: other definitions (duplicates) and broken links naming them (retarget fixes).
                foreach (var term in doc.Terms)
                    foreach (var word in term.Reading is { Length: > 0 } reading ? term.EntryWords.Append(reading) : term.EntryWords)
                    {
                        var key = TermKey.Normalize(word);
                        if (key.Length == 0) continue;
                        AddReaders("w:" + key);
                        AddDefiners(before, key, result);
                        AddDefiners(after, key, result);
                    }
            }
        }
        return result;
    }

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
