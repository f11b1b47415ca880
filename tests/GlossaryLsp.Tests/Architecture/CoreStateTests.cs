using System.Reflection;
using System.Runtime.CompilerServices;

namespace GlossaryLsp.Tests.Architecture;

/// <summary>Core keeps no state of its own: what it derives lives on the snapshot it derives from.</summary>
public class CoreStateTests
{
    [Fact]
    public void Core_has_no_static_mutable_fields()
    {
        StaticFields().Where(f => !f.IsInitOnly).Select(f => $"{f.DeclaringType!.FullName}.{f.Name}")
            .Should().BeEmpty("a static field shares state between snapshots and workspace folders");
    }

    private static IEnumerable<FieldInfo> StaticFields() =>
        typeof(GlossaryLsp.Core.Index.GlossaryIndex).Assembly.GetTypes()
            .Where(t => !t.IsDefined(typeof(CompilerGeneratedAttribute), false) && !t.Name.StartsWith('<'))
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(f => !f.IsLiteral && !f.IsDefined(typeof(CompilerGeneratedAttribute), false));

    [Fact]
    public void Core_has_no_static_conditional_weak_table()
    {
        StaticFields().Where(f => f.FieldType.IsGenericType && f.FieldType.GetGenericTypeDefinition() == typeof(ConditionalWeakTable<,>))
            .Select(f => $"{f.DeclaringType!.FullName}.{f.Name}")
            .Should().BeEmpty("derived data is cached on the snapshot's derived tables, not keyed by object in a static table");
    }
}
