using System;
using System.Buffers;
using System.IO;
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

    /// <summary>The options of a JSON line: no indentation, readable non-ASCII, and no check of the writer's calls (the contract and SyndromeJson make well-formed JSON, and the tests parse it).</summary>
    public static JsonWriterOptions LineOptions { get; } = new() { Indented = false, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    /// <summary>The buffers of <see cref="WriteLine"/>, kept from one record to the next.</summary>
    [ThreadStatic]
    private static LineBuffers? lineBuffers;

    /// <summary>
    /// Writes <paramref name="value"/> to <paramref name="output"/> as one line (JSON Lines): the bytes of
    /// <see cref="Serialize"/> with <c>indented: false</c>, through buffers reused from record to record, so a
    /// batch of values allocates no buffer or string per record. When <paramref name="output"/> takes bytes
    /// (<see cref="Utf8Output"/>, standard output in a batch), the JSON is written straight into its buffer.
    /// </summary>
    /// <param name="output">Where the line goes.</param>
    /// <param name="value">The record.</param>
    /// <param name="type">Its JSON contract.</param>
    /// <param name="write">Writes the record's bytes as <paramref name="type"/> does, faster; or null to use <paramref name="type"/>.</param>
    public static void WriteLine<T>(TextWriter output, T value, JsonTypeInfo<T> type, Action<IBufferWriter<byte>, T>? write = null)
    {
        var buffers = lineBuffers ??= new LineBuffers();
        if (output is IBufferWriter<byte> bytes)
        {
            Write(buffers.Writer, bytes, value, type, write);
            output.WriteLine();
            return;
        }

        buffers.Bytes.ResetWrittenCount();
        Write(buffers.Writer, buffers.Bytes, value, type, write);
        var written = buffers.Bytes.WrittenSpan;
        if (buffers.Chars.Length < written.Length)
        {
            buffers.Chars = new char[Math.Max(written.Length, buffers.Chars.Length * 2)];
        }

        var count = Encoding.UTF8.GetChars(written, buffers.Chars);
        output.Write(buffers.Chars, 0, count);
        output.WriteLine();
    }

    private static void Write<T>(Utf8JsonWriter writer, IBufferWriter<byte> destination, T value, JsonTypeInfo<T> type, Action<IBufferWriter<byte>, T>? write)
    {
        if (write is not null)
        {
            write(destination, value);
            return;
        }

        writer.Reset(destination);
        JsonSerializer.Serialize(writer, value, type);
        writer.Flush();
    }

    /// <summary>One JSON line's UTF-8 bytes, its writer and its characters.</summary>
    private sealed class LineBuffers
    {
        public ArrayBufferWriter<byte> Bytes { get; } = new(4096);

        public Utf8JsonWriter Writer { get; }

        public char[] Chars { get; set; } = new char[4096];

        public LineBuffers() => Writer = new Utf8JsonWriter(Bytes, LineOptions);
    }
}
