using System.Collections.Immutable;
using System.Runtime.InteropServices;
using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Rules;

/// <summary>One diagnostic rule (one file per rule). Rules return findings as values through the context.</summary>
public abstract class Rule
{
    public abstract RuleDescriptor Descriptor { get; }

    /// <summary>Reports this rule's findings for <see cref="RuleContext.Document"/>.</summary>
    public abstract void Analyze(RuleContext context);
}

/// <summary>What a rule sees: the snapshot, the document, and the document's links resolved.</summary>
public sealed class RuleContext
{
    private readonly RuleDescriptor _rule;
    private readonly List<Diagnostic> _sink;
    private readonly ResolvedLinks _links;

    internal RuleContext(ResolvedLinks links, RuleDescriptor rule, DiagnosticSeverity severity, List<Diagnostic> sink)
    {
        _links = links;
        _rule = rule;
        _sink = sink;
        Severity = severity;
    }

    public GlossaryIndex Index => _links.Index;
    public ParsedDocument Document => _links.Document;
    /// <summary>One resolution per <see cref="ParsedDocument.Links"/> entry, same order (resolved when a rule first asks).</summary>
    public ImmutableArray<LinkResolution> LinkResolutions => _links.Value;

    /// <summary>The severity this rule reports at (configured, else its default).</summary>
    public DiagnosticSeverity Severity { get; }

    public void Report(TextSpan span, string message, IEnumerable<RelatedLocation>? related = null, IEnumerable<CodeFix>? fixes = null) =>
        Report(Severity, span, message, related, fixes);

    /// <summary>Reports at an explicit severity (a rule's milder variant of its finding).</summary>
    public void Report(DiagnosticSeverity severity, TextSpan span, string message, IEnumerable<RelatedLocation>? related = null, IEnumerable<CodeFix>? fixes = null) =>
        _sink.Add(new Diagnostic(_rule, severity, message, Document.Path, span, [.. related ?? []], [.. fixes ?? []]));
}

/// <summary>
/// One document's links resolved once, on first use, for every rule of one analysis: an analysis that runs only rules
/// which read no link (GL0013 again on a few lines) resolves none. One thread.
/// </summary>
internal sealed class ResolvedLinks(GlossaryIndex index, ParsedDocument document)
{
    private ImmutableArray<LinkResolution> _value;

    public GlossaryIndex Index { get; } = index;
    public ParsedDocument Document { get; } = document;

    public ImmutableArray<LinkResolution> Value
    {
        get
        {
            if (_value.IsDefault)
            {
                var resolved = new LinkResolution[Document.Links.Length];
                for (int i = 0; i < resolved.Length; i++) resolved[i] = Index.ResolveLink(Document, Document.Links[i]);
                _value = ImmutableCollectionsMarshal.AsImmutableArray(resolved);
            }
            return _value;
        }
    }
}
