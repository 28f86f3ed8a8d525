using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TrapGen.Decoding;

namespace TrapGen.Cli.Syndromes;

/// <summary>
/// Writes a <see cref="SyndromeDescription"/> as the JSON object <c>decode --json</c> prints: the bytes the
/// source-generated contract (<see cref="CliJsonContext"/>) writes, property for property, but written by hand as
/// bytes (<see cref="JsonLineBytes"/>) so that a batch does less per value; the strings that come back as the same
/// object (names, meanings, warnings) are encoded once. The rarer nested objects (register, cpu,
/// and trappedBy when it has rows) are written by the contract itself.
/// </summary>
internal static class SyndromeJson
{
    /// <summary>This thread's writer for the nested objects.</summary>
    [ThreadStatic]
    private static Utf8JsonWriter? nested;

    /// <summary>Writes <paramref name="syndrome"/> to the end of <paramref name="output"/> as one JSON object.</summary>
    public static void Write(IBufferWriter<byte> output, SyndromeDescription syndrome)
    {
        var json = new JsonLineBytes(output);
        json.String("{\"esr\":"u8, syndrome.Esr);
        json.Kept(",\"ec\":"u8, syndrome.Ec);
        json.Kept(",\"ecName\":"u8, syndrome.EcName);
        json.Number(",\"il\":"u8, syndrome.Il);
        json.String(",\"iss\":"u8, syndrome.Iss);
        json.String(",\"iss2\":"u8, syndrome.Iss2);
        json.Kept(",\"trapClass\":"u8, syndrome.TrapClass);
        json.Kept(",\"layout\":"u8, syndrome.Layout);
        json.Raw(",\"fields\":"u8);
        WriteFields(ref json, syndrome.Fields);
        json.Raw(",\"iss2Fields\":"u8);
        WriteFields(ref json, syndrome.Iss2Fields);
        json.String(",\"summary\":"u8, syndrome.Summary);
        json.Kept(",\"faultAddress\":"u8, syndrome.FaultAddress);
        json.String(",\"instruction\":"u8, syndrome.Instruction);
        json.Boolean(",\"conditionValid\":"u8, syndrome.ConditionValid);
        json.Raw(",\"register\":"u8);
        WriteNested(ref json, output, syndrome.Register, CliJsonContext.Default.RegisterMatch);
        json.String(",\"architecturalName\":"u8, syndrome.ArchitecturalName);
        json.String(",\"architecturalMapping\":"u8, syndrome.ArchitecturalMapping);
        json.Raw(",\"cpu\":"u8);
        WriteNested(ref json, output, syndrome.Cpu, CliJsonContext.Default.CpuPresence);
        json.Raw(",\"warnings\":["u8);
        for (var i = 0; i < syndrome.Warnings.Count; i++)
        {
            if (i > 0)
            {
                json.Raw(","u8);
            }

            json.Kept(syndrome.Warnings[i]);
        }

        json.Raw("],\"trappedBy\":"u8);
        if (syndrome.TrappedBy is { Count: 0 })
        {
            json.Raw("[]"u8);
        }
        else
        {
            WriteNested(ref json, output, syndrome.TrappedBy, CliJsonContext.Default.IReadOnlyListTrapRuleText);
        }

        json.Raw("}"u8);
        json.Commit();
    }

    private static void WriteFields(ref JsonLineBytes json, IReadOnlyList<FieldValue> fields)
    {
        json.Raw("["u8);
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            json.Kept(i == 0 ? "{\"name\":"u8 : ",{\"name\":"u8, field.Name);
            json.Number(",\"lsb\":"u8, field.Lsb);
            json.Number(",\"width\":"u8, field.Width);
            json.Number(",\"value\":"u8, field.Value);
            json.Kept(",\"meaning\":"u8, field.Meaning);
            json.Raw("}"u8);
        }

        json.Raw("]"u8);
    }

    /// <summary>Writes <paramref name="value"/> with its contract, or <c>null</c>.</summary>
    private static void WriteNested<T>(ref JsonLineBytes json, IBufferWriter<byte> output, T? value, JsonTypeInfo<T> type)
        where T : class
    {
        if (value is null)
        {
            json.Raw("null"u8);
        }
        else
        {
            json.Serialize(nested ??= new Utf8JsonWriter(output, CliJson.LineOptions), value, type);
        }
    }
}
