using GlossaryLsp.Core.Parsing;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Core.Linking;

/// <summary>
/// Which variant-folded characters, pairs and runs of four characters a document's variant spans
/// (<see cref="MentionScanner.VariantSpans"/>) hold, as a Bloom filter: when an entry word changes, only
/// documents that may hold its fold are re-analysed for notation variants (<see cref="MayContain"/> is never
/// false for a fold the spans hold, and rarely true for one they do not). Runs of four, because documents
/// written with one vocabulary hold nearly every pair and triple of a new word's fold (English prose holds
/// both triples of <c>hict</c>). Immutable.
/// </summary>
public sealed class VariantSignature
{
    private const int BitsPerCode = 12;
    /// <summary>The missing chars of the code of a single char or a pair (no folded text holds U+FFFE).</summary>
    private const char Alone = '\uFFFE';
    private readonly ulong[] _bits;

    private VariantSignature(ulong[] bits) => _bits = bits;

    /// <param name="codes">An empty set to collect the codes in (cleared before returning), so that signatures made one after
    /// the other reuse one set: a document's codes are thousands.</param>
    public static VariantSignature Of(ParsedDocument document, HashSet<ulong>? codes = null)
    {
        codes ??= [];
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
                    codes.Add(Code(fold[i], Alone, Alone, Alone));
                    if (i + 1 < n) codes.Add(Code(fold[i], fold[i + 1], Alone, Alone));
                    if (i + 3 < n) codes.Add(Code(fold[i], fold[i + 1], fold[i + 2], fold[i + 3]));
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
        codes.Clear();
        return new VariantSignature(bits);
    }

    /// <summary>False only when no variant span of the document can hold a stretch whose variant fold is <paramref name="fold"/>.</summary>
    public bool MayContain(string fold)
    {
        if (fold.Length == 0) return false;
        if (fold.Length == 1) return Has(Code(fold[0], Alone, Alone, Alone));
        if (fold.Length < 4)
        {
            for (int i = 0; i + 1 < fold.Length; i++)
                if (!Has(Code(fold[i], fold[i + 1], Alone, Alone))) return false;
            return true;
        }
        for (int i = 0; i + 3 < fold.Length; i++)
            if (!Has(Code(fold[i], fold[i + 1], fold[i + 2], fold[i + 3]))) return false;
        return true;
    }

    private static ulong Code(char a, char b, char c, char d) => (ulong)a << 48 | (ulong)b << 32 | (ulong)c << 16 | d;

    /// <summary>The i-th (0–3) of a code's four bit positions in a filter of <paramref name="size"/> bits (a power of two).</summary>
    /// <remarks>Double hashing from the two halves of a full 64-bit mix (splitmix64's finalizer): positions from a weaker mix
    /// depended on a few bits of the code only, and words of a few letters collided.</remarks>
    private static int Bit(ulong code, uint i, int size)
    {
        ulong z = code + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        uint h = (uint)z, g = (uint)(z >> 32) | 1;
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
