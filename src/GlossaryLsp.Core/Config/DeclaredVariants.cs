using System.Collections.Immutable;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Config;

/// <summary>A form <c>glossary.yml</c>'s <c>variants:</c> declares non-preferred, its preferred form, and the line that says so (1-based).</summary>
public sealed record DeclaredVariant(string Form, string Preferred, int Line);

/// <summary>
/// The declared non-preferred forms of a configuration, by the first char of their <see cref="TermKey"/>
/// so that a scan asks one hash look-up per position. Immutable once made.
/// </summary>
public sealed class DeclaredVariants
{
    private readonly Dictionary<char, (string Key, DeclaredVariant Variant)[]> _byFirstChar;

    public DeclaredVariants(IEnumerable<DeclaredVariant> variants)
    {
        All = [.. variants];
        _byFirstChar = All.Select(v => (Key: TermKey.Normalize(v.Form), Variant: v)).Where(x => x.Key.Length > 0)
            .GroupBy(x => x.Key[0])
            .ToDictionary(g => g.Key, g => g.OrderByDescending(x => x.Key.Length).ToArray());
    }

    public static DeclaredVariants None { get; } = new([]);

    public ImmutableArray<DeclaredVariant> All { get; }

    public bool IsEmpty => All.IsEmpty;

    /// <summary>The declared forms whose key starts with <paramref name="c"/>, longest first.</summary>
    public ReadOnlySpan<(string Key, DeclaredVariant Variant)> StartingWith(char c) =>
        _byFirstChar.TryGetValue(c, out var list) ? list : default;
}
