using System.Collections.Immutable;
using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Rules;

/// <summary>
/// GL0012: an article URL that breaks the URL ↔ folder mapping (configured, else the one most
/// documents agree on). Links that use the wrong URL still resolve here through the comment, but 404
/// on the published site, so the fix rewrites the comment and every link that used the wrong URL (a
/// safe fix: the mapping names the one right URL).
/// </summary>
public sealed class GL0012ArticleUrlMismatch : Rule
{
    public override RuleDescriptor Descriptor => RuleCatalog.GL0012;

    public override void Analyze(RuleContext context)
    {
        var doc = context.Document;
        if (doc.ArticleUrls.Length != 1) return; // GL0007's business
        var comment = doc.ArticleUrls[0];
        if (ArticleUrlComment.WellFormedProblem(comment.Url) is not null) return;
        if (context.Index.ExpectedArticleUrl(doc.Path) is not { } expected || expected == comment.Url) return;
        var source = context.Index.Config.BaseUrls.IsEmpty
            ? "the mapping the other documents follow"
            : "the baseUrls of " + (context.Index.Config.SourcePath is { } p ? Path.GetFileName(p) : "the configuration");
        var edits = FixEdits(context.Index, doc, comment, expected, out int linkCount);
        var title = linkCount == 0 ? $"Use the article URL {expected}" : $"Use the article URL {expected} and update {linkCount} link{(linkCount == 1 ? "" : "s")}";
        context.Report(comment.UrlSpan,
            $"Article URL '{comment.Url}' does not match the path {doc.Path}: {source} gives '{expected}'" +
            (linkCount > 0 ? $"; {linkCount} link{(linkCount == 1 ? " uses" : "s use")} the wrong URL" : ""),
            fixes: [new CodeFix(title, edits, IsSafe: true)]);
    }

    /// <summary>
    /// The comment plus every link (in any document) whose target is the old URL, with a fragment or a
    /// query or neither: found by one look-up of the snapshot's links by address, not a scan of them all.
    /// </summary>
    private static ImmutableArray<DocumentEdit> FixEdits(GlossaryIndex index, ParsedDocument doc, ArticleUrlComment comment, string expected, out int linkCount)
    {
        var oldBase = LinkAddress.WithoutHash(comment.Url);
        var newBase = LinkAddress.WithoutHash(expected);
        var candidates = oldBase.AsSpan().IndexOfAny('#', '?') < 0
            ? index.LinksWritten(oldBase)
            : [.. index.Documents.Values.SelectMany(d => d.Links.Select(l => (d, l)))];
        var byPath = new SortedDictionary<string, List<TextEdit>>(StringComparer.Ordinal) { [doc.Path] = [new TextEdit(comment.UrlSpan, expected)] };
        linkCount = 0;
        foreach (var (d, link) in candidates)
        {
            var raw = link.TargetInSource;
            if (raw.IsEmpty || !raw.StartsWith(oldBase, StringComparison.Ordinal)) continue;
            if (raw.Length != oldBase.Length && raw[oldBase.Length] is not ('#' or '?')) continue;
            if (!byPath.TryGetValue(d.Path, out var edits)) byPath[d.Path] = edits = [];
            edits.Add(new TextEdit(new TextSpan(link.TargetSpan.Start, oldBase.Length), newBase));
            linkCount++;
        }
        // The document itself first: a client applying edits in order changes the reported file first.
        return [.. byPath.OrderBy(e => e.Key == doc.Path ? 0 : 1).Select(e => new DocumentEdit(e.Key, [.. e.Value.OrderBy(x => x.Span.Start)]))];
    }
}
