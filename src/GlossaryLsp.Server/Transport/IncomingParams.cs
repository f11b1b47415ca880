// A message's params as its handler's type, deserialized by StreamJsonRpc straight from the message
// with the server's serializer options (not through a JsonElement, which System.Text.Json would copy
// and parse again: for a didOpen, its whole text). Params that do not fit the type keep the reason,
// so that the server answers InvalidParams with its own message (and logs it) rather than StreamJsonRpc's.
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using GlossaryLsp.Server.Protocol;

namespace GlossaryLsp.Server.Transport;

[JsonConverter(typeof(IncomingParamsConverter))]
internal sealed class IncomingParams<T>(T? value, Exception? error)
{
    public T? Value { get; } = value;
    public Exception? Error { get; } = error;
}

internal sealed class IncomingParamsConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(IncomingParams<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert.GetGenericArguments()))!;

    private sealed class Converter<T> : JsonConverter<IncomingParams<T>>
    {
        /// <summary>Methods without params accept whatever a client sends (null, [], [null], {}).</summary>
        private static readonly bool Ignored = typeof(T).GetCustomAttribute<NoParamsAttribute>() is not null;

        public override IncomingParams<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var start = reader;
            if (!Ignored)
            {
                try
                {
                    return new IncomingParams<T>(JsonSerializer.Deserialize<T>(ref reader, options), null);
                }
                catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
                {
                    reader = start;
                    reader.Skip();
                    return new IncomingParams<T>(default, e);
                }
            }
            reader.Skip();
            return new IncomingParams<T>(default, null);
        }

        public override void Write(Utf8JsonWriter writer, IncomingParams<T> value, JsonSerializerOptions options) =>
            throw new NotSupportedException("params are only read");
    }
}
