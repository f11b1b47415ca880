namespace GlossaryLsp.Core.Text;

/// <summary>
/// Variant folding (SPEC §8) of text already folded by <see cref="TermKey"/> (NFKC, lower case,
/// hiragana → katakana, separator runs → one space): small ァィゥェォ → アイウエオ; ヴァ ヴィ ヴ ヴェ ヴォ →
/// バ ビ ブ ベ ボ; ー removed; a run of spaces and ・ removed between two katakana, a run of spaces between
/// two ASCII letters or digits. Two spellings are notation variants when their folds are equal.
/// This transducer is the definition; <c>Linking/VariantWalk</c> follows it over a trie of keys.
/// </summary>
public static class VariantFold
{
    public const char ProlongedSoundMark = 'ー';
    public const char MiddleDot = '・';

    /// <summary>What a character is for the separator rule and the boundary rules.</summary>
    public enum Script : byte { None, Katakana, Latin, Hiragana, Other }

    /// <summary>The fold of a <see cref="TermKey"/>.</summary>
    public static string Fold(string key)
    {
        if (key.Length == 0) return key;
        Span<char> output = key.Length <= 256 ? stackalloc char[key.Length] : new char[key.Length];
        int n = Fold(key, output, default, default);
        return output[..n].SequenceEqual(key) ? key : new string(output[..n]);
    }

    /// <summary>
    /// Folds <paramref name="s"/> into <paramref name="output"/> (never longer than the input) and returns
    /// its length. When <paramref name="first"/> and <paramref name="last"/> are given, they receive for each
    /// output char the index of the first and last input char it comes from.
    /// </summary>
    public static int Fold(ReadOnlySpan<char> s, Span<char> output, Span<int> first, Span<int> last)
    {
        bool map = !first.IsEmpty;
        int o = 0;
        void Emit(Span<char> output, Span<int> first, Span<int> last, char c, int from, int to)
        {
            output[o] = c;
            if (map) { first[o] = from; last[o] = to; }
            o++;
        }
        for (int p = 0; p < s.Length; p++)
        {
            char c = s[p];
            if (c == ProlongedSoundMark) continue;
            if (c == 'ヴ')
            {
                if (p + 1 < s.Length && VuSyllable(s[p + 1]) is var v and not '\0') { Emit(output, first, last, v, p, p + 1); p++; }
                else Emit(output, first, last, 'ブ', p, p);
                continue;
            }
            if (IsSmallVowel(c)) { Emit(output, first, last, (char)(c + 1), p, p); continue; }
            if (IsSeparator(c))
            {
                int q = p;
                bool spacesOnly = true;
                while (q < s.Length && IsSeparator(s[q])) spacesOnly &= s[q++] == ' ';
                if (!IsRemovableRun(p > 0 ? Classify(s[p - 1]) : Script.None, q < s.Length ? Classify(s[q]) : Script.None, spacesOnly))
                    for (int r = p; r < q; r++) Emit(output, first, last, s[r], r, r);
                p = q - 1;
                continue;
            }
            Emit(output, first, last, c, p, p);
        }
        return o;
    }

    /// <summary>True when a run of separators between chars of these scripts is folded away.</summary>
    public static bool IsRemovableRun(Script before, Script after, bool spacesOnly) =>
        (before == Script.Katakana && after == Script.Katakana) || (spacesOnly && before == Script.Latin && after == Script.Latin);

    /// <summary>' ' (every separator after mention folding) and ・.</summary>
    public static bool IsSeparator(char c) => c is ' ' or MiddleDot;

    /// <summary>ァィゥェォ, which fold to the vowel one code point above.</summary>
    public static bool IsSmallVowel(char c) => (uint)(c - 'ァ') <= 'ォ' - 'ァ' && (c & 1) == ('ァ' & 1);

    /// <summary>The syllable ヴ followed by <paramref name="small"/> folds to, or '\0' (ヴ then folds to ブ).</summary>
    public static char VuSyllable(char small) => small switch { 'ァ' => 'バ', 'ィ' => 'ビ', 'ェ' => 'ベ', 'ォ' => 'ボ', _ => '\0' };

    /// <summary>The script of a folded char: katakana includes ー and the iteration marks, Latin is ASCII letters and digits.</summary>
    public static Script Classify(char c) => c switch
    {
        >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' => Script.Latin,
        >= '\u30A1' and <= '\u30FA' or ProlongedSoundMark or '\u30FD' or '\u30FE' or >= '\u31F0' and <= '\u31FF' => Script.Katakana,
        >= '\u3041' and <= '\u3096' or '\u309D' or '\u309E' => Script.Hiragana,
        _ => Script.Other,
    };

    /// <summary>How many code points a key has (entry words of fewer than 3 yield no variants).</summary>
    public static int CodePoints(string key)
    {
        int n = 0;
        for (int i = 0; i < key.Length; i++)
            if (!char.IsLowSurrogate(key[i])) n++;
        return n;
    }
}
