using GlossaryLsp.Core.Parsing;

namespace GlossaryLsp.Core.Index;

/// <summary>
/// How often each term of a snapshot is used by other documents: links that resolve to it and mentions
/// of it (GL0015, <c>glossary terms</c>). Made from every document's <see cref="DocumentUses"/> — a mention
/// scan of the whole workspace — so it is made only when asked for (<see cref="GlossaryIndex.GetUsage"/>),
/// and a snapshot whose definitions are those of an earlier one derives it from that one's by swapping
/// the changed documents' uses (<see cref="With"/>). Immutable.
/// </summary>
internal sealed class TermUsage
{
    /// <summary>Using document's path → its uses (documents that use no other document's term are absent).</summary>
    private readonly OverlayTable<DocumentUses> _uses;
    /// <summary>Defining document's path → the counts of its terms (documents without terms are absent).</summary>
    private readonly OverlayTable<TermCounts> _counts;

    private TermUsage(OverlayTable<DocumentUses> uses, OverlayTable<TermCounts> counts)
    {
        _uses = uses;
        _counts = counts;
    }

    /// <summary>Every document's uses, made in parallel, added up.</summary>
    public static TermUsage Build(GlossaryIndex index, Func<ParsedDocument, DocumentUses> usesOf)
    {
        var docs = index.Documents.Values.ToArray();
        var uses = new DocumentUses[docs.Length];
        Parallel.For(0, docs.Length, i => uses[i] = usesOf(docs[i]));
        var counts = new Dictionary<string, TermCounts>(StringComparer.Ordinal);
        foreach (var doc in docs)
            if (doc.Terms.Length > 0) counts[doc.Path] = new TermCounts(doc.Terms.Length);
        var byPath = new Dictionary<string, DocumentUses>(StringComparer.Ordinal);
        for (int d = 0; d < docs.Length; d++)
        {
            if (uses[d].Terms.Length == 0) continue;
            byPath[docs[d].Path] = uses[d];
            Add(uses[d], counts, 1);
        }
        return new TermUsage(new OverlayTable<DocumentUses>(byPath), new OverlayTable<TermCounts>(counts));
    }

    /// <summary>How many links of other documents resolve to the term.</summary>
    public int LinksTo(string path, int term) => _counts.TryGetValue(path, out var c) && term < c.Links.Length ? c.Links[term] : 0;

    /// <summary>How many times other documents mention the term.</summary>
    public int MentionsOf(string path, int term) => _counts.TryGetValue(path, out var c) && term < c.Mentions.Length ? c.Mentions[term] : 0;

    /// <summary>True when some other document links to or mentions the term.</summary>
    public bool IsUsed(string path, int term) => LinksTo(path, term) > 0 || MentionsOf(path, term) > 0;

    /// <summary>What a document uses of other documents' terms.</summary>
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
        foreach (var path in changedPaths)
        {
            var before = UsesOf(path);
            var after = index.Documents.TryGetValue(path, out var doc) ? usesOf(doc) : DocumentUses.None;
            if (before.SameAs(after)) continue; // most edits of prose change no use
            foreach (var target in before.TargetPaths().Concat(after.TargetPaths()))
                if (!counts.ContainsKey(target) && _counts.TryGetValue(target, out var c)) counts[target] = c.Copy();
            Add(before, counts, -1);
            Add(after, counts, 1);
            uses[path] = after.Terms.Length == 0 ? null : after;
        }
        if (uses.Count == 0) return this;
        return new TermUsage(_uses.With(uses), _counts.With(counts.Select(kv => KeyValuePair.Create(kv.Key, (TermCounts?)kv.Value))));
    }

    private static void Add(DocumentUses uses, Dictionary<string, TermCounts> counts, int sign)
    {
        for (int i = 0; i < uses.Terms.Length; i++)
        {
            var t = uses.Terms[i];
            if (!counts.TryGetValue(t.Path, out var c) || t.Index >= c.Links.Length) continue;
            c.Links[t.Index] += sign * uses.Links[i];
            c.Mentions[t.Index] += sign * uses.Mentions[i];
        }
    }

    /// <summary>Per term of one document: links and mentions from other documents. Changed only while being made.</summary>
    private sealed class TermCounts(int terms)
    {
        public int[] Links { get; private init; } = new int[terms];
        public int[] Mentions { get; private init; } = new int[terms];

        public TermCounts Copy() => new(0) { Links = (int[])Links.Clone(), Mentions = (int[])Mentions.Clone() };

        public bool IsUsed(int term) => term < Links.Length && (Links[term] > 0 || Mentions[term] > 0);
    }
}
