using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using TrapGen.Architecture;
using TrapGen.Cli.Syndromes;
using TrapGen.Decoding;
using Xunit;

namespace TrapGen.Cli.Tests;

/// <summary>
/// decode --json writes its lines by hand (SyndromeJson) and straight into standard output's bytes (Utf8Output), for
/// speed: these pin both to what they replace, the source-generated contract and a StreamWriter.
/// </summary>
public sealed class SyndromeJsonTests
{
    /// <summary>Random values of every exception class, a third with ISS2 set, and the documented examples.</summary>
    public static IEnumerable<ulong> Values()
    {
        var random = new Random(2025);
        foreach (var example in new ulong[] { 0x62300400, 0x93c08046, 0x96000050, 0x0000_0010_8200_0010, 0xbe002000, 0x6c000000 })
        {
            yield return example;
        }

        for (var i = 0; i < 6000; i++)
        {
            var ec = (ulong)(i % 64);
            var value = (ec << 26) | ((ulong)random.Next() & 0x3ff_ffff);
            if (i % 3 == 0)
            {
                value |= (ulong)random.Next(0, 1 << 24) << 32;
            }

            yield return value;
        }
    }

    [Fact]
    public void The_hand_written_JSON_is_the_contracts_byte_for_byte()
    {
        var models = new CpuModel?[] { null, CpuModels.Default, CpuModels.Find("max") };
        var bytes = new ArrayBufferWriter<byte>();
        var compared = 0;
        foreach (var value in Values())
        {
            foreach (var model in models)
            {
                var syndrome = SyndromeDescription.From(value, model);
                bytes.ResetWrittenCount();
                SyndromeJson.Write(bytes, syndrome);

                var expected = CliJson.Serialize(syndrome, CliJsonContext.Default.SyndromeDescription, indented: false);
                var actual = Encoding.UTF8.GetString(bytes.WrittenSpan);
                Assert.True(expected == actual, "0x" + value.ToString("x", CultureInfo.InvariantCulture) + " on " + (model?.Name ?? "no model") + ":\n" + expected + "\n" + actual);
                compared++;
            }
        }

        Assert.Equal(6006 * 3, compared);
    }

    [Fact]
    public void Utf8Output_writes_what_a_StreamWriter_writes_with_bytes_in_order()
    {
        var text = new[] { "ESR 0x96000050", "  naïve — ünïcödé ✓ 𝄞", string.Empty, new string('x', 70_000) };
        using var expectedStream = new MemoryStream();
        using (var expected = new StreamWriter(expectedStream, new UTF8Encoding(false), 1 << 16, leaveOpen: true))
        {
            foreach (var line in text)
            {
                expected.WriteLine(line);
                expected.Write("{\"a\":1}");
                expected.WriteLine();
            }
        }

        using var actualStream = new MemoryStream();
        using (var actual = new Utf8Output(actualStream, 1 << 16))
        {
            foreach (var line in text)
            {
                actual.WriteLine(line);
                var span = ((IBufferWriter<byte>)actual).GetSpan(7);
                "{\"a\":1}"u8.CopyTo(span);
                ((IBufferWriter<byte>)actual).Advance(7);
                actual.WriteLine();
            }

            actual.Flush();
            Assert.Equal(expectedStream.ToArray(), actualStream.ToArray());
        }
    }
}
