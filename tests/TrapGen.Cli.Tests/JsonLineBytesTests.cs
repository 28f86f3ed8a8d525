using System.Buffers;
using System.Text.Json;
using Xunit;

namespace TrapGen.Cli.Tests;

/// <summary>JsonLineBytes writes its values as Utf8JsonWriter writes them with the JSON lines' options.</summary>
public sealed class JsonLineBytesTests
{
    [Theory]
    [InlineData("")]
    [InlineData("Trapped MSR, MRS or System instruction (AArch64)")]
    [InlineData("quote \" and backslash \\ and <html> & 'apostrophe' `tick`")]
    [InlineData("control \u0001 tab \t newline \n delete \u007f")]
    [InlineData("naïve — ✓ 𝄞 \u2028")]
    [InlineData(null)]
    public void A_string_is_what_Utf8JsonWriter_writes(string? value)
    {
        var expected = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(expected, CliJson.LineOptions))
        {
            writer.WriteStringValue(value);
        }

        var actual = new ArrayBufferWriter<byte>();
        var json = new JsonLineBytes(actual);
        json.String(value);
        json.Commit();

        Assert.Equal(expected.WrittenSpan.ToArray(), actual.WrittenSpan.ToArray());
    }

    [Fact]
    public void Numbers_and_booleans_are_what_Utf8JsonWriter_writes()
    {
        var expected = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(expected, CliJson.LineOptions))
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(0);
            writer.WriteNumberValue(uint.MaxValue);
            writer.WriteBooleanValue(true);
            writer.WriteBooleanValue(false);
            writer.WriteNullValue();
            writer.WriteEndArray();
        }

        var actual = new ArrayBufferWriter<byte>(1);
        var json = new JsonLineBytes(actual);
        json.Raw("["u8);
        json.Number(0);
        json.Raw(","u8);
        json.Number(uint.MaxValue);
        json.Raw(","u8);
        json.Boolean(true);
        json.Raw(","u8);
        json.Boolean(false);
        json.Raw(","u8);
        json.Boolean(null);
        json.Raw("]"u8);
        json.Commit();

        Assert.Equal(expected.WrittenSpan.ToArray(), actual.WrittenSpan.ToArray());
    }
}
