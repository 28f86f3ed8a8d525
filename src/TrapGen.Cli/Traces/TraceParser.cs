using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Parsing;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Instructions;

namespace TrapGen.Cli.Traces;

/// <summary>Reads the trace format of docs/traces.md. A malformed line is a <see cref="CliException"/> naming the file and line.</summary>
internal static class TraceParser
{
    /// <summary>Parses the trace read from <paramref name="reader"/>, line by line; <paramref name="name"/> names it in errors.</summary>
    public static IReadOnlyList<TraceStep> Parse(TextReader reader, string name)
    {
        var steps = new List<TraceStep>();
        var guests = new List<GuestStep>();
        var declaring = true;
        var number = 0;
        foreach (var text in BoundedLines.Read(reader, name))
        {
            number++;
            var line = StripComment(text);
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                var step = ParseLine(line, number, guests);
                if (step is GuestStep guest)
                {
                    if (!declaring)
                    {
                        throw new CliException("declare every guest vCPU before the first instruction or directive");
                    }

                    guests.Add(guest);
                }
                else
                {
                    declaring = false;
                }

                steps.Add(step);
            }
            catch (CliException e)
            {
                throw new CliException(name + "(" + number.ToString(CultureInfo.InvariantCulture) + "): " + e.Message);
            }
        }

        if (guests.Count == 0)
        {
            throw new CliException(name + ": the trace declares no guest; start it with 'guest aarch64' or 'guest aarch32'");
        }

        return steps;
    }

    private static string StripComment(string line)
    {
        var hash = line.IndexOf('#', StringComparison.Ordinal);
        return (hash < 0 ? line : line.Substring(0, hash)).Trim();
    }

    private static TraceStep ParseLine(string line, int number, List<GuestStep> guests)
    {
        var words = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        switch (words[0].ToLowerInvariant())
        {
            case "guest":
                return words.Length switch
                {
                    2 when words[1].Equals("aarch64", StringComparison.OrdinalIgnoreCase) => new GuestStep(number, ExecutionState.Aarch64, false),
                    2 when words[1].Equals("aarch32", StringComparison.OrdinalIgnoreCase) => new GuestStep(number, ExecutionState.Aarch32, false),
                    3 when words[1].Equals("aarch32", StringComparison.OrdinalIgnoreCase) && words[2].Equals("thumb", StringComparison.OrdinalIgnoreCase)
                        => new GuestStep(number, ExecutionState.Aarch32, true),
                    _ => throw new CliException("expected 'guest aarch64', 'guest aarch32' or 'guest aarch32 thumb'"),
                };
            case "vcpu":
                if (words.Length != 2 || !int.TryParse(words[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id >= guests.Count)
                {
                    throw new CliException("expected 'vcpu <n>' with n from 0 to " + (guests.Count - 1).ToString(CultureInfo.InvariantCulture));
                }

                return new SwitchStep(number, id);
            case "flags":
                return new FlagsStep(number, ParseFlags(words.Length == 2 ? words[1] : string.Empty));
            case "hcr":
                return ParseHcr(words, number);
            case "timer":
                if (words.Length != 2 || !words[1].StartsWith('+') || !NumberParser.TryParse(words[1].Substring(1), out var ticks))
                {
                    throw new CliException("expected 'timer +<ticks>'");
                }

                return new TimerStep(number, ticks);
            default:
                return ParseInstruction(line, number, guests);
        }
    }

    /// <summary>The HCR_EL2 trap controls a trace can set and clear.</summary>
    private static readonly TrapControl[] HcrControls = [.. TrapControls.All.Where(c => c.Register == HcrEl2.Name)];

    private static HcrStep ParseHcr(string[] words, int number)
    {
        var names = string.Join(", ", HcrControls.Select(c => c.Name).Append("DC"));
        if (words.Length != 2 || words[1].Length < 2 || words[1][0] is not ('+' or '-'))
        {
            throw new CliException("expected 'hcr +<bit>' or 'hcr -<bit>' with one of " + names);
        }

        var name = words[1].Substring(1);
        var bit = name.Equals("DC", StringComparison.OrdinalIgnoreCase)
            ? HcrEl2.DC
            : HcrControls.FirstOrDefault(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase))?.Bit
                ?? throw new CliException("unknown HCR_EL2 bit '" + name + "'; use one of " + names);
        return new HcrStep(number, bit, words[1][0] == '+');
    }

    private static ConditionFlags ParseFlags(string text)
    {
        var flags = default(ConditionFlags);
        if (text == "-")
        {
            return flags;
        }

        if (text.Length == 0)
        {
            throw new CliException("expected 'flags' and any of n, z, c, v (or '-' for none)");
        }

        foreach (var c in text.ToLowerInvariant())
        {
            switch (c)
            {
                case 'n': flags.N = true; break;
                case 'z': flags.Z = true; break;
                case 'c': flags.C = true; break;
                case 'v': flags.V = true; break;
                default: throw new CliException("unknown flag '" + c + "'; use n, z, c and v");
            }
        }

        return flags;
    }

    private static InstructionStep ParseInstruction(string line, int number, List<GuestStep> guests)
    {
        var equals = line.IndexOf('=', StringComparison.Ordinal);
        var instruction = (equals < 0 ? line : line.Substring(0, equals)).Trim();
        ulong? value = null;
        if (equals >= 0)
        {
            var valueText = line.Substring(equals + 1).Trim();
            if (!NumberParser.TryParse(valueText, out var parsed))
            {
                throw new CliException("'" + valueText + "' is not a number; write values as 0x1234, 1234 or 0b1010");
            }

            value = parsed;
        }

        if (guests.Count == 0)
        {
            throw new CliException("declare the guest first: 'guest aarch64' or 'guest aarch32'");
        }

        if (instruction.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            if (!uint.TryParse(instruction.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var word))
            {
                throw new CliException("'" + instruction + "' is not a 32-bit instruction word");
            }

            return new InstructionStep(number, word, value, null);
        }

        // Which vCPU runs the line is only known while running; parse for the guest kinds the trace declares.
        var thumb = guests.All(g => g.Thumb);
        if (!SystemInstructionSyntax.TryParse(instruction, thumb, out var access, out var error))
        {
            throw new CliException(error);
        }

        if (value is { } v)
        {
            CheckValue(access, v);
        }

        return new InstructionStep(number, InstructionEncoder.Encode(access), value, access.InstructionSet);
    }

    private static void CheckValue(in SystemRegisterAccess access, ulong value)
    {
        if (access.IsRead)
        {
            throw new CliException("a read takes no '= value'; the trace prints the value read");
        }

        if (access.TrapClass == TrapClassKind.Cp15Register32 && value > uint.MaxValue)
        {
            throw new CliException("0x" + value.ToString("x", CultureInfo.InvariantCulture) + " does not fit the 32-bit register an MCR writes");
        }
    }
}
