using System;
using System.Buffers;
using System.Runtime.CompilerServices;

namespace TrapGen.Cli;

/// <summary>
/// The JSON bytes (quoted and escaped) of strings a batch writes again and again as the same object: exception class
/// and layout names, field names and meanings, warnings. A slot a string, found by its identity hash and checked by
/// reference, so each such string is escaped and encoded once; a string made anew only takes a slot over.
/// </summary>
internal sealed class KeptJsonStrings
{
    /// <summary>Slots: 2^12, more than the distinct kept strings a batch meets.</summary>
    private const int SlotBits = 12;

    /// <summary>This thread's strings.</summary>
    [ThreadStatic]
    private static KeptJsonStrings? current;

    private readonly (string? Text, byte[] Json)[] slots = new (string?, byte[])[1 << SlotBits];

    /// <summary>Gets this thread's strings (a thread-static lookup: once a line, not once a string).</summary>
    public static KeptJsonStrings Current => current ??= new KeptJsonStrings();

    /// <summary>The JSON string <paramref name="value"/> is, as <see cref="JsonLineBytes.String(string?)"/> writes it.</summary>
    public ReadOnlySpan<byte> Of(string value)
    {
        ref var slot = ref slots[RuntimeHelpers.GetHashCode(value) & ((1 << SlotBits) - 1)];
        if (!ReferenceEquals(slot.Text, value))
        {
            var bytes = new ArrayBufferWriter<byte>(value.Length + 2);
            var json = new JsonLineBytes(bytes);
            json.String(value);
            json.Commit();
            slot = (value, bytes.WrittenSpan.ToArray());
        }

        return slot.Json;
    }
}
