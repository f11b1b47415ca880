using GlossaryLsp.Core.Text;
using Script = GlossaryLsp.Core.Text.VariantFold.Script;

namespace GlossaryLsp.Core.Linking;

/// <summary>
/// The boundary rules of notation variants and declared forms (SPEC §8), checked on the original text
/// (after NFKC of the characters involved): a katakana edge must not touch katakana, ー or ・ (so サーバ is
/// never found inside サーバー); a Latin edge must not touch an ASCII letter or digit; a hiragana edge must
/// not touch hiragana (only a change of script marks a word's edge in Japanese); kanji and other edges
/// need nothing.
/// </summary>
internal static class VariantBoundaries
{
    /// <summary>True when a variant may start at <paramref name="start"/>.</summary>
    public static bool StartOk(string text, int start)
    {
        if (start >= text.Length) return false;
        return start == 0 || !Blocks(Of(First(text, start, out _)), Last(text, start));
    }

    /// <summary>True when a variant may end at <paramref name="end"/>.</summary>
    public static bool EndOk(string text, int end)
    {
        if (end <= 0) return false;
        return end >= text.Length || !Blocks(Of(Last(text, end)), First(text, end, out _));
    }

    /// <summary>True when an edge of script <paramref name="edge"/> may not touch the (NFKC) char <paramref name="neighbour"/>.</summary>
    public static bool Blocks(Script edge, char neighbour) => Blocks(edge, Of(neighbour), neighbour == VariantFold.MiddleDot);

    /// <summary>True when an edge of script <paramref name="edge"/> may not touch a neighbour of script <paramref name="neighbour"/> (or ・).</summary>
    public static bool Blocks(Script edge, Script neighbour, bool neighbourIsMiddleDot) => edge switch
    {
        Script.Katakana => neighbour == Script.Katakana || neighbourIsMiddleDot,
        Script.Latin or Script.Hiragana => neighbour == edge,
        _ => false,
    };

    /// <summary>The script of an original (NFKC) char, hiragana told apart from katakana.</summary>
    public static Script Of(char c) => VariantFold.Classify(c);

    /// <summary>The first char of the NFKC of the character (with its combining marks) at <paramref name="i"/>.</summary>
    private static char First(string text, int i, out int end)
    {
        char c = text[i];
        end = i + (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1);
        while (end < text.Length && IsMark(text[end])) end++;
        if (end == i + 1 && IsStable(c)) return c;
        var n = end == i + 1 ? FoldedText.NormalizeChar(c) : FoldedText.NormalizeGroup(text[i..end]);
        return n.Length > 0 ? n[0] : c;
    }

    /// <summary>The last char of the NFKC of the character (with its combining marks) that ends at <paramref name="end"/>.</summary>
    private static char Last(string text, int end)
    {
        int i = end - 1;
        while (i > 0 && IsMark(text[i])) i--;
        if (char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1])) i--;
        if (end == i + 1 && IsStable(text[i])) return text[i];
        var n = end == i + 1 ? FoldedText.NormalizeChar(text[i]) : FoldedText.NormalizeGroup(text[i..end]);
        return n.Length > 0 ? n[^1] : text[end - 1];
    }

    /// <summary>Characters NFKC leaves alone when no mark follows: ASCII, kana (not half-width) and CJK ideographs.</summary>
    private static bool IsStable(char c) => c < 0x80 || c is >= '\u3041' and <= '\u3096' or >= '\u30A1' and <= '\u30FC' or >= '\u4E00' and <= '\u9FFF';

    /// <summary>The combining (semi-)voiced sound marks of kana, which belong to the character before them.</summary>
    private static bool IsMark(char c) => c is '\u3099' or '\u309A' or '\uFF9E' or '\uFF9F';
}
