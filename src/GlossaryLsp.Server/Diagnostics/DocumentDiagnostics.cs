using System.Collections.Immutable;
using LspDiagnostic = GlossaryLsp.Server.Protocol.Diagnostic;

namespace GlossaryLsp.Server.Diagnostics;

/// <summary>A document's diagnostics: the core values (for code actions), the protocol form and a result id naming its content.</summary>
public sealed record DocumentDiagnostics(ImmutableArray<Core.Rules.Diagnostic> Core, IReadOnlyList<LspDiagnostic> Items, string ResultId);
