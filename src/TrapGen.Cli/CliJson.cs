using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using TrapGen.Cli.Catalogues;
using TrapGen.Cli.Syndromes;
using TrapGen.Decoding;

namespace TrapGen.Cli;

/// <summary>The JSON the CLI prints, serialized by System.Text.Json's source generator (no reflection).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(CatalogueListing))]
[JsonSerializable(typeof(ArchitectureListing))]
[JsonSerializable(typeof(CpuListing))]
[JsonSerializable(typeof(SyndromeDescription))]
[JsonSerializable(typeof(EncodedInstruction))]
[JsonSerializable(typeof(IdentifierDescription))]
internal sealed partial class CliJsonContext : JsonSerializerContext;

/// <summary>Writes JSON: indented documents or one-line records, "\n" line endings and readable non-ASCII on every platform.</summary>
internal static class CliJson
{
    public static string Serialize<T>(T value, JsonTypeInfo<T> type, bool indented)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            JsonSerializer.Serialize(writer, value, type);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
