using GlossaryLsp.Core.Parsing;

namespace GlossaryLsp.Core.Index;

/// <summary>
/// How each term of a snapshot is used: every document's <see cref="DocumentUses"/> (its links and
/// mentions, with their places), and per term the counts from other documents (GL0015, <c>glossary terms</c>),
/// to which the code lens adds the defining document's own uses. Made from a mention scan of the whole
/// workspace, so only when asked for (<see cref="GlossaryIndex.GetUsage"/>), and a snapshot whose
/// definitions are those of an earlier one derives it from that one's by swapping the changed documents'
/// uses (<see cref="With"/>). Immutable.
/// </summary>
internal sealed class TermUsage
{
    /// <summary>Using document's path → its uses (documents that use no term are absent).</summary>
    private readonly OverlayTable<DocumentUses> _uses;
    /// <summary>Defining document's path → the counts of its terms from other documents (documents without terms are absent).</summary>
    private readonly OverlayTable<TermCounts> _counts;

    private TermUsage(OverlayTable<DocumentUses> uses, OverlayTable<TermCounts> counts, object version)
    {
        _uses = uses;
        _counts = counts;
        Version = version;
    }

    /// <summary>The same object while no document's counts of any term changed (places may have moved); another one when some did.</summary>
    public object Version { get; }

    /// <summary>Every document's uses, made in parallel, added up.</summary>
    public static TermUsage Build(GlossaryIndex index, Func<ParsedDocument, DocumentUses> usesOf) => Build(index, usesOf, null);

    /// <summary>
    /// Every document's uses, one after the other on the calling thread (a background build must not
    /// start pool threads at its priority), stopped by <paramref name="cancellation"/>.
    /// </summary>
    public static TermUsage BuildSequentially(GlossaryIndex index, Func<ParsedDocument, DocumentUses> usesOf, CancellationToken cancellation) =>
        Build(index, usesOf, cancellation);

    /// <summary>How many links of other documents resolve to the term.</summary>
    public int LinksTo(string path, int term) => _counts.TryGetValue(path, out var c) && term < c.Links.Length ? c.Links[term] : 0;

    /// <summary>How many times other documents mention the term.</summary>
    public int MentionsOf(string path, int term) => _counts.TryGetValue(path, out var c) && term < c.Mentions.Length ? c.Mentions[term] : 0;

    /// <summary>True when some other document links to or mentions the term.</summary>
    public bool IsUsed(string path, int term) => LinksTo(path, term) > 0 || MentionsOf(path, term) > 0;

    /// <summary>
    /// How many links in the whole workspace resolve to the term and how many times it is mentioned: those
    /// of other documents and those of its own (the code lens, the hover on its name).
    /// </summary>
    public (int Links, int Mentions) WorkspaceCountsOf(TermRef term)
    {
        var (links, mentions) = UsesOf(term.Path).CountsOf(term);
        return (LinksTo(term.Path, term.Index) + links, MentionsOf(term.Path, term.Index) + mentions);
    }

    /// <summary>The other documents that link to or mention some term of the document at <paramref name="definingPath"/>, in path order.</summary>
    public IReadOnlyList<string> UsersOf(string definingPath) => _counts.TryGetValue(definingPath, out var c) ? c.Users : [];

    /// <summary>What a document links to and mentions (its own terms too).</summary>
    public DocumentUses UsesOf(string path) => _uses.TryGetValue(path, out var uses) ? uses : DocumentUses.None;

    /// <summary>True when every term of the document is used in both or unused in both.</summary>
    public bool SameStatus(TermUsage other, string definingPath)
    {
        _counts.TryGetValue(definingPath, out var a);
        other._counts.TryGetValue(definingPath, out var b);
        if (ReferenceEquals(a, b)) return true; // counts no change touched are shared
        int n = Math.Max(a?.Links.Length ?? 0, b?.Links.Length ?? 0);
        for (int t = 0; t < n; t++)
            if ((a?.IsUsed(t) ?? false) != (b?.IsUsed(t) ?? false)) return false;
        return true;
    }

