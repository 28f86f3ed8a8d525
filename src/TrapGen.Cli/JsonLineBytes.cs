using System;
using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace TrapGen.Cli;

/// <summary>
/// Writes the bytes of one JSON line straight into an <see cref="IBufferWriter{T}"/>: the caller writes the
/// punctuation and property names as UTF-8 literals (<c>",\"ec\":"u8</c>) and the values through these methods,
/// which write them as <see cref="Utf8JsonWriter"/> does with <see cref="CliJson.LineOptions"/>: strings escaped by
/// its encoder, numbers in decimal. <see cref="Utf8JsonWriter"/> checks, escapes and makes room for every property
/// name and value in a call of its own; here the names are constants and a string is copied as it is unless it has a
/// character to escape, which a batch's strings almost never have.
/// </summary>
internal ref struct JsonLineBytes
{
    /// <summary>The bytes a string is copied as when every one is among them: printable ASCII but the quote and the backslash, which the line's encoder writes as they are.</summary>
    private static readonly SearchValues<byte> Plain = SearchValues.Create(" !#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~"u8);

    private readonly IBufferWriter<byte> output;
    private readonly KeptJsonStrings kept;
    private Span<byte> free;
    private int count;

    /// <summary>Starts writing at the end of <paramref name="output"/>.</summary>
    public JsonLineBytes(IBufferWriter<byte> output)
    {
        this.output = output;
        kept = KeptJsonStrings.Current;
        free = output.GetSpan();
        count = 0;
    }

    /// <summary>Writes <paramref name="bytes"/> as they are: punctuation and property names.</summary>
    public void Raw(ReadOnlySpan<byte> bytes)
    {
        Reserve(bytes.Length);
        bytes.CopyTo(free[count..]);
        count += bytes.Length;
    }

    /// <summary>Writes <paramref name="value"/> as a JSON string, or <c>null</c>.</summary>
    public void String(string? value)
    {
        if (value is null)
        {
            Raw("null"u8);
            return;
        }

        Reserve(value.Length + 2);
        var text = free[(count + 1)..];
        if (Ascii.FromUtf16(value, text, out var written) == OperationStatus.Done && !text[..written].ContainsAnyExcept(Plain))
        {
            free[count] = (byte)'"';
            text[written] = (byte)'"';
            count += written + 2;
            return;
        }

        // A character to escape, or one past ASCII: the encoder's own bytes.
        Raw("\""u8);
        Raw(JsonEncodedText.Encode(value, CliJson.LineOptions.Encoder).EncodedUtf8Bytes);
        Raw("\""u8);
    }

    /// <summary>Writes <paramref name="name"/> (a property's name, with what goes before it) and <paramref name="value"/> as a JSON string, or <c>null</c>.</summary>
    public void String(ReadOnlySpan<byte> name, string? value)
    {
        Raw(name);
        String(value);
    }

    /// <summary>
    /// Writes <paramref name="value"/> as <see cref="String(string?)"/> does, for a string that comes back as the same
    /// object value after value (a name from a table, a kept warning): its bytes are made once (<see cref="KeptJsonStrings"/>).
    /// </summary>
    public void Kept(string? value)
    {
        if (value is null)
        {
            Raw("null"u8);
        }
        else
        {
            Raw(kept.Of(value));
        }
    }

    /// <summary>Writes <paramref name="name"/> (a property's name, with what goes before it) and <paramref name="value"/> as <see cref="Kept(string?)"/> does.</summary>
    public void Kept(ReadOnlySpan<byte> name, string? value)
    {
        Raw(name);
        Kept(value);
    }

    /// <summary>Writes <paramref name="name"/> (a property's name, with what goes before it) and <paramref name="value"/> in decimal.</summary>
    public void Number(ReadOnlySpan<byte> name, long value)
    {
        Raw(name);
        Number(value);
    }

    /// <summary>Writes <paramref name="name"/> (a property's name, with what goes before it) and <c>true</c>, <c>false</c> or <c>null</c>.</summary>
    public void Boolean(ReadOnlySpan<byte> name, bool? value)
    {
        Raw(name);
        Boolean(value);
    }

    /// <summary>Writes <paramref name="value"/> in decimal.</summary>
    public void Number(long value)
    {
        Reserve(20);
        value.TryFormat(free[count..], out var written, default, CultureInfo.InvariantCulture);
        count += written;
    }

    /// <summary>Writes <c>true</c>, <c>false</c> or <c>null</c>.</summary>
    public void Boolean(bool? value) => Raw(value switch
    {
        true => "true"u8,
        false => "false"u8,
        null => "null"u8,
    });

    /// <summary>Writes <paramref name="value"/> with its contract, through <paramref name="writer"/> (one of <see cref="CliJson.LineOptions"/>).</summary>
    public void Serialize<T>(Utf8JsonWriter writer, T value, JsonTypeInfo<T> type)
    {
        Commit();
        writer.Reset(output);
        JsonSerializer.Serialize(writer, value, type);
        writer.Flush();
        free = output.GetSpan();
    }

    /// <summary>Hands what was written to the output; call once at the end.</summary>
    public void Commit()
    {
        output.Advance(count);
        count = 0;
        free = default;
    }

    /// <summary>Makes room for <paramref name="size"/> more bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Reserve(int size)
    {
        if (free.Length - count < size)
        {
            MoveOn(size);
        }
    }

    /// <summary>Hands what was written to the output and takes a new span of at least <paramref name="size"/> bytes.</summary>
    private void MoveOn(int size)
    {
        output.Advance(count);
        count = 0;
        free = output.GetSpan(size);
    }
}
