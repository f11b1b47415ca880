using System.Collections.Immutable;
using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Rules;

internal enum ReadKind : byte
{
    /// <summary>A link target: resolved document or folder, path or URL looked for (and the path a URL maps to), URL or site path as written.</summary>
    Target,
    /// <summary>The entry-word key of a broken link's text or of a keyword.</summary>
    Word,
    /// <summary>A document a diagnostic points into.</summary>
    Related,
}

/// <summary>A link into another document: its path and fragment ("" for none).</summary>
internal readonly record struct AnchorRead(string Path, string Fragment);

/// <summary>A key of the dependency tracker's reverse index: what was read, and which path, URL or word.</summary>
internal readonly record struct ReadKey(ReadKind Kind, string Value);

/// <summary>
/// What one document's analysis read from the rest of the workspace. <see cref="Keys"/> are keys of
/// the tracker's reverse index (<see cref="ReadKey"/>): a link target (resolved document or folder,
/// path or URL looked for, the URL or site path as written), the entry-word key of a broken link's
/// text (its retarget fix looks the word up) or of a keyword, a document a diagnostic points into (related
/// location or fix edit, whose positions move when that document's text changes). <see cref="Anchors"/>
/// are the fragments of other documents it links to (what they name may change); they are found
/// through the target key of their document, so they are not keys of the reverse index.
/// Both are in the order the document's links first read them (unsorted); once the tracker holds
/// them, their strings are shared with its index, and anchors use the linked document's own path and
/// anchor strings where they can.
/// </summary>
internal sealed class DocumentReads
{
    private DocumentReads(ReadKey[] keys, AnchorRead[] anchors, bool hasArticleUrlMismatch)
    {
        Keys = keys;
        Anchors = anchors;
        HasArticleUrlMismatch = hasArticleUrlMismatch;
    }

    public ReadKey[] Keys { get; }
    public AnchorRead[] Anchors { get; }
    public bool HasArticleUrlMismatch { get; }

    public static DocumentReads Of(ParsedDocument document, ImmutableArray<LinkResolution> resolutions, ImmutableArray<Diagnostic> diagnostics)
    {
        // Values without their prefix: each link adds a few, most of them repeats within the document.
        var targets = new HashSet<string>(StringComparer.Ordinal);
        var addresses = new HashSet<string>(StringComparer.Ordinal);
        var addressLookup = addresses.GetAlternateLookup<ReadOnlySpan<char>>();
        var anchors = new HashSet<AnchorRead>(resolutions.Length);
        var other = new HashSet<ReadKey>();
        for (int i = 0; i < resolutions.Length; i++)
        {
            var r = resolutions[i];
            var link = document.Links[i];
            if (r.TargetPath is { } target && target != document.Path)
            {
                targets.Add(target);
                anchors.Add(new AnchorRead(target, SharedFragment(r)));
            }
            if (r.LookedFor is { } lookedFor) targets.Add(lookedFor);
            if (r.MissingPath is { } missing) targets.Add(missing);
            switch (LinkAddress.Parse(link.TargetChars, out var url, out _))
            {
                case AddressKind.Url:
                    if (!addressLookup.Contains(url)) addresses.Add(url.ToString());
                    break;
                case AddressKind.SitePath:
                    addresses.Add(LinkAddress.NormalizeSitePath(url.ToString()));
                    break;
            }
            if (r.IsBroken && link.TextChars.Length > 0) other.Add(new ReadKey(ReadKind.Word, TermKey.Normalize(link.Text)));
        }
        // A glossary page's keywords name terms (GL0014): a change of those entry words re-analyses it.
        foreach (var keyword in document.Keywords) other.Add(new ReadKey(ReadKind.Word, TermKey.Normalize(keyword.Text)));
        bool mismatch = AddDiagnosticReads(document, diagnostics, other);
        targets.UnionWith(addresses);
        var keys = new ReadKey[targets.Count + other.Count];
        int k = 0;
        foreach (var t in targets) keys[k++] = new ReadKey(ReadKind.Target, t);
        foreach (var o in other) keys[k++] = o;
        var anchorArray = new AnchorRead[anchors.Count];
        anchors.CopyTo(anchorArray);
        return new DocumentReads(keys, anchorArray, mismatch);
    }

    /// <summary>
    /// The reads of the same document, links unchanged, after its diagnostics became <paramref name="diagnostics"/>: what
    /// its links read is kept (equal to what <see cref="Of"/> would find again), what its diagnostics point into is new.
    /// </summary>
    public DocumentReads With(ParsedDocument document, ImmutableArray<Diagnostic> diagnostics)
    {
        var other = new HashSet<ReadKey>();
        bool mismatch = AddDiagnosticReads(document, diagnostics, other);
        var keys = new List<ReadKey>(Keys.Length + other.Count);
        foreach (var key in Keys)
            if (key.Kind != ReadKind.Related) keys.Add(key);
        keys.AddRange(other);
        return new DocumentReads([.. keys], Anchors, mismatch);
    }

    public bool SameAs(DocumentReads other) =>
        HasArticleUrlMismatch == other.HasArticleUrlMismatch && Keys.AsSpan().SequenceEqual(other.Keys.AsSpan())
        && Anchors.AsSpan().SequenceEqual(other.Anchors.AsSpan());

    /// <summary>Adds the documents the diagnostics point into (related locations, fix edits); true when one is a GL0012 finding.</summary>
    private static bool AddDiagnosticReads(ParsedDocument document, ImmutableArray<Diagnostic> diagnostics, HashSet<ReadKey> reads)
    {
        bool mismatch = false;
        foreach (var d in diagnostics)
        {
            if (d.Rule == RuleCatalog.GL0012) mismatch = true;
            foreach (var related in d.Related)
                if (related.Path != document.Path) reads.Add(new ReadKey(ReadKind.Related, related.Path));
            foreach (var fix in d.Fixes)
                foreach (var edit in fix.Edits)
                    if (edit.Path != document.Path) reads.Add(new ReadKey(ReadKind.Related, edit.Path));
        }
        return mismatch;
    }

    /// <summary>The link's fragment ("" for none), as the string the linked term or heading already holds when it is that.</summary>
    private static string SharedFragment(LinkResolution r)
    {
        if (r.Fragment is not { } f) return "";
        if (r.Term?.Anchor is { } anchor && anchor == f) return anchor;
        if (r.Heading is { } h)
        {
            if (h.Slug == f) return h.Slug;
            if (h.ExplicitId is { } id && id == f) return id;
        }
        return f;
    }
}
