using System.Text.Json;
using System.Text.Json.Serialization;

namespace GlossaryLsp.Server.Protocol;

/// <summary>The one set of serializer options for every protocol message.</summary>
public static class LspJson
{
    /// <summary>
    /// How deeply a message may nest (System.Text.Json's default, stated once): the inbound filter drops a
    /// deeper message before StreamJsonRpc reads it, which would otherwise end the connection.
    /// </summary>
    public const int MaxDepth = 64;

    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>The <c>data</c> a server put on an item for its resolve, read back; null when it is missing or not of that shape.</summary>
    public static T? ReadData<T>(JsonElement? data) where T : class
    {
        if (data is not { ValueKind: JsonValueKind.Object } element) return null;
        try { return element.Deserialize<T>(Options); }
        catch (JsonException) { return null; }
    }

    public static JsonSerializerOptions Create() => new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.Strict,
        AllowTrailingCommas = true,
        MaxDepth = MaxDepth,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
