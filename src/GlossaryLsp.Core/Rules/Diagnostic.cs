using System.Collections.Immutable;
using GlossaryLsp.Core.Config;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Rules;

/// <summary>Another place a diagnostic involves (the other definition, the link's target, …).</summary>
public sealed record RelatedLocation(string Path, TextSpan Span, string Message);

/// <summary>Edits to one document.</summary>
public sealed record DocumentEdit(string Path, ImmutableArray<TextEdit> Edits);

/// <summary>An automatic fix: edits across one or more documents, ready for a code action or the CLI.</summary>
public sealed record CodeFix(string Title, ImmutableArray<DocumentEdit> Edits, bool IsPreferred = true)
{
    public static CodeFix Single(string title, string path, TextSpan span, string newText) =>
        new(title, [new DocumentEdit(path, [new TextEdit(span, newText)])]);
}

/// <summary>One finding: a value, never a protocol type.</summary>
public sealed record Diagnostic(
    RuleDescriptor Rule,
    DiagnosticSeverity Severity,
    string Message,
    string Path,
    TextSpan Span,
    ImmutableArray<RelatedLocation> Related,
    ImmutableArray<CodeFix> Fixes)
{
    public string Id => Rule.Id;
}
