using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Index;

/// <summary>Link resolution (SPEC §1, §7): where a link of a document leads, read from the snapshot only.</summary>
public sealed partial class GlossaryIndex
{
    /// <summary>Where a link leads (SPEC §1, §7): never reads anything outside the index.</summary>
    public LinkResolution ResolveLink(ParsedDocument from, LinkReference link) => ResolveTarget(from, link.TargetChars);

    public LinkResolution ResolveTarget(ParsedDocument from, string rawTarget) => ResolveTarget(from, rawTarget.AsSpan());

    /// <summary>Finds the term or heading an anchor names in a document of this snapshot (one or two dictionary look-ups).</summary>
    public LinkResolution ResolveAnchor(string path, string fragment) =>
        Documents.TryGetValue(path, out var doc)
            ? ResolveAnchor(doc, _tables.Facts[path].AnchorsOf(doc), fragment)
            : new LinkResolution(LinkStatus.MissingDocument, LookedFor: path);

    private static LinkResolution ResolveAnchor(ParsedDocument doc, AnchorTable table, ReadOnlySpan<char> fragmentText)
    {
        bool found = table.TryFind(fragmentText, out var shared, out var hit);
        var fragment = shared ?? fragmentText.ToString();
        var anchor = fragment;
        var decoded = PercentEncoding.Decode(fragment);
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

    private LinkResolution ResolveTarget(ParsedDocument from, ReadOnlySpan<char> rawTarget)
    {
        // Spans, not substrings, for the usual link (an http(s) URL with a fragment): the URL and the
        // anchor are looked up without allocating, and the fragment is the anchor string the document holds.
        if (rawTarget.Trim().IsEmpty) return new LinkResolution(LinkStatus.Resolved, from.Path);
        string? path;
        switch (LinkAddress.Parse(rawTarget, out var address, out var fragment))
        {
            case AddressKind.ThisDocument:
                path = from.Path;
                break;
            case AddressKind.External:
                return LinkResolution.External;
            case AddressKind.Url:
                var lookup = LookupUrl(address);
                if (lookup.Status != LinkStatus.Resolved) return lookup;
                path = lookup.TargetPath!;
                break;
            case AddressKind.SitePath:
                var sitePath = address.ToString();
                if (_tables.TryGetPath(LinkAddress.NormalizeSitePath(sitePath), out var p)) path = p;
                else
                {
                    var rooted = WorkspacePaths.Combine("", PercentEncoding.Decode(sitePath));
                    if (rooted is not null && Exists(rooted)) path = rooted;
                    else return new LinkResolution(LinkStatus.MissingDocument, LookedFor: sitePath, MissingPath: rooted);
                }
                break;
            default:
                var rel = PercentEncoding.Decode(address.ToString());
                var combined = WorkspacePaths.Combine(from.Folder, rel);
                if (combined is null) return new LinkResolution(LinkStatus.OutsideWorkspace, LookedFor: rel);
                if (!Exists(combined)) return new LinkResolution(LinkStatus.MissingDocument, LookedFor: combined);
                path = combined;
                break;
        }

        if (!Documents.TryGetValue(path, out var doc))
            return new LinkResolution(LinkStatus.Resolved, path, fragment.IsEmpty ? null : fragment.ToString()); // a non-Markdown file or folder

        if (fragment.IsEmpty)
            return new LinkResolution(LinkStatus.Resolved, path, null, doc.Kind == DocumentKind.GlossaryPage ? doc.Terms.FirstOrDefault() : null);
        return ResolveAnchor(doc, _tables.Facts[path].AnchorsOf(doc), fragment);
    }

    private bool Exists(string path) => path.Length == 0 || Documents.ContainsKey(path) || OtherFiles.Contains(path) || IsFolder(path);

    private bool IsFolder(string path)
    {
        var prefix = path.TrimEnd('/') + "/";
        var next = Documents.Keys.FirstOrDefault(k => string.CompareOrdinal(k, prefix) >= 0);
        return next is not null && next.StartsWith(prefix, StringComparison.Ordinal);
    }

    private LinkResolution LookupUrl(ReadOnlySpan<char> key)
    {
        if (_tables.TryGetPath(key, out var p)) return new LinkResolution(LinkStatus.Resolved, p);
        foreach (var m in Config.BaseUrls.Concat(_tables.InferredMapping is { } i ? [i] : []))
        {
            if (!key.StartsWith(m.Url, StringComparison.Ordinal)) continue;
            var combined = WorkspacePaths.Combine(m.Folder, PercentEncoding.Decode(key[m.Url.Length..].ToString()));
            if (combined is null) return new LinkResolution(LinkStatus.OutsideWorkspace, LookedFor: key.ToString());
            return Exists(combined) ? new LinkResolution(LinkStatus.Resolved, combined)
                : new LinkResolution(LinkStatus.MissingDocument, LookedFor: key.ToString(), MissingPath: combined);
        }
        return LinkResolution.External;
    }
}
