using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Linking;

/// <summary>
/// Which variant-folded characters and character pairs a document's variant spans (<see cref="MentionScanner.VariantSpans"/>)
/// hold, as a Bloom filter: when an entry word changes, only documents that may hold its fold are
/// re-analysed for notation variants (<see cref="MayContain"/> is never false for a fold the spans hold,
/// and rarely true for one they do not). Immutable.
/// </summary>
public sealed class VariantSignature
{
    private const int BitsPerPair = 6;
    /// <summary>The second half of the code of a single char (no folded text holds U+FFFE).</summary>
    private const char Alone = '\uFFFE';
    private readonly ulong[] _bits;

    private VariantSignature(ulong[] bits) => _bits = bits;

    public static VariantSignature Of(ParsedDocument document)
    {
        var pairs = new HashSet<int>();
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
                    pairs.Add(Code(fold[i], Alone));
                    if (i + 1 < n) pairs.Add(Code(fold[i], fold[i + 1]));
                }
            }
        }
        // A power of two of at least BitsPerPair bits per distinct pair.
        int words = 1;
        while (words * 64 < pairs.Count * BitsPerPair) words <<= 1;
        var bits = new ulong[words];
        foreach (int code in pairs)
            foreach (int bit in Bits(code, words * 64)) bits[bit >> 6] |= 1UL << (bit & 63);
        return new VariantSignature(bits);
    }

    /// <summary>False only when no variant span of the document can hold a stretch whose variant fold is <paramref name="fold"/>.</summary>
    public bool MayContain(string fold)
    {
        if (fold.Length == 0) return false;
        if (fold.Length == 1) return Has(Code(fold[0], Alone));
        for (int i = 0; i + 1 < fold.Length; i++)
            if (!Has(Code(fold[i], fold[i + 1]))) return false;
        return true;
    }

    private static int Code(char a, char b) => a << 16 | b;

    /// <summary>Three bit positions of a pair in a filter of <paramref name="size"/> bits (a power of two).</summary>
    private static IEnumerable<int> Bits(int code, int size)
    {
        uint h = (uint)code * 0x9E3779B1u;
        uint g = ((uint)code ^ 0x85EBCA6Bu) * 0xC2B2AE35u | 1;
        for (uint k = 0; k < 3; k++) yield return (int)((h + k * g) & (uint)(size - 1));
    }

    private bool Has(int code)
    {
        foreach (int bit in Bits(code, _bits.Length * 64))
            if ((_bits[bit >> 6] & (1UL << (bit & 63))) == 0) return false;
        return true;
    }
}
