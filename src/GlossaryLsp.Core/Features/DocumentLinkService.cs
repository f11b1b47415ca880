using System.Collections.Immutable;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Features;

/// <summary>
/// A clickable link: <see cref="Span"/> is the written target (href value or Markdown URL),
/// <see cref="TargetPath"/> the workspace file it leads to and <see cref="TargetSpan"/> the term,
/// heading or (for a whole document) nothing inside it.
/// </summary>
public sealed record ResolvedDocumentLink(TextSpan Span, string TargetPath, TextSpan? TargetSpan, string Tooltip);

/// <summary>
/// Document links: every link that resolves inside the workspace, pointing at the target file and the
/// line of its term or heading. Broken links are left to diagnostics, external ones to the editor.
/// </summary>
public static class DocumentLinkService
{
    public static ImmutableArray<ResolvedDocumentLink> GetLinks(GlossaryIndex index, ParsedDocument document)
    {
        if (document.LoadProblem is not null) return [];
        var result = ImmutableArray.CreateBuilder<ResolvedDocumentLink>();
        var seen = new HashSet<int>();
        foreach (var link in document.Links)
        {
            if (link.TargetSpan.IsEmpty || !seen.Add(link.TargetSpan.Start)) continue; // reference links share their definition
            if (Resolve(index, document, link) is { } resolved) result.Add(resolved);
        }
        return result.ToImmutable();
    }

    /// <summary>Where one link leads inside the workspace (its span is the written target); null when broken or external.</summary>
    public static ResolvedDocumentLink? Resolve(GlossaryIndex index, ParsedDocument document, LinkReference link)
    {
        var r = index.ResolveLink(document, link);
        if (r.Status != LinkStatus.Resolved || r.TargetPath is null) return null;
        TextSpan? target = r.Term is { } t ? t.NameSpan : r.Heading?.TextSpan;
        var what = r.Term is { } term ? string.Join(" | ", term.EntryWords) : r.Heading?.Text;
        var tooltip = what is null ? r.TargetPath : $"{what} — {r.TargetPath}";
        return new ResolvedDocumentLink(link.TargetSpan, r.TargetPath, r.Fragment is null && r.Term is null ? null : target, tooltip);
    }
}
