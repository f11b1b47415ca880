using System.Collections.Immutable;
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

/// <summary>What a rule sees: the snapshot, the document, and the document's links already resolved.</summary>
public sealed class RuleContext(
    GlossaryIndex index, ParsedDocument document, ImmutableArray<LinkResolution> linkResolutions, RuleDescriptor rule,
    DiagnosticSeverity severity, List<Diagnostic> sink)
{
    public GlossaryIndex Index { get; } = index;
    public ParsedDocument Document { get; } = document;
    /// <summary>One resolution per <see cref="ParsedDocument.Links"/> entry, same order.</summary>
    public ImmutableArray<LinkResolution> LinkResolutions { get; } = linkResolutions;

    /// <summary>The severity this rule reports at (configured, else its default).</summary>
    public DiagnosticSeverity Severity { get; } = severity;

    public void Report(TextSpan span, string message, IEnumerable<RelatedLocation>? related = null, IEnumerable<CodeFix>? fixes = null) =>
        Report(Severity, span, message, related, fixes);

    /// <summary>Reports at an explicit severity (a rule's milder variant of its finding).</summary>
    public void Report(DiagnosticSeverity severity, TextSpan span, string message, IEnumerable<RelatedLocation>? related = null, IEnumerable<CodeFix>? fixes = null) =>
        sink.Add(new Diagnostic(rule, severity, message, Document.Path, span, [.. related ?? []], [.. fixes ?? []]));
}
