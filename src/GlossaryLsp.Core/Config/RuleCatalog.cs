namespace GlossaryLsp.Core.Config;

/// <summary>
/// What a rule is: its fixed id, readable alias, title, default severity and help page. A rule that is
/// not <paramref name="EnabledByDefault"/> reports (at its default severity) only when the config gives it one.
/// </summary>
public sealed record RuleDescriptor(string Id, string Alias, string Title, DiagnosticSeverity DefaultSeverity, bool EnabledByDefault = true)
{
    /// <summary>Repository-relative path of the rule's documentation page.</summary>
    public string DocPath => DocPathOf(Id);
    /// <summary>The rule's help page (one string per rule: every diagnostic of a large workspace refers to it).</summary>
    public string HelpUri { get; } = "https://github.com/glossarylsp/glossarylsp/blob/main/" + DocPathOf(Id);

    private static string DocPathOf(string id) => $"docs/rules/{id}.md";
}

/// <summary>The fixed rule set of SPEC §2.</summary>
public static class RuleCatalog
{
    /// <summary>
    /// Not a rule of its own: the summary that stands for a document's diagnostics beyond SPEC §7's bound.
    /// Last in <see cref="All"/>, so the other rules keep their SARIF rule indexes.
    /// </summary>
    public static readonly RuleDescriptor GL0000 = new("GL0000", "too-many-diagnostics", "More diagnostics in the document than are reported", DiagnosticSeverity.Warning);
    public static readonly RuleDescriptor GL0001 = new("GL0001", "broken-link", "Link target document not found", DiagnosticSeverity.Error);
    public static readonly RuleDescriptor GL0002 = new("GL0002", "broken-anchor", "Link anchor not found", DiagnosticSeverity.Error);
    public static readonly RuleDescriptor GL0003 = new("GL0003", "stale-anchor-id", "Heading id is stale", DiagnosticSeverity.Warning);
    public static readonly RuleDescriptor GL0004 = new("GL0004", "duplicate-in-document", "Entry word defined twice in one document", DiagnosticSeverity.Error);
    public static readonly RuleDescriptor GL0005 = new("GL0005", "duplicate-across-documents", "Entry word defined in several documents", DiagnosticSeverity.Warning);
    public static readonly RuleDescriptor GL0006 = new("GL0006", "invalid-anchor", "Anchor is not valid base64 of UTF-8 text", DiagnosticSeverity.Error);
    public static readonly RuleDescriptor GL0007 = new("GL0007", "missing-article-url", "Glossary document lacks a well-formed article URL", DiagnosticSeverity.Warning);
    public static readonly RuleDescriptor GL0008 = new("GL0008", "front-matter", "Invalid front matter", DiagnosticSeverity.Error);
    public static readonly RuleDescriptor GL0009 = new("GL0009", "unlinked-mention", "Term mentioned without a link", DiagnosticSeverity.Information);
    public static readonly RuleDescriptor GL0010 = new("GL0010", "link-text-mismatch", "Link text is not an entry word of its target", DiagnosticSeverity.Warning);
    public static readonly RuleDescriptor GL0011 = new("GL0011", "empty-definition", "Term has an empty definition", DiagnosticSeverity.Warning);
    public static readonly RuleDescriptor GL0012 = new("GL0012", "article-url-mismatch", "Article URL breaks the URL-to-folder mapping", DiagnosticSeverity.Warning);
    public static readonly RuleDescriptor GL0013 = new("GL0013", "notation-variant", "Notation variant of a preferred form", DiagnosticSeverity.Warning);
    public static readonly RuleDescriptor GL0014 = new("GL0014", "unknown-keyword", "Keyword names no term of the workspace", DiagnosticSeverity.Information);
    public static readonly RuleDescriptor GL0015 =
        new("GL0015", "unused-term", "Term is not linked to or mentioned by any other document", DiagnosticSeverity.Information, EnabledByDefault: false);

    public static IReadOnlyList<RuleDescriptor> All { get; } =
        [GL0001, GL0002, GL0003, GL0004, GL0005, GL0006, GL0007, GL0008, GL0009, GL0010, GL0011, GL0012,
         GL0013, GL0014, GL0015, GL0000];

    /// <summary>Finds a rule by id or alias (case-insensitive).</summary>
    public static RuleDescriptor? Find(string idOrAlias) =>
        All.FirstOrDefault(r => string.Equals(r.Id, idOrAlias, StringComparison.OrdinalIgnoreCase)
                             || string.Equals(r.Alias, idOrAlias, StringComparison.OrdinalIgnoreCase));
}
