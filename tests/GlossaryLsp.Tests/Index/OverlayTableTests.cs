using FluentAssertions;
using GlossaryLsp.Core.Index;
using Xunit;

namespace GlossaryLsp.Tests.Index;

/// <summary>The tables of a snapshot (a hash table plus a persistent overlay) behave like a dictionary, and earlier tables keep their entries.</summary>
public class OverlayTableTests
{
    [Fact]
    public void Changes_add_replace_and_remove_keys_without_touching_the_earlier_table()
    {
        var table = new OverlayTable<TermRef[]>(new Dictionary<string, TermRef[]>(StringComparer.Ordinal) { ["a"] = Refs("x.md"), ["b"] = Refs("y.md") });
        var next = table.With([new("a", null), new("c", Refs("z.md")), new("b", Refs("y.md", "z.md"))]);

        next.Count.Should().Be(2);
        next.ContainsKey("a").Should().BeFalse();
        next["b"].Should().HaveCount(2);
        next["c"].Should().Equal(Refs("z.md"));
        next.Keys.Should().BeEquivalentTo(["b", "c"]);
        table.Count.Should().Be(2);
        table["a"].Should().Equal(Refs("x.md"));
        table.ContainsKey("c").Should().BeFalse();
        next.With([new("missing", null)]).Should().BeSameAs(next);
    }

    private static TermRef[] Refs(params string[] paths) => [.. paths.Select((p, i) => new TermRef(p, i))];

    [Fact]
    public void Random_changes_give_the_entries_of_a_plain_dictionary_across_overlay_compaction()
    {
        var rng = new Random(7);
        var reference = new Dictionary<string, TermRef[]>(StringComparer.Ordinal);
        for (int i = 0; i < 3000; i++) reference[$"k{i}"] = Refs($"d{i % 50}.md");
        var table = new OverlayTable<TermRef[]>(new Dictionary<string, TermRef[]>(reference, StringComparer.Ordinal));
        var snapshots = new List<(OverlayTable<TermRef[]> Table, Dictionary<string, TermRef[]> Expected)>();
        for (int step = 0; step < 400; step++)
        {
            var changes = new Dictionary<string, TermRef[]?>(StringComparer.Ordinal);
            for (int c = 0; c < 10; c++)
            {
                var key = $"k{rng.Next(4000)}";
                changes[key] = rng.Next(3) == 0 ? null : Refs($"e{rng.Next(50)}.md");
            }
            table = table.With(changes);
            foreach (var (key, value) in changes)
                if (value is null) reference.Remove(key); else reference[key] = value;
            if (step % 100 == 0) snapshots.Add((table, new Dictionary<string, TermRef[]>(reference, StringComparer.Ordinal)));
            table.Count.Should().Be(reference.Count);
        }
        table.ToDictionary(kv => kv.Key, kv => kv.Value).Should().BeEquivalentTo(reference);
        foreach (var key in Enumerable.Range(0, 4000).Select(i => $"k{i}"))
            table.TryGetValue(key, out var value).Should().Be(reference.TryGetValue(key, out var expected));
        foreach (var (old, expected) in snapshots)
            old.ToDictionary(kv => kv.Key, kv => kv.Value).Should().BeEquivalentTo(expected);
    }
}
