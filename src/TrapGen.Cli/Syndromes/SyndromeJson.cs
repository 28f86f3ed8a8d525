using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Json;
using TrapGen.Architecture;
using TrapGen.Decoding;

namespace TrapGen.Cli.Syndromes;

/// <summary>
/// Writes a <see cref="SyndromeDescription"/> as the JSON object <c>decode --json</c> prints: the bytes the
/// source-generated contract (<see cref="CliJsonContext"/>) writes, property for property, but written by hand
/// so that a batch does less per value. A field's object (<c>{"name":"DFSC","lsb":0,…}</c>) is the same bytes
/// every time its field has that value and meaning, so it is written once and copied after that. The rarer
/// nested objects (register, cpu, trappedBy) are written by the contract itself.
/// </summary>
internal sealed class SyndromeJson
{
    /// <summary>Fields up to this wide keep their objects' bytes, one for each value.</summary>
    private const int KeptWidth = 8;

    /// <summary>Slots of <see cref="keptStrings"/> and <see cref="keptFields"/>: 2^15, more than the (field, value) pairs and strings a batch meets.</summary>
    private const int SlotBits = 15;

    private static readonly JsonEncodedText Esr = JsonEncodedText.Encode("esr");
    private static readonly JsonEncodedText Ec = JsonEncodedText.Encode("ec");
    private static readonly JsonEncodedText EcName = JsonEncodedText.Encode("ecName");
    private static readonly JsonEncodedText Il = JsonEncodedText.Encode("il");
    private static readonly JsonEncodedText Iss = JsonEncodedText.Encode("iss");
    private static readonly JsonEncodedText Iss2 = JsonEncodedText.Encode("iss2");
    private static readonly JsonEncodedText TrapClass = JsonEncodedText.Encode("trapClass");
    private static readonly JsonEncodedText Layout = JsonEncodedText.Encode("layout");
    private static readonly JsonEncodedText Fields = JsonEncodedText.Encode("fields");
    private static readonly JsonEncodedText Iss2Fields = JsonEncodedText.Encode("iss2Fields");
    private static readonly JsonEncodedText Summary = JsonEncodedText.Encode("summary");
    private static readonly JsonEncodedText FaultAddress = JsonEncodedText.Encode("faultAddress");
    private static readonly JsonEncodedText Instruction = JsonEncodedText.Encode("instruction");
    private static readonly JsonEncodedText ConditionValid = JsonEncodedText.Encode("conditionValid");
    private static readonly JsonEncodedText Register = JsonEncodedText.Encode("register");
    private static readonly JsonEncodedText ArchitecturalName = JsonEncodedText.Encode("architecturalName");
    private static readonly JsonEncodedText ArchitecturalMapping = JsonEncodedText.Encode("architecturalMapping");
    private static readonly JsonEncodedText Cpu = JsonEncodedText.Encode("cpu");
    private static readonly JsonEncodedText Warnings = JsonEncodedText.Encode("warnings");
    private static readonly JsonEncodedText TrappedBy = JsonEncodedText.Encode("trappedBy");
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText Lsb = JsonEncodedText.Encode("lsb");
    private static readonly JsonEncodedText Width = JsonEncodedText.Encode("width");
    private static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");
    private static readonly JsonEncodedText Meaning = JsonEncodedText.Encode("meaning");

    /// <summary>This thread's kept objects.</summary>
    [ThreadStatic]
    private static SyndromeJson? current;

    /// <summary>
    /// Strings that come back as the same object (exception class names, layout names, warnings the decoder keeps),
    /// with their JSON: escaped and in UTF-8 once. A slot a string, chosen from its length and a few characters, and
    /// checked by reference: a string made anew only takes a slot over; no hash of the whole string, no dictionary.
    /// </summary>
    private readonly (string? Text, JsonEncodedText Json)[] keptStrings = new (string?, JsonEncodedText)[1 << SlotBits];

    /// <summary>
    /// Narrow fields' objects: a slot a field and value, with the meaning they were written with, and the bytes. A field
    /// is its name and bits, so the fields several layouts share (WnR, DFSC, …) share their objects.
    /// </summary>
    private readonly (BitField? Field, uint Value, string? Meaning, byte[] Json)[] keptFields = new (BitField?, uint, string?, byte[])[1 << SlotBits];

    /// <summary>The bytes of a fields array, when every field's object is kept.</summary>
    private readonly ArrayBufferWriter<byte> array = new(1024);

    /// <summary>Writes <paramref name="syndrome"/> to <paramref name="writer"/> (one of <see cref="CliJson.LineOptions"/>) as one JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, SyndromeDescription syndrome) => (current ??= new SyndromeJson()).WriteObject(writer, syndrome);

