using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Parsing;
using TrapGen.Decoding;
using TrapGen.Instructions;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Guests;

namespace TrapGen.Cli.Traces;

/// <summary>Reads the trace format of docs/traces.md. A malformed line is a <see cref="CliException"/> naming the file and line.</summary>
internal static class TraceParser
{
    /// <summary>The most guest vCPUs a trace may declare: each is a whole vCPU in memory.</summary>
    public const int MaxGuests = 100_000;

    /// <summary>
    /// Parses the trace read from <paramref name="reader"/> as it is enumerated, a line at a time, so a
    /// trace of any length runs in bounded memory; <paramref name="name"/> names it in errors. A bad
    /// line throws when it is reached. Every <c>guest</c> line comes first.
    /// </summary>
    public static IEnumerable<TraceLine> Parse(TextReader reader, string name)
    {
        var guests = new DeclaredGuests();
        var number = 0;
        foreach (var text in BoundedLines.Read(reader, name))
        {
            number++;
            var line = StripComment(text);
            if (line.Length == 0)
            {
                continue;
            }

            TraceLine parsed;
            try
            {
                parsed = ParseLine(line, number, guests);
                guests.Accept(parsed);
            }
            catch (CliException e)
            {
                throw new CliException(name + "(" + number.ToString(CultureInfo.InvariantCulture) + "): " + e.Message);
            }

            yield return parsed;
        }

        if (guests.Count == 0)
        {
            throw new CliException(name + ": the trace declares no guest; start it with 'guest aarch64' or 'guest aarch32'");
        }
    }

    /// <summary>What the guest lines so far declared: how many vCPUs, and whether every one is T32.</summary>
    private sealed class DeclaredGuests
    {
        private bool declaring = true;

        public int Count { get; private set; }

        public bool AllThumb { get; private set; } = true;

        /// <summary>Gets whether every declared vCPU is AArch32.</summary>
        public bool AllAarch32 { get; private set; } = true;

        /// <summary>Takes the next step: a guest while guests are still being declared (ParseLine has refused anything else before the first).</summary>
        public void Accept(TraceLine line)
        {
            if (line is not GuestLine guest)
            {
                declaring = false;
                return;
            }

            if (!declaring)
            {
                throw new CliException("declare every guest vCPU before the first instruction or directive");
            }

            if (Count == MaxGuests)
            {
                throw new CliException("a trace declares at most " + MaxGuests.ToString("N0", CultureInfo.InvariantCulture) + " guest vCPUs");
            }

            Count++;
            AllThumb &= guest.Vcpu.Thumb;
            AllAarch32 &= guest.Vcpu.State == ExecutionState.Aarch32;
        }
    }

    private static string StripComment(string line)
    {
        var hash = CliInput.CommentStart(line);
        return (hash < 0 ? line : line.Substring(0, hash)).Trim();
    }

