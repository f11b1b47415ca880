using GlossaryLsp.Core.Parsing;

namespace GlossaryLsp.Core.Index;

public enum LinkStatus
{
    /// <summary>The target document (and anchor, if any) exists.</summary>
    Resolved,
    /// <summary>Outside the glossary's published addresses (another site, mailto:, …): not checked.</summary>
    External,
    /// <summary>GL0001: no document at that URL or path.</summary>
    MissingDocument,
    /// <summary>GL0001: the path leaves the workspace (never read).</summary>
    OutsideWorkspace,
    /// <summary>GL0006: the anchor of a term-list link is not base64 of UTF-8 text.</summary>
    InvalidAnchor,
    /// <summary>GL0002: the document exists, the anchor does not.</summary>
    MissingAnchor,
}

/// <summary>Where a link leads. <see cref="Term"/>/<see cref="Heading"/> are set when the anchor names one.</summary>
public sealed record LinkResolution(
    LinkStatus Status,
    string? TargetPath = null,
    string? Fragment = null,
    TermDefinition? Term = null,
    Heading? Heading = null,
    /// <summary>For an unresolved link: the normalised path or URL that was looked for.</summary>
    string? LookedFor = null,
    /// <summary>For a missing document named by a URL or site path: the workspace path it maps to (a file or folder created there resolves it).</summary>
    string? MissingPath = null)
{
    public static readonly LinkResolution External = new(LinkStatus.External);
    public bool IsBroken => Status is LinkStatus.MissingDocument or LinkStatus.OutsideWorkspace or LinkStatus.InvalidAnchor or LinkStatus.MissingAnchor;
}
