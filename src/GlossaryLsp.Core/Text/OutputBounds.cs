namespace GlossaryLsp.Core.Text;

/// <summary>
/// SPEC §7 "Bounded output": what one answer holds grows with the findings, never with pairs of them.
/// A term defined in thousands of documents, or a heading with thousands of aliases, is described by
/// its nearest few and a count of the rest.
/// </summary>
public static class OutputBounds
{
    /// <summary>Related locations of one diagnostic (GL0005: the nearest other definitions).</summary>
    public const int RelatedLocations = 20;

    /// <summary>Documents a message or hover names; the rest are counted ("and N more").</summary>
    public const int NamedDocuments = 3;

    /// <summary>Entry words a message, completion detail or symbol detail lists; the rest are counted.</summary>
    public const int NamedEntryWords = 10;

    /// <summary>Aliases a hover or <c>glossary show</c> lists under the headword; the rest are counted.</summary>
    public const int ShownAliases = 20;

    /// <summary>Diagnostics of one document; beyond it one summary diagnostic counts the rest.</summary>
    public const int DiagnosticsPerDocument = 1000;
}