    /// <summary>
    /// The usage of <paramref name="index"/>, a snapshot with the same definitions as this one's in which
    /// the documents at <paramref name="changedPaths"/> changed: their old uses taken out, their new ones in.
    /// </summary>
    public TermUsage With(GlossaryIndex index, IEnumerable<string> changedPaths, Func<ParsedDocument, DocumentUses> usesOf)
    {
        var counts = new Dictionary<string, TermCounts>(StringComparer.Ordinal);
        var uses = new Dictionary<string, DocumentUses?>(StringComparer.Ordinal);
        bool countsChanged = false;
        foreach (var path in changedPaths)
        {
            var before = UsesOf(path);
            var after = index.Documents.TryGetValue(path, out var doc) ? usesOf(doc) : DocumentUses.None;
            if (before.SameAs(after)) continue; // an edit after the document's last use
            uses[path] = after.Terms.Length == 0 ? null : after;
            if (before.SameCounts(after)) continue; // most edits of prose only move the places
            countsChanged = true;
            foreach (var target in before.TargetPaths().Concat(after.TargetPaths()))
                if (!counts.ContainsKey(target) && _counts.TryGetValue(target, out var c)) counts[target] = c.Copy();
            Add(before, path, counts, -1);
            Add(after, path, counts, 1);
        }
        if (uses.Count == 0) return this;
        return new TermUsage(_uses.With(uses), _counts.With(counts.Select(kv => KeyValuePair.Create(kv.Key, (TermCounts?)kv.Value))),
            countsChanged ? new object() : Version);
    }

    private static TermUsage Build(GlossaryIndex index, Func<ParsedDocument, DocumentUses> usesOf, CancellationToken? sequential)
    {
        // In path order, so that each defining document's users are added in order.
        var docs = index.Documents.Values.OrderBy(d => d.Path, StringComparer.Ordinal).ToArray();
        var uses = new DocumentUses[docs.Length];
        if (sequential is { } cancellation)
        {
            for (int i = 0; i < docs.Length; i++)
            {
                cancellation.ThrowIfCancellationRequested();
                uses[i] = usesOf(docs[i]);
            }
        }
        else
        {
            Parallel.For(0, docs.Length, i => uses[i] = usesOf(docs[i]));
        }
        var counts = new Dictionary<string, TermCounts>(StringComparer.Ordinal);
        foreach (var doc in docs)
            if (doc.Terms.Length > 0) counts[doc.Path] = new TermCounts(doc.Terms.Length);
        var byPath = new Dictionary<string, DocumentUses>(StringComparer.Ordinal);
        for (int d = 0; d < docs.Length; d++)
        {
            if (uses[d].Terms.Length == 0) continue;
            byPath[docs[d].Path] = uses[d];
            Add(uses[d], docs[d].Path, counts, 1);
        }
        return new TermUsage(new OverlayTable<DocumentUses>(byPath), new OverlayTable<TermCounts>(counts), new object());
    }

    /// <summary>Adds (or takes out) the uses of the document at <paramref name="path"/> of other documents' terms.</summary>
    private static void Add(DocumentUses uses, string path, Dictionary<string, TermCounts> counts, int sign)
    {
        for (int i = 0; i < uses.Terms.Length; i++)
        {
            var t = uses.Terms[i];
            if (t.Path == path || !counts.TryGetValue(t.Path, out var c) || t.Index >= c.Links.Length) continue;
            c.Links[t.Index] += sign * uses.Links[i];
            c.Mentions[t.Index] += sign * uses.Mentions[i];
            if (i > 0 && uses.Terms[i - 1].Path == t.Path) continue; // one user entry per defining document
            int at = c.Users.BinarySearch(path, StringComparer.Ordinal);
            if (sign > 0 && at < 0) c.Users.Insert(~at, path);
            else if (sign < 0 && at >= 0) c.Users.RemoveAt(at);
        }
    }

    /// <summary>Per term of one document: links and mentions from other documents, and who they are. Changed only while being made.</summary>
    private sealed class TermCounts(int terms)
    {
        public int[] Links { get; private init; } = new int[terms];
        public int[] Mentions { get; private init; } = new int[terms];
        /// <summary>The other documents that use some of the terms, in path order (a code lens's places are looked for there only).</summary>
        public List<string> Users { get; private init; } = [];

        public TermCounts Copy() => new(0) { Links = (int[])Links.Clone(), Mentions = (int[])Mentions.Clone(), Users = [.. Users] };

        public bool IsUsed(int term) => term < Links.Length && (Links[term] > 0 || Mentions[term] > 0);
    }
}
