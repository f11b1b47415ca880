using System.Collections.Immutable;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Features;

/// <summary>A place in a workspace document.</summary>
public sealed record SourceLocation(string Path, TextSpan Span);

/// <summary>
/// Go to definition and find references. Definition: a link goes to its target term, heading or
/// document; a mention to its (nearest) definition; a term name or heading to itself. References:
/// every link in the workspace that resolves to the same term (or heading), plus the declaration when
/// asked. Plain mentions are not references: they are not links (GL0009 and the linker find them).
/// </summary>
public static class NavigationService
{
    public static ImmutableArray<SourceLocation> GetDefinition(GlossaryIndex index, ParsedDocument document, int offset)
    {
        if (PositionTarget.At(index, document, offset) is not { } target) return [];
        if (target.Term is { } term) return [new SourceLocation(term.DocumentPath, term.NameSpan)];
        if (target.Heading is { } heading && target.TargetPath is { } hp) return [new SourceLocation(hp, heading.TextSpan)];
        if (target.Kind == PositionKind.Link && target.Resolution is { Status: LinkStatus.Resolved, TargetPath: { } path } && index.GetDocument(path) is not null)
            return [new SourceLocation(path, new TextSpan(0, 0))];
        return [];
    }

    public static ImmutableArray<SourceLocation> GetReferences(GlossaryIndex index, ParsedDocument document, int offset, bool includeDeclaration)
    {
        if (PositionTarget.At(index, document, offset) is not { } target) return [];
        TermDefinition? term = target.Term;
        Heading? heading = term is null ? target.Heading : null;
        string? path = term?.DocumentPath ?? target.TargetPath;
        if (term is null && (heading is null || path is null)) return [];

        var result = ImmutableArray.CreateBuilder<SourceLocation>();
        if (includeDeclaration)
            result.Add(term is not null ? new SourceLocation(term.DocumentPath, term.NameSpan) : new SourceLocation(path!, heading!.TextSpan));
        // Only links whose fragment can name the target are resolved (not every link of the workspace per request).
        var fragments = new HashSet<string>(StringComparer.Ordinal);
        var h0 = term?.Heading ?? heading;
        if (term?.Anchor is { } anchor) fragments.Add(anchor);
        if (h0 is not null) { fragments.Add(h0.Slug); if (h0.ExplicitId is { } id) fragments.Add(id); }
        bool wholeDocument = term is not null && term.Heading is null; // a glossary page: links without a fragment
        foreach (var doc in index.Documents.Values)
        {
            foreach (var link in doc.Links)
            {
                if (!CanName(link.Target, fragments, wholeDocument)) continue;
                var r = index.ResolveLink(doc, link);
                if (r.Status != LinkStatus.Resolved || r.TargetPath != path) continue;
                bool same = term is not null
                    ? r.Term is { } t && t.NameSpan == term.NameSpan
                    : r.Heading is { } h && h.Span == heading!.Span;
                if (same) result.Add(new SourceLocation(doc.Path, link.Span));
            }
        }
        return result.ToImmutable();
    }

    private static bool CanName(string target, HashSet<string> fragments, bool wholeDocument)
    {
        int hash = target.IndexOf('#');
        if (hash < 0 || hash == target.Length - 1) return wholeDocument;
        var fragment = target[(hash + 1)..];
        return fragments.Contains(fragment) || fragments.Contains(PercentEncoding.Decode(fragment));
    }
}
