using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using TrapGen.Soak.Reporting;

namespace TrapGen.Soak.Phases;

/// <summary>
/// Random syndromes through <c>trapgen decode --json</c> on standard input, in batches, and the
/// instructions it names back through <c>encode</c>. Promises: every line is answered (a JSON object,
/// or one error for bits [63:56], which are RES0); nothing raw reaches the terminal; and an instruction
/// decode prints encodes to a syndrome with the same register and transfer fields.
/// </summary>
internal sealed class SyndromeSoak(FindingLog findings, TextWriter progress)
{
    private const string Phase = "decode";
    private const int BatchSize = 5_000;

    /// <summary>
    /// Fields an instruction's text does not carry: the condition (when CV = 0), the instruction length,
    /// and an AArch32 transfer register's banked AArch64 view (r13 is x19 in Supervisor mode), which the
    /// text compares instead.
    /// </summary>
    private static readonly HashSet<string> NotInTheText = ["CV", "COND", "IL", "Rt", "Rt2"];

    private long decodedInstructions;
    private long roundTrips;
    private long unpredictable;

    public PhaseFigures Run(int count, int seed)
    {
        var recorder = new PhaseRecorder(Phase, findings);
        Batches.Run(count, seed, BatchSize, RandomSyndrome, Decode, recorder, progress, "syndromes decoded");
        return recorder.Finish(count, decodedInstructions + " decoded to an instruction, " + roundTrips + " of them encoded back to the same fields, "
            + unpredictable + " UNPREDICTABLE forms that encode refuses");
    }

    /// <summary>Mostly a known exception class with random ISS and ISS2; sometimes any 64-bit value at all.</summary>
    private static ulong RandomSyndrome(Random random)
    {
        if (random.Next(50) == 0)
        {
            return (ulong)random.NextInt64() ^ ((ulong)random.Next(2) << 63);
        }

        var ec = (ulong)(random.Next(2) == 0 ? random.Next(64) : random.Next(4) switch { 0 => 0x18, 1 => 0x03, 2 => 0x04, _ => 0x05 });
        var iss = (ulong)random.Next(1 << 25);
        var iss2 = random.Next(3) == 0 ? (ulong)random.Next(1 << 24) : 0;
        return (iss2 << 32) | (ec << 26) | ((ulong)random.Next(2) << 25) | iss;
    }

    private void Decode(int seed, ulong[] syndromes)
    {
        var input = string.Join('\n', syndromes.Select(s => "0x" + s.ToString("x", CultureInfo.InvariantCulture)));
        var call = CliCall.Run(input, "decode", "--json");
        if (call.Crash is not null)
        {
            findings.Crash(Phase, seed, call.Crash, input);
            return;
        }

        var reserved = syndromes.Count(s => s >> 56 != 0);
        var answered = call.OutputLines.Length;
        if (answered != syndromes.Length - reserved || call.ErrorLines.Length != reserved)
        {
            findings.Failure(Phase, seed, syndromes.Length + " syndromes (" + reserved + " with RES0 bits set) gave " + answered + " results and " + call.ErrorLines.Length + " errors", input);
        }

        if (call.PrintsControlCharacters)
        {
            findings.Failure(Phase, seed, "decode printed a raw control character", input);
        }

        var instructions = new List<(string Instruction, Dictionary<string, long> Fields)>();
        foreach (var line in call.OutputLines)
        {
            using var json = JsonDocument.Parse(line);
            if (json.RootElement.GetProperty("instruction").GetString() is { } instruction)
            {
                instructions.Add((instruction, Fields(json.RootElement)));
            }
        }

        decodedInstructions += instructions.Count;
        EncodeBack(seed, instructions);
    }

    /// <summary>Encodes every decoded instruction and decodes the syndrome it gives: the fields the text carries must survive.</summary>
    private void EncodeBack(int seed, List<(string Instruction, Dictionary<string, long> Fields)> instructions)
    {
        var input = string.Join('\n', instructions.Select(i => i.Instruction));
        var encoded = CliCall.Run(input, "encode", "--json");
        if (encoded.Crash is not null)
        {
            findings.Crash(Phase, seed, encoded.Crash, input);
            return;
        }

        // Refusals name their line ("line 7 of standard input"); the rest are answered in order.
        var refused = new HashSet<int>();
        foreach (var error in encoded.ErrorLines)
        {
            var number = LineNumber(error);
            refused.Add(number);
            if (error.Contains("UNPREDICTABLE", StringComparison.Ordinal))
            {
                unpredictable++;
            }
            else
            {
                findings.Failure(Phase, seed, "decode printed an instruction that encode refuses: " + error, input);
            }
        }

        var accepted = instructions.Where((_, i) => !refused.Contains(i + 1)).ToList();
        var syndromes = encoded.OutputLines.Select(line =>
        {
            using var json = JsonDocument.Parse(line);
            return json.RootElement.GetProperty("esr").GetString()!;
        }).ToList();
        if (syndromes.Count != accepted.Count)
        {
            findings.Failure(Phase, seed, accepted.Count + " instructions encoded to " + syndromes.Count + " results", input);
            return;
        }

        var redecoded = CliCall.Run(string.Join('\n', syndromes), "decode", "--json");
        var lines = redecoded.OutputLines;
        for (var i = 0; i < accepted.Count && i < lines.Length; i++)
        {
            using var again = JsonDocument.Parse(lines[i]);
            var after = Fields(again.RootElement);
            var lost = accepted[i].Fields.Where(f => !NotInTheText.Contains(f.Key) && (!after.TryGetValue(f.Key, out var value) || value != f.Value)).Select(f => f.Key).ToList();
            var text = again.RootElement.GetProperty("instruction").GetString();
            if (lost.Count > 0)
            {
                findings.Failure(Phase, seed, "'" + accepted[i].Instruction + "' encodes to " + syndromes[i] + ", which loses " + string.Join(", ", lost), accepted[i].Instruction);
            }
            else if (text != accepted[i].Instruction)
            {
                findings.Failure(Phase, seed, "'" + accepted[i].Instruction + "' encodes to " + syndromes[i] + ", which decodes as '" + text + "'", accepted[i].Instruction);
            }
            else
            {
                roundTrips++;
            }
        }
    }

    private static int LineNumber(string error)
    {
        const string Marker = "line ";
        var at = error.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length;
        var end = at;
        while (end < error.Length && char.IsAsciiDigit(error[end]))
        {
            end++;
        }

        return int.Parse(error.AsSpan(at, end - at), CultureInfo.InvariantCulture);
    }

    private static Dictionary<string, long> Fields(JsonElement decoded) =>
        decoded.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("value").GetInt64());
}
