using System;
using System.Buffers;
using System.IO;
using System.Text;

namespace TrapGen.Cli;

/// <summary>
/// Block-buffered UTF-8 standard output that takes text as any <see cref="TextWriter"/> does and bytes as an
/// <see cref="IBufferWriter{T}"/>, in one buffer and in the order written: JSON Lines are written by
/// <see cref="System.Text.Json.Utf8JsonWriter"/> straight into it, instead of as UTF-8 turned into characters that
/// a <see cref="StreamWriter"/> turns back into UTF-8. Its text bytes are a <see cref="StreamWriter"/>'s with the
/// same encoding (UTF-8 without a byte order mark, invalid characters replaced).
/// </summary>
internal sealed class Utf8Output : TextWriter, IBufferWriter<byte>
{
    /// <summary>Enough room for any one character's bytes, so that every encoding step makes progress.</summary>
    private const int CharacterRoom = 16;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly Stream stream;
    private readonly Encoder encoder = Utf8.GetEncoder();
    private byte[] buffer;
    private int count;

    /// <summary>Writes to <paramref name="stream"/> in blocks of <paramref name="bufferSize"/> bytes.</summary>
    public Utf8Output(Stream stream, int bufferSize)
    {
        this.stream = stream;
        buffer = new byte[Math.Max(bufferSize, CharacterRoom)];
    }

    /// <inheritdoc/>
    public override Encoding Encoding => Utf8;

    /// <inheritdoc/>
    public override void Write(char value) => Write(new ReadOnlySpan<char>(in value));

    /// <inheritdoc/>
    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    /// <inheritdoc/>
    public override void Write(string? value) => Write(value.AsSpan());

    /// <inheritdoc/>
    public override void Write(ReadOnlySpan<char> buffer)
    {
        while (!buffer.IsEmpty)
        {
            if (this.buffer.Length - count < CharacterRoom)
            {
                WriteBuffer();
            }

            encoder.Convert(buffer, this.buffer.AsSpan(count), flush: false, out var charsUsed, out var bytesUsed, out _);
            count += bytesUsed;
            buffer = buffer[charsUsed..];
        }
    }

    /// <inheritdoc/>
    public override void Flush()
    {
        // As StreamWriter.Flush: a high surrogate left waiting for its pair is written as a replacement character.
        encoder.Convert(ReadOnlySpan<char>.Empty, buffer.AsSpan(count), flush: true, out _, out var bytesUsed, out _);
        count += bytesUsed;
        WriteBuffer();
        stream.Flush();
    }

    /// <inheritdoc/>
    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, buffer.Length - this.count);
        this.count += count;
    }

    /// <inheritdoc/>
    public Memory<byte> GetMemory(int sizeHint = 0) => buffer.AsMemory(Reserve(sizeHint));

    /// <inheritdoc/>
    public Span<byte> GetSpan(int sizeHint = 0) => buffer.AsSpan(Reserve(sizeHint));

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
            stream.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Makes room for at least <paramref name="sizeHint"/> bytes (one when 0) and returns where it starts.</summary>
    private int Reserve(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 1);
        if (buffer.Length - count < needed)
        {
            WriteBuffer();
            if (buffer.Length < needed)
            {
                buffer = new byte[needed];
            }
        }

        return count;
    }

    private void WriteBuffer()
    {
        if (count > 0)
        {
            stream.Write(buffer, 0, count);
            count = 0;
        }
    }
}
