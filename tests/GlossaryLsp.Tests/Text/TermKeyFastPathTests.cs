using System.Text;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Tests.Text;

/// <summary>The allocation-free fast path of <see cref="TermKey.Normalize"/> gives exactly the keys of the plain algorithm.</summary>
public class TermKeyFastPathTests
{
    [Theory]
    [InlineData("転移学習")]
    [InlineData("Transfer Learning")]
    [InlineData("transfer learning")]
    [InlineData(" Transfer  Learning ")]
    [InlineData("fine-tuning")]
    [InlineData("ふぁいんちゅーにんぐ")]
    [InlineData("ファインチューニング")]
    [InlineData("ｶﾀｶﾅ")]
    [InlineData("ＡＩ")]
    [InlineData("か\u3099")]
    [InlineData("Ä")]
    [InlineData("x\tY")]
    [InlineData("ΑΒΓ")]
    [InlineData("_lead")]
    [InlineData("trail ")]
    public void Keys_equal_the_plain_algorithm(string word) => TermKey.Normalize(word).Should().Be(Reference(word));

    /// <summary>The plain algorithm: NFKC always, then fold character by character.</summary>
    private static string Reference(string text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var nfkc = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder();
        bool pending = false;
        foreach (char raw in nfkc)
        {
            if (raw == '-' || raw == '_' || char.IsWhiteSpace(raw)) { pending = sb.Length > 0; continue; }
            if (pending) { sb.Append(' '); pending = false; }
            sb.Append(raw >= 'A' && raw <= 'Z' ? (char)(raw + 32) : raw < 0x80 ? raw
                : (raw >= '\u3041' && raw <= '\u3096') || raw == '\u309D' || raw == '\u309E' ? (char)(raw + 0x60) : char.ToLowerInvariant(raw));
        }
        return sb.ToString();
    }

    [Fact]
    public void Random_words_from_a_mixed_alphabet_give_the_same_keys()
    {
        const string alphabet = "aZ09 -_\tあがゔアガヴーｱｶﾞ漢字ＡＢ１\u3000\u3099ÄéΣ々〆";
        var rng = new Random(4);
        for (int i = 0; i < 5000; i++)
        {
            // Mostly entry-word lengths; some longer than the stack buffer of the folding pass (256).
            var chars = new char[i % 50 == 0 ? rng.Next(200, 600) : rng.Next(0, 8)];
            for (int j = 0; j < chars.Length; j++) chars[j] = alphabet[rng.Next(alphabet.Length)];
            var word = new string(chars);
            TermKey.Normalize(word).Should().Be(Reference(word), $"'{word}'");
        }
    }
}
