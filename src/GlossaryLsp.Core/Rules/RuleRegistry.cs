namespace GlossaryLsp.Core.Rules;

/// <summary>Discovers the rule classes of this assembly (one file per rule), in id order.</summary>
internal static class RuleRegistry
{
    public static IReadOnlyList<Rule> Create() =>
        [.. typeof(Rule).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.IsSubclassOf(typeof(Rule)) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (Rule)Activator.CreateInstance(t)!)
            .OrderBy(r => r.Descriptor.Id, StringComparer.Ordinal)];
}
