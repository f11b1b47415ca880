using GlossaryLsp.Core.Parsing;

namespace GlossaryLsp.Core.Index;

/// <summary>A term by document and position in its document's <see cref="ParsedDocument.Terms"/>.</summary>
public readonly record struct TermRef(string Path, int Index, bool IsReading = false);