    private void WriteObject(Utf8JsonWriter writer, SyndromeDescription syndrome)
    {
        writer.WriteStartObject();
        writer.WriteString(Esr, syndrome.Esr);
        writer.WriteString(Ec, syndrome.Ec);
        writer.WriteString(EcName, Encoded(syndrome.EcName));
        writer.WriteNumber(Il, syndrome.Il);
        writer.WriteString(Iss, syndrome.Iss);
        writer.WriteString(Iss2, syndrome.Iss2);
        WriteKept(writer, TrapClass, syndrome.TrapClass);
        WriteKept(writer, Layout, syndrome.Layout);
        WriteFields(writer, Fields, syndrome.Fields);
        WriteFields(writer, Iss2Fields, syndrome.Iss2Fields);
        writer.WriteString(Summary, syndrome.Summary);
        writer.WriteString(FaultAddress, syndrome.FaultAddress);
        writer.WriteString(Instruction, syndrome.Instruction);
        if (syndrome.ConditionValid is { } conditionValid)
        {
            writer.WriteBoolean(ConditionValid, conditionValid);
        }
        else
        {
            writer.WriteNull(ConditionValid);
        }

        writer.WritePropertyName(Register);
        JsonSerializer.Serialize(writer, syndrome.Register, CliJsonContext.Default.RegisterMatch);
        writer.WriteString(ArchitecturalName, syndrome.ArchitecturalName);
        writer.WriteString(ArchitecturalMapping, syndrome.ArchitecturalMapping);
        writer.WritePropertyName(Cpu);
        JsonSerializer.Serialize(writer, syndrome.Cpu, CliJsonContext.Default.CpuPresence);
        writer.WriteStartArray(Warnings);
        foreach (var warning in syndrome.Warnings)
        {
            writer.WriteStringValue(Encoded(warning));
        }

        writer.WriteEndArray();
        writer.WritePropertyName(TrappedBy);
        JsonSerializer.Serialize(writer, syndrome.TrappedBy, CliJsonContext.Default.IReadOnlyListTrapRuleText);
        writer.WriteEndObject();
    }

    private void WriteFields(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<FieldValue> fields)
    {
        var narrow = true;
        foreach (var field in fields)
        {
            narrow &= field.Width <= KeptWidth;
        }

        if (narrow)
        {
            // One raw value for the whole array: its kept objects, with commas.
            array.ResetWrittenCount();
            Append("["u8);
            for (var i = 0; i < fields.Count; i++)
            {
                if (i > 0)
                {
                    Append(","u8);
                }

                Append(Kept(fields[i]));
            }

            Append("]"u8);
            writer.WritePropertyName(name);
            writer.WriteRawValue(array.WrittenSpan, skipInputValidation: true);
            return;
        }

        writer.WriteStartArray(name);
        foreach (var field in fields)
        {
            if (field.Width > KeptWidth)
            {
                WriteField(writer, field);
            }
            else
            {
                writer.WriteRawValue(Kept(field), skipInputValidation: true);
            }
        }

        writer.WriteEndArray();
    }

    private void Append(ReadOnlySpan<byte> bytes) => array.Write(bytes);

    /// <summary>Writes a string property whose value is one of a few kept strings, or null.</summary>
    private void WriteKept(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, Encoded(value));
        }
    }

    /// <summary><paramref name="value"/> as JSON, kept by reference.</summary>
    private JsonEncodedText Encoded(string value)
    {
        // The kept strings differ early (the warnings share their long ends): the first 24 characters and the length.
        var hash = (uint)value.Length;
        foreach (var c in value.AsSpan(0, Math.Min(value.Length, 24)))
        {
            hash = (hash * 31) + c;
        }

        ref var kept = ref keptStrings[Slot(hash)];
        if (!ReferenceEquals(kept.Text, value))
        {
            kept = (value, JsonEncodedText.Encode(value, CliJson.LineOptions.Encoder));
        }

        return kept.Json;
    }

    /// <summary>The object of a narrow <paramref name="field"/>: the one kept for its field and value, when it was kept with the same meaning.</summary>
    private byte[] Kept(FieldValue field)
    {
        var name = field.Name;
        var hash = (uint)(field.Lsb | (field.Width << 5) | (name.Length << 10) | (name[0] << 16) | (name[^1] << 24)) ^ (field.Value * 0x85EBCA77u) ^ (field.Meaning is { Length: > 0 } meaning ? (uint)meaning[0] << 8 : 0u);
        ref var kept = ref keptFields[Slot(hash)];
        if (kept.Field is { } known && kept.Value == field.Value && known.Lsb == field.Lsb && known.Width == field.Width
            && string.Equals(known.Name, name, StringComparison.Ordinal) && string.Equals(kept.Meaning, field.Meaning, StringComparison.Ordinal))
        {
            return kept.Json;
        }

        var bytes = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(bytes, CliJson.LineOptions))
        {
            WriteField(writer, field);
        }

        kept = (field.Field, field.Value, field.Meaning, bytes.WrittenSpan.ToArray());
        return kept.Json;
    }

    /// <summary>A slot from a hash: its top bits after a multiplicative mix.</summary>
    private static int Slot(uint hash) => (int)((hash * 0x9E3779B1u) >> (32 - SlotBits));

    private static void WriteField(Utf8JsonWriter writer, FieldValue field)
    {
        writer.WriteStartObject();
        writer.WriteString(Name, field.Name);
        writer.WriteNumber(Lsb, field.Lsb);
        writer.WriteNumber(Width, field.Width);
        writer.WriteNumber(Value, field.Value);
        writer.WriteString(Meaning, field.Meaning);
        writer.WriteEndObject();
    }
}
