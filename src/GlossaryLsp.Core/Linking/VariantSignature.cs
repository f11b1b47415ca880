using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Linking;

/// <summary>
/// Which variant-folded characters, pairs and triples of characters a document's variant spans
/// (<see cref="MentionScanner.VariantSpans"/>) hold, as a Bloom filter: when an entry word changes, only
/// documents that may hold its fold are re-analysed for notation variants (<see cref="MayContain"/> is never
/// false for a fold the spans hold, and rarely true for one they do not). Triples, because documents
/// written with one vocabulary hold nearly every pair of a new word's fold. Immutable.
/// </summary>
public sealed class VariantSignature
{
    private const int BitsPerCode = 12;
    /// <summary>The missing chars of the code of a single char or a pair (no folded text holds U+FFFE).</summary>
    private const char Alone = '\uFFFE';
    private readonly ulong[] _bits;

    private VariantSignature(ulong[] bits) => _bits = bits;

    public static VariantSignature Of(ParsedDocument document)
    {
        var codes = new HashSet<ulong>();
        if (document.LoadProblem is null)
        {
            var folded = new FoldedText();
            var fold = new char[256];
            foreach (var span in MentionScanner.VariantSpans(document))
            {
                folded.Fill(document.Text, span);
                if (fold.Length < folded.Length) fold = new char[folded.Length];
                int n = VariantFold.Fold(folded.Chars.AsSpan(0, folded.Length), fold, default, default);
                for (int i = 0; i < n; i++)
                {
                    codes.Add(Code(fold[i], Alone, Alone));
                    if (i + 1 < n) codes.Add(Code(fold[i], fold[i + 1], Alone));
                    if (i + 2 < n) codes.Add(Code(fold[i], fold[i + 1], fold[i + 2]));
                }
            }
        }
        // A power of two of at least BitsPerCode bits per distinct code.
        int words = 1;
        while (words * 64 < codes.Count * BitsPerCode) words <<= 1;
        var bits = new ulong[words];
        foreach (ulong code in codes)
            for (uint i = 0; i < 4; i++)
            {
                int bit = Bit(code, i, words * 64);
                bits[bit >> 6] |= 1UL << (bit & 63);
            }
        return new VariantSignature(bits);
    }

    /// <summary>False only when no variant span of the document can hold a stretch whose variant fold is <paramref name="fold"/>.</summary>
    public bool MayContain(string fold)
    {
        if (fold.Length == 0) return false;
        if (fold.Length == 1) return Has(Code(fold[0], Alone, Alone));
        if (fold.Length == 2) return Has(Code(fold[0], fold[1], Alone));
        for (int i = 0; i + 2 < fold.Length; i++)
            if (!Has(Code(fold[i], fold[i + 1], fold[i + 2]))) return false;
        return true;
    }

    private static ulong Code(char a, char b, char c) => (ulong)a << 32 | (ulong)b << 16 | c;

    /// <summary>The i-th (0–3) of a code's four bit positions in a filter of <paramref name="size"/> bits (a power of two).</summary>
    private static int Bit(ulong code, uint i, int size)
    {
        uint mixed = (uint)(code * 0x9E3779B97F4A7C15UL >> 32);
        uint h = mixed * 0x9E3779B1u;
        uint g = (mixed ^ 0x85EBCA6Bu) * 0xC2B2AE35u | 1;
        return (int)((h + i * g) & (uint)(size - 1));
    }

    private bool Has(ulong code)
    {
        for (uint i = 0; i < 4; i++)
        {
            int bit = Bit(code, i, _bits.Length * 64);
            if ((_bits[bit >> 6] & (1UL << (bit & 63))) == 0) return false;
        }
        return true;
    }
}