    private static TraceLine ParseLine(string line, int number, DeclaredGuests guests)
    {
        var words = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var keyword = words[0].ToLowerInvariant();
        if (guests.Count == 0 && keyword != "guest")
        {
            throw new CliException("declare the guest first: 'guest aarch64' or 'guest aarch32'");
        }

        switch (keyword)
        {
            case "guest":
                return ParseGuest(words, number);
            case "vcpu":
                if (words.Length != 2 || !int.TryParse(words[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id >= guests.Count)
                {
                    throw new CliException("expected 'vcpu <n>' with n from 0 to " + (guests.Count - 1).ToString(CultureInfo.InvariantCulture));
                }

                return new StepLine(number, new SwitchVcpuStep(id));
            case "flags":
                return new StepLine(number, new SetFlagsStep(ParseFlags(words.Length == 2 ? words[1] : string.Empty)));
            case "hcr":
                var (hcrSet, hcrClear) = ParseBits(words, HcrEl2.Name, HcrOtherBits);
                return new StepLine(number, new ChangeHcrStep(hcrSet, hcrClear));
            case "mdcr":
                var (mdcrSet, mdcrClear) = ParseBits(words, MdcrEl2.Name, [("TDE", MdcrEl2.TDE)]);
                return new StepLine(number, new ChangeControlRegisterStep(MdcrEl2.Name, mdcrSet, mdcrClear));
            case "timer":
                if (words.Length != 2 || !words[1].StartsWith('+') || !NumberParser.TryParse(words[1].Substring(1), out var ticks))
                {
                    throw new CliException("expected 'timer +<ticks>'");
                }

                return new StepLine(number, new AdvanceTimerStep(ticks));
            case var _ when ControlRegister(keyword) is { } register:
                var (registerSet, registerClear) = ParseBits(words, register, []);
                return new StepLine(number, new ChangeControlRegisterStep(register, registerSet, registerClear));
            default:
                return ParseInstruction(line, number, guests);
        }
    }

    /// <summary>
    /// The HCR_EL2 bits a trace may change that are no trap control: DC, and NV2 (FEAT_NV2), which sends the EL1 accesses of
    /// nv2-memory.table to memory while NV is set.
    /// </summary>
    private static readonly (string Name, int Bit)[] HcrOtherBits = [("DC", HcrEl2.DC), ("NV2", Layouts.HcrEl2Nested.NV2.Lsb)];

    /// <summary>
    /// The trap-control register, other than HCR_EL2 and MDCR_EL2 (whose lines also change DC and TDE), a trace line's
    /// keyword names (<c>cptr</c> is CPTR_EL2, <c>mpambw2</c> MPAMBW2_EL2, <c>hfgwtr</c> HFGWTR_EL2), or null.
    /// </summary>
    private static string? ControlRegister(string keyword) => keyword switch
    {
        "cptr" => CptrEl2.Name,
        "hstr" => HstrEl2.Name,
        "hcrx" => HcrxEl2.Name,
        "ich_hcr" => IchHcrEl2.Name,
        "mpam2" => Mpam2El2.Name,
        "mpambw2" => MpamBw2El2.Name,
        "mpamhcr" => MpamHcrEl2.Name,
        "cnthctl" => CnthctlEl2.Name,
        _ => FineGrainedRegister(keyword),
    };

    /// <summary>The fine-grained trap register a trace line's keyword names (<c>hfgwtr</c> is HFGWTR_EL2, <c>hdfgrtr2</c> HDFGRTR2_EL2), or null.</summary>
    private static string? FineGrainedRegister(string keyword) =>
        FineGrainedTraps.Registers.FirstOrDefault(r => string.Equals(r, keyword + "_EL2", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Reads a guest line: <c>guest aarch64</c>, <c>guest aarch32</c> or <c>guest aarch32 thumb</c>, each optionally
    /// followed by <c>cpu &lt;model&gt;</c> (the CPU model the domain runs on; every guest line that names one must name the same).
    /// </summary>
    private static GuestLine ParseGuest(string[] words, int number)
    {
        const string Expected = "expected 'guest aarch64', 'guest aarch32' or 'guest aarch32 thumb', optionally followed by 'cpu <model>'";
        CpuModel? model = null;
        var count = words.Length;
        if (count >= 4 && words[count - 2].Equals("cpu", StringComparison.OrdinalIgnoreCase))
        {
            model = CpuModels.Find(words[count - 1]) ?? throw new CliException(CpuModels.Unknown(words[count - 1]));
            count -= 2;
        }

        var vcpu = count switch
        {
            2 when words[1].Equals("aarch64", StringComparison.OrdinalIgnoreCase) => new GuestVcpu(ExecutionState.Aarch64),
            2 when words[1].Equals("aarch32", StringComparison.OrdinalIgnoreCase) => new GuestVcpu(ExecutionState.Aarch32),
            3 when words[1].Equals("aarch32", StringComparison.OrdinalIgnoreCase) && words[2].Equals("thumb", StringComparison.OrdinalIgnoreCase)
                => new GuestVcpu(ExecutionState.Aarch32, Thumb: true),
            _ => throw new CliException(Expected),
        };
        return new GuestLine(number, vcpu, model);
    }

    /// <summary>
    /// Reads an <c>hcr</c>, <c>mdcr</c>, <c>cptr</c>, <c>cnthctl</c>, <c>hcrx</c>, <c>ich_hcr</c>, <c>mpam2</c>, <c>mpambw2</c>, <c>mpamhcr</c> or fine-grained (<c>hfgwtr</c>, ...) line, <c>+TVM -DC</c>: the bits of <paramref name="register"/>
    /// it sets and clears, by the names of the register's trap controls and of the one other bit a trace may change
    /// (HCR_EL2.DC and NV2, MDCR_EL2.TDE; none for CPTR_EL2, CNTHCTL_EL2 and the fine-grained registers, whose fields are their names: <c>hfgwtr +SCTLR_EL1</c>).
    /// </summary>
    private static (ulong Set, ulong Clear) ParseBits(string[] words, string register, (string Name, int Bit)[] otherBits)
    {
        var controls = TrapControls.Of(register).ToList();
        var keyword = words[0];
        var names = string.Join(", ", controls.Select(c => c.Name).Concat(otherBits.Select(other => other.Name)));
        if (words.Length < 2)
        {
            throw new CliException("expected '" + keyword + " +<bit>' or '" + keyword + " -<bit>' (any number of them) with one of " + names);
        }

        ulong set = 0, clear = 0;
        foreach (var word in words.Skip(1))
        {
            if (FieldValue(word, controls, register) is { } field)
            {
                set |= field.Set;
                clear |= field.Clear;
                continue;
            }

            if (word.Length < 2 || word[0] is not ('+' or '-'))
            {
                throw new CliException("expected '" + keyword + " +<bit>' or '" + keyword + " -<bit>' (any number of them) with one of " + names + "; got '" + word + "'");
            }

            var name = word.Substring(1);
            var control = controls.FirstOrDefault(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (control is { Width: > 1 })
            {
                throw new CliException(register + "." + control.Name + " is a field of " + control.Width.ToString(CultureInfo.InvariantCulture) + " bits: write " + control.Name + "=<n>");
            }

            var other = Array.FindIndex(otherBits, o => o.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            var bit = other >= 0
                ? otherBits[other].Bit
                : control?.Bit ?? throw new CliException("unknown " + register + " bit '" + name + "'; use one of " + names);
            if (word[0] == '+')
            {
                set |= 1UL << bit;
            }
            else
            {
                clear |= 1UL << bit;
            }
        }

        return (set & clear) == 0 ? (set, clear) : throw new CliException("'" + keyword + "' both sets and clears the same bit");
    }

    /// <summary>
    /// Reads <c>NAME=n</c>, a value for a field control (MDCR_EL2.HPMN, bits [4:0]: <c>HPMN=2</c>), as the bits it sets and
    /// clears; null for a word without <c>=</c>.
    /// </summary>
    private static (ulong Set, ulong Clear)? FieldValue(string word, IReadOnlyList<TrapControl> controls, string register)
    {
        var equals = word.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0)
        {
            return null;
        }

        var name = word.Substring(0, equals);
        var control = controls.FirstOrDefault(c => c.Width > 1 && c.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            ?? throw new CliException("'" + word + "': " + register + " has no field '" + name + "'" + FieldsOf(controls));
        var field = new BitField(control.Name, control.Bit, control.Width);
        if (!ulong.TryParse(word.AsSpan(equals + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > field.MaxValue)
        {
            throw new CliException("'" + word + "': " + register + "." + control.Name + " holds 0 to " + field.MaxValue.ToString(CultureInfo.InvariantCulture));
        }

        var set = field.Insert(0, value);
        return (set, field.Mask & ~set);
    }

    private static string FieldsOf(IReadOnlyList<TrapControl> controls) =>
        controls.Where(c => c.Width > 1).Select(c => c.Name).ToList() is { Count: > 0 } fields ? "; its fields are " + string.Join(", ", fields) : string.Empty;

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

    private static StepLine ParseInstruction(string line, int number, DeclaredGuests guests)
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

        if (instruction.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            if (!Hex.TryParseWord(instruction, out var word))
            {
                throw new CliException("'" + instruction + "' is not a 32-bit instruction word");
            }

            return new StepLine(number, new InstructionStep(word, value));
        }

        // Which vCPU runs the line is only known while running; parse for the guest kinds the trace declares.
        var thumb = guests.AllThumb;
        if (ItSyntax.TryParse(instruction, out var it))
        {
            return thumb && value is null
                ? new StepLine(number, new InstructionStep(it, null, InstructionSet.T32))
                : throw new CliException(thumb ? "an IT takes no '= value'" : "'" + instruction + "' is a T32 IT: it needs a trace whose guests are all 'guest aarch32 thumb'");
        }

        // SMC, WFI and WFE are spelled alike in every set; they are A64 unless prefixed, so a trace of AArch32 guests means theirs.
        if (guests.AllAarch32 && (instruction.StartsWith("smc", StringComparison.OrdinalIgnoreCase) || instruction.StartsWith("wf", StringComparison.OrdinalIgnoreCase)))
        {
            instruction = (thumb ? "t32 " : "a32 ") + instruction;
        }

        if (!SystemInstructionSyntax.TryParse(instruction, thumb, out var access, out var error))
        {
            throw new CliException(error);
        }

        if (value is { } v)
        {
            CheckValue(access, v);
        }

        return new StepLine(number, new InstructionStep(InstructionEncoder.Encode(access), value, access.InstructionSet));
    }

    private static void CheckValue(in SystemRegisterAccess access, ulong value)
    {
        if (access.IsRead)
        {
            throw new CliException("a read takes no '= value'; the trace prints the value read");
        }

        if (access.Class.TransferWidth == 32 && value > uint.MaxValue)
        {
            throw new CliException("0x" + value.ToString("x", CultureInfo.InvariantCulture) + " does not fit the 32 bits an " + access.Class.WriteMnemonic + " writes");
        }
    }
}
