using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using TrapGen.Soak.Reporting;

namespace TrapGen.Soak.Phases;

/// <summary>
/// Random instruction text, mostly almost right, through <c>trapgen encode --json</c> in batches.
/// Promises: every line is answered (a result or one error line); nothing raw reaches the terminal;
/// and the instruction encode prints assembles back to the same word.
/// </summary>
internal sealed class InstructionSoak(FindingLog findings, TextWriter progress)
{
    private const string Phase = "encode";
    private const int BatchSize = 2_000;

    private static readonly string[] Mnemonics = ["msr", "mrs", "mcr", "mrc", "mcrr", "mrrc", "mcr2", "mrceq", "mcrrne", "mrrcal", "MRS", "Msr", "sys", "mcrhs", "mrcvs"];
    private static readonly string[] Names = ["sctlr_el1", "ttbr0_el1", "tcr_el1", "cntpct_el0", "cntfrq_el0", "hcr_el2", "scr_el3", "dbgvcr32_el2", "midr_el1", "nzcv", "daifset", "spsel", "pan", "s3_0_c1_c0_0", "s2_4_c0_c7_0", "s3_7_c15_c15_7", "s1_0_c7_c5_0", "s0_0_c0_c0_0", "s3_8_c0_c0_0", "s3_0_c16_c0_0"];
    private static readonly string[] Noise = ["", " ", ",", ",,", "#", "\t", "\u001b[2J", "\u0007", "\u00e9", "\uFFFD", "0x", "-1", "99999999999", "{", "}", "!", "^"];

    private long encoded;
    private long refused;
    private long roundTrips;

    public PhaseFigures Run(int count, int seed)
    {
        var recorder = new PhaseRecorder(Phase, findings);
        Batches.Run(count, seed, BatchSize, RandomInstruction, Encode, recorder, progress, "instructions encoded");
        return recorder.Finish(count, encoded + " encoded (" + roundTrips + " printed text that assembles to the same word), " + refused + " refused with one error line");
    }

    /// <summary>An instruction put together from parts, with a chance of noise between any two.</summary>
    private static string RandomInstruction(Random random)
    {
        var mnemonic = Mnemonics[random.Next(Mnemonics.Length)];
        var parts = new List<string> { mnemonic };
        var read = mnemonic.Equals("mrs", StringComparison.OrdinalIgnoreCase);
        if (read || mnemonic.Equals("msr", StringComparison.OrdinalIgnoreCase) || mnemonic == "sys")
        {
            parts.Add(read ? Register(random, 'x') + "," : Names[random.Next(Names.Length)] + ",");
            parts.Add(read ? Names[random.Next(Names.Length)] : Register(random, 'x'));
        }
        else
        {
            parts.Add("p" + random.Next(17) + ",");
            parts.Add(random.Next(9) + ",");
            parts.Add(Register(random, 'r') + ",");
            if (mnemonic.Contains("rr", StringComparison.Ordinal))
            {
                parts.Add(Register(random, 'r') + ",");
                parts.Add("c" + random.Next(17));
            }
            else
            {
                parts.Add("c" + random.Next(17) + ",");
                parts.Add("c" + random.Next(17) + ",");
                parts.Add(random.Next(9).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        var text = new StringBuilder();
        foreach (var part in parts)
        {
            text.Append(part).Append(' ');
            if (random.Next(12) == 0)
            {
                text.Append(Noise[random.Next(Noise.Length)]);
            }
        }

        // One value a line: no line breaks, no comment and never blank, so that every line must be answered.
        var line = text.ToString().Replace('#', '$').Trim();
        return line.Length == 0 ? "?" : line;
    }

    private static string Register(Random random, char prefix) => random.Next(8) switch
    {
        0 => "pc",
        1 => "sp",
        2 => prefix == 'x' ? "xzr" : "apsr_nzcv",
        3 => prefix == 'x' ? "w" + random.Next(32) : "r" + random.Next(20),
        _ => prefix.ToString() + random.Next(prefix == 'x' ? 32 : 16),
    };

    private void Encode(int seed, string[] instructions)
    {
        var input = string.Join('\n', instructions);
        var call = CliCall.Run(input, "encode", "--json");
        if (call.Crash is not null)
        {
            findings.Crash(Phase, seed, call.Crash, input);
            return;
        }

        if (call.PrintsControlCharacters)
        {
            findings.Failure(Phase, seed, "encode printed a raw control character", input);
        }

        if (call.OutputLines.Length + call.ErrorLines.Length != instructions.Length)
        {
            findings.Failure(Phase, seed, instructions.Length + " instructions gave " + call.OutputLines.Length + " results and " + call.ErrorLines.Length + " errors", input);
        }

        encoded += call.OutputLines.Length;
        refused += call.ErrorLines.Length;
        var printed = new List<(string Text, string Word)>();
        foreach (var line in call.OutputLines)
        {
            using var json = JsonDocument.Parse(line);
            printed.Add((json.RootElement.GetProperty("instruction").GetString()!, json.RootElement.GetProperty("word").GetString()!));
        }

        var again = CliCall.Run(string.Join('\n', printed.Select(p => p.Text)), "encode", "--json");
        var words = again.OutputLines.Select(line =>
        {
            using var json = JsonDocument.Parse(line);
            return json.RootElement.GetProperty("word").GetString()!;
        }).ToList();
        if (again.ExitCode != 0 || words.Count != printed.Count)
        {
            findings.Failure(Phase, seed, "encode refused text it printed itself: " + again.Error, string.Join('\n', printed.Select(p => p.Text)));
            return;
        }

        for (var i = 0; i < printed.Count; i++)
        {
            if (words[i] != printed[i].Word)
            {
                findings.Failure(Phase, seed, "'" + printed[i].Text + "' was printed for " + printed[i].Word + " but assembles to " + words[i], printed[i].Text);
            }
            else
            {
                roundTrips++;
            }
        }
    }
}
