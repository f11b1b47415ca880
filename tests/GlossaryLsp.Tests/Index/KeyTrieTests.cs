using GlossaryLsp.Core.Index;

namespace GlossaryLsp.Tests.Index;

/// <summary>The compact trie holds exactly its keys (duplicates collapse), and walking it char by char finds each.</summary>
public class KeyTrieTests
{
    [Fact]
    public void Holds_exactly_the_keys_it_was_built_from()
    {
        const string alphabet = "abあア語\uD83D\uDE00";
        var rng = new Random(11);
        for (int round = 0; round < 200; round++)
        {
            var keys = new List<string>();
            for (int i = rng.Next(0, 40); i > 0; i--)
                keys.Add(new string(Enumerable.Range(0, rng.Next(0, 6)).Select(_ => alphabet[rng.Next(alphabet.Length)]).ToArray()));
            var set = keys.ToHashSet(StringComparer.Ordinal);
            var trie = KeyTrie.Build([.. keys]);
            trie.KeyCount.Should().Be(set.Count);
            foreach (var key in set)
            {
                trie.Contains(key).Should().BeTrue(key);
                int node = 0;
                foreach (char c in key) node = trie.Step(node, c);
                trie.KeyAt(node).Should().Be(key);
            }
            for (int i = 0; i < 40; i++)
            {
                var probe = new string(Enumerable.Range(0, rng.Next(0, 6)).Select(_ => alphabet[rng.Next(alphabet.Length)]).ToArray());
                trie.Contains(probe).Should().Be(set.Contains(probe), probe);
            }
        }
    }
}
