using GlossaryLsp.Core.Index;
using GlossaryLsp.Core.Linking;
using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Tests.Linking;

/// <summary>The walk of the mention trie along the variant fold finds exactly the keys whose fold is a prefix of the text's fold.</summary>
public class VariantWalkTests
{
    private const string Alphabet = "アァイィウゥバブヴーー・ aab1漢カ";

    [Fact]
    public void Finds_the_same_keys_as_folding_every_key()
    {
        var rng = new Random(5);
        for (int round = 0; round < 200; round++)
        {
            var keys = Enumerable.Range(0, 40).Select(_ => RandomKey(rng)).Where(k => k.Length > 0 && k[0] != VariantFold.ProlongedSoundMark).Distinct().ToList();
            var trie = KeyTrie.Build([.. keys]);
            for (int probe = 0; probe < 20; probe++)
            {
                var text = probe % 2 == 0 ? RandomKey(rng) + RandomKey(rng) : keys[rng.Next(keys.Count)] + RandomKey(rng);
                var fold = VariantFold.Fold(text);
                var found = new List<(int End, string Key)>();
                new VariantWalk().Walk(trie, fold, 0, found);
                var expected = keys.Select(k => (Fold: VariantFold.Fold(k), Key: k))
                    .Where(k => k.Fold.Length > 0 && fold.StartsWith(k.Fold, StringComparison.Ordinal))
                    .Select(k => (k.Fold.Length - 1, k.Key));
                found.Should().BeEquivalentTo(expected, $"text '{text}' (fold '{fold}'), keys {string.Join(", ", keys.Select(k => $"'{k}'"))}");
            }
        }
    }

    [Fact]
    public void Keys_of_the_snapshot_folded_like_a_key()
    {
        var w = FixtureWorkspace.Parse("""
            //- g.md
            <!-- 記事URL:https://example.com/g.md# -->

            ## サーバー | Fine-tuning
            - x
            ## サーバ | FineTuning
            - y
            ## サーヴァー | AI
            - z
            """);
        MentionScanner.KeysFoldedLike(w.Index, "サーバ").Should().BeEquivalentTo("サーバー", "サーヴァー");
        MentionScanner.KeysFoldedLike(w.Index, "fine tuning").Should().BeEquivalentTo("finetuning");
        MentionScanner.KeysFoldedLike(w.Index, "ai").Should().BeEmpty("entry words of fewer than 3 characters have no variants");
    }

    /// <summary>A mention-folded key: single spaces, none at the ends.</summary>
    private static string RandomKey(Random rng)
    {
        var chars = Enumerable.Range(0, rng.Next(1, 6)).Select(_ => Alphabet[rng.Next(Alphabet.Length)]).ToArray();
        return string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
