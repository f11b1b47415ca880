using System.Collections.Immutable;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Rules;

/// <summary>
/// GL0003: a term heading's <c>&lt;a id&gt;</c> is not the anchor of its current text (the heading was
/// edited by hand). The fix regenerates the id and moves the links that used the old id to the new one,
/// so that fixing the id never breaks a link.
/// </summary>
public sealed class GL0003StaleAnchorId : Rule
{
    public override RuleDescriptor Descriptor => RuleCatalog.GL0003;

    public override void Analyze(RuleContext context)
    {
        var doc = context.Document;
        if (doc.Kind != DocumentKind.TermList) return;
        foreach (var term in doc.Terms)
        {
            if (term.Heading is not { ExplicitId: { } id, ExplicitIdSpan: { } idSpan } || term.Anchor is not { } anchor || id == anchor) continue;
            var was = AnchorCodec.TryDecode(id, out var oldText) ? $" (it encodes '{oldText}')" : "";
            var fix = new CodeFix($"Regenerate the id from '{term.Heading.Text}'", FixEdits(context, doc, idSpan, id, anchor));
            context.Report(idSpan,
                $"Heading id is not the anchor of the heading text '{term.Heading.Text}'{was}; expected '{anchor}'",
                fixes: [fix]);
        }
    }

    /// <summary>The id itself plus every link in the workspace whose fragment is the old id of this document.</summary>
    private static ImmutableArray<DocumentEdit> FixEdits(RuleContext context, ParsedDocument doc, TextSpan idSpan, string oldId, string newAnchor)
    {
        var edits = new List<DocumentEdit>();
        var own = new List<TextEdit> { new(idSpan, newAnchor) };
        foreach (var other in context.Index.Documents.Values)
        {
            var list = ReferenceEquals(other, doc) || other.Path == doc.Path ? own : [];
            foreach (var link in other.Links)
            {
                // Read in place (this scans every link of the workspace): the fragment ends the target, so most links are rejected by their end.
                var raw = link.TargetSpan.End <= other.Text.Length ? other.Text.AsSpan(link.TargetSpan.Start, link.TargetSpan.Length) : default;
                if (!raw.EndsWith(oldId, StringComparison.Ordinal)) continue;
                int hash = raw.IndexOf('#');
                if (hash < 0 || !raw[(hash + 1)..].SequenceEqual(oldId)) continue;
                var r = context.Index.ResolveLink(other, link);
                if (r.TargetPath != doc.Path) continue;
                list.Add(new TextEdit(new TextSpan(link.TargetSpan.Start + hash + 1, oldId.Length), newAnchor));
            }
            if (list.Count > 0 && !ReferenceEquals(list, own)) edits.Add(new DocumentEdit(other.Path, [.. list]));
        }
        edits.Insert(0, new DocumentEdit(doc.Path, [.. own.OrderBy(e => e.Span.Start)]));
        return [.. edits];
    }
}
