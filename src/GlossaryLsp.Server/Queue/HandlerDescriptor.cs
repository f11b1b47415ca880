using System.Reflection;
using System.Text.Json;
using GlossaryLsp.Server.Protocol;

namespace GlossaryLsp.Server.Queue;

/// <summary>One LSP method: its handler instance, params type and a typed invoker. Built by reflection over the handler classes.</summary>
internal sealed class HandlerDescriptor
{
    public required string Method { get; init; }
    public required bool Mutates { get; init; }
    public required bool IsNotification { get; init; }
    public required Type ParamsType { get; init; }
    public required Type HandlerType { get; init; }
    public required Func<object?, RequestContext, CancellationToken, Task<object?>> Invoke { get; init; }

    /// <summary>Every class with <see cref="LspMethodAttribute"/> among the types (one per method; a duplicate is a bug).</summary>
    public static IReadOnlyList<HandlerDescriptor> Discover(IEnumerable<Type> types)
    {
        var result = new Dictionary<string, HandlerDescriptor>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            if (type.GetCustomAttribute<LspMethodAttribute>() is not { } attribute || type.IsAbstract) continue;
            var descriptor = Create(type, attribute);
            if (!result.TryAdd(descriptor.Method, descriptor))
                throw new InvalidOperationException($"two handlers for {descriptor.Method}: {result[descriptor.Method].HandlerType.Name} and {type.Name}");
        }
        return [.. result.Values.OrderBy(d => d.Method, StringComparer.Ordinal)];
    }

    public object? DeserializeParams(JsonElement? element)
    {
        // Methods without params accept whatever a client sends (null, [], [null], {}).
        if (ParamsType.GetCustomAttribute<NoParamsAttribute>() is not null) return null;
        if (element is not { } e || e.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            return ParamsType.IsValueType ? Activator.CreateInstance(ParamsType) : null;
        return e.Deserialize(ParamsType, LspJson.Options);
    }

    private static HandlerDescriptor Create(Type type, LspMethodAttribute attribute)
    {
        var instance = Activator.CreateInstance(type) ?? throw new InvalidOperationException($"cannot create {type.Name}");
        foreach (var i in type.GetInterfaces().Where(i => i.IsGenericType))
        {
            var def = i.GetGenericTypeDefinition();
            var args = i.GetGenericArguments();
            if (def == typeof(ILspRequestHandler<,>))
            {
                var m = typeof(HandlerDescriptor).GetMethod(nameof(ForRequest), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(args);
                var invoke = (Func<object?, RequestContext, CancellationToken, Task<object?>>)m.Invoke(null, [instance])!;
                return new HandlerDescriptor
                {
                    Method = attribute.Method, Mutates = attribute.Mutates, IsNotification = false, ParamsType = args[0], HandlerType = type, Invoke = invoke,
                };
            }
            if (def == typeof(ILspNotificationHandler<>))
            {
                var m = typeof(HandlerDescriptor).GetMethod(nameof(ForNotification), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(args);
                var invoke = (Func<object?, RequestContext, CancellationToken, Task<object?>>)m.Invoke(null, [instance])!;
                return new HandlerDescriptor
                {
                    Method = attribute.Method, Mutates = attribute.Mutates, IsNotification = true, ParamsType = args[0], HandlerType = type, Invoke = invoke,
                };
            }
        }
        throw new InvalidOperationException($"{type.Name} has [LspMethod] but implements neither ILspRequestHandler<,> nor ILspNotificationHandler<>");
    }

    private static Func<object?, RequestContext, CancellationToken, Task<object?>> ForRequest<TParams, TResult>(ILspRequestHandler<TParams, TResult> handler) =>
        async (p, context, ct) => await handler.HandleAsync((TParams)p!, context, ct).ConfigureAwait(false);

    private static Func<object?, RequestContext, CancellationToken, Task<object?>> ForNotification<TParams>(ILspNotificationHandler<TParams> handler) =>
        async (p, context, ct) =>
        {
            await handler.HandleAsync((TParams)p!, context, ct).ConfigureAwait(false);
            return null;
        };
}
