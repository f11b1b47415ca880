// Reads a didOpen's params as usual, then keeps the text as the string the loader already holds when
// they are equal (SharedTexts): the message itself is not touched.
using System.Text.Json;
using System.Text.Json.Serialization;
using GlossaryLsp.Server.Protocol;
using GlossaryLsp.Server.Workspace;

namespace GlossaryLsp.Server.Transport;

internal sealed class DidOpenParamsConverter(SharedTexts texts) : JsonConverter<DidOpenTextDocumentParams>
{
    public override DidOpenTextDocumentParams? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var read = JsonSerializer.Deserialize<DidOpenTextDocumentParams>(ref reader, LspJson.Options);
        if (read?.TextDocument?.Text is not { } text || texts.Share(text) is var shared && ReferenceEquals(shared, text)) return read;
        return new DidOpenTextDocumentParams(read.TextDocument with { Text = shared });
    }

    public override void Write(Utf8JsonWriter writer, DidOpenTextDocumentParams value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, LspJson.Options);
}
