using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using TrapGen.Architecture;
using TrapGen.Runtime;
using TrapGen.Testing.Qemu;
using Xunit;

namespace TrapGen.Cli.Tests;

/// <summary>
/// The issue's acceptance criterion: <c>trapgen run</c> of a trace with <c>hcr +TID3</c>, <c>hcr +TSW</c>, …
/// shows each access trapped or not exactly as on QEMU. For each HCR_EL2 value the QEMU probe runs and
/// both EL1 execution states, a trace declares the guest, clears DC and TVM, sets the run's controls and
/// lists the probe's instruction words; <c>trapgen run</c> must then print, per word, a trap outcome
/// exactly where QEMU trapped to EL2 (<c>trap</c> or the catalogue's <c>trap:UNDEF</c> for a catalogued register;
/// <c>unhandled</c> too for any other; never <c>crash</c>), UNDEF@EL1 exactly where QEMU took an UNDEF at EL1, and otherwise an
/// executed one. QEMU runs once per state and test process (<see cref="QemuProbe"/>). Unlike the probe,
/// the trace keeps HCR_EL2 only until a handler changes it: the shipped catalogue's SetWayFlush sets TVM
/// after a set/way operation, and in the probe's order no access TVM traps follows one (were one to, it
/// would be reported here as trapped where QEMU executed it).
/// </summary>
public sealed partial class QemuTraceTests
{
    /// <summary>
    /// The outcomes of an access that trapped to EL2 and reached a register the catalogue lists: handled, or made
    /// UNDEFINED by the catalogue (a write of a read-only register). Never <c>crash</c>, and <c>unhandled</c> only
    /// where the catalogue lists no register at QEMU's syndrome (<see cref="UnhandledOutcome"/>).
    /// </summary>
    private static readonly string[] TrapOutcomes = ["trap", "trap:UNDEF"];

    /// <summary>
    /// The outcomes of an access that trapped to EL2 and reached no register the catalogue lists: handled by the
    /// runtime itself (an ID register of the CPU model, a set/way operation, an SMC), or logged with an UNDEF injected.
    /// </summary>
    private static readonly string[] UnhandledOutcome = ["trap", "trap:UNDEF", "unhandled"];

    /// <summary>The outcomes of an access that executed at EL1.</summary>
    private static readonly string[] ExecutedOutcomes = ["direct", "skip"];

    public static TheoryData<string, string> Runs
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var guest in new[] { "aarch64", "aarch32" })
            {
                foreach (var run in ProbeRun.For(0, ProbeInstructions.Controls).Select(r => r.Name))
                {
                    data.Add(guest, run);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void Trapgen_run_traps_each_probe_access_exactly_where_qemu_does(string guest, string run)
    {
        var probe = guest == "aarch64" ? QemuProbe.Aarch64 : QemuProbe.Aarch32;
        var runIndex = probe.Runs.Select((r, i) => (r, i)).Single(pair => pair.r.Name == run).i;
        var set = probe.Runs[runIndex].Set;
        var hcr = set.Where(name => TrapControls.Find(name) is { Register: HcrEl2.Name }).ToList();
        var mdcr = set.Where(name => name == "TDE" || TrapControls.Find(name) is { Register: MdcrEl2.Name }).ToList();
        var trace = new StringBuilder().Append("guest ").Append(guest).Append("\nhcr -DC -TVM\n");
        if (hcr.Count > 0)
        {
            trace.Append("hcr ").AppendJoin(' ', hcr.Select(name => "+" + name)).Append('\n');
        }

        if (mdcr.Count > 0)
        {
            trace.Append("mdcr ").AppendJoin(' ', mdcr.Select(name => "+" + name)).Append('\n');
        }

        foreach (var word in probe.Words)
        {
            trace.Append(CultureInfo.InvariantCulture, $"0x{word:x8}\n");
        }

        var (exitCode, output, error) = Cli.Run("run", Cli.Temp(trace.ToString()));

        Assert.True(exitCode == 0, error);
        var lines = InstructionLine().Matches(output).ToList();
        Assert.Equal(probe.Words.Count, lines.Count);
        var disagreements = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var (record, _, _) = probe.Record(runIndex, i);
            var (qemu, expected) = ProbeProgram.Tag(record) switch
            {
                ProbeProgram.TrappedTag when Catalogued(ProbeProgram.Syndrome(record)) => ("traps to EL2", TrapOutcomes),
                ProbeProgram.TrappedTag => ("traps to EL2 (no catalogued register)", UnhandledOutcome),
                ProbeProgram.El1ExceptionTag => ("UNDEF at EL1", ["UNDEF@EL1"]),
                _ => ("executes", ExecutedOutcomes),
            };

            // One line per word, in order: an access the catalogue leaves unhandled gets UNDEF, which the
            // runner takes the guest's handler to skip, so the PC still advances one instruction a line.
            var pc = ulong.Parse(line.Groups["pc"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var outcome = line.Groups["outcome"].Value;
            if (pc != 4UL * (ulong)i || !expected.Contains(outcome))
            {
                disagreements.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{probe.Instructions[i].Name} ({probe.Instructions[i].Text}, 0x{probe.Words[i]:x8}): QEMU {qemu}, trapgen run: {line.Value.Trim()}"));
            }
        }

        Assert.True(disagreements.Count == 0, disagreements.Count + " disagreements under " + run + ":\n" + string.Join('\n', disagreements));
    }

    /// <summary>
    /// Whether QEMU's syndrome reaches a register the shipped catalogue lists: its coordinates, read from the ESR
    /// with the Arm ARM's ISS layouts by hand, against the registry's registers and AArch32 aliases.
    /// </summary>
    private static bool Catalogued(ulong esr)
    {
        uint Bits(int low, int width) => (uint)(esr >> low) & ((1U << width) - 1);
        var ec = Bits(26, 6);
        return ec switch
        {
            0x18 => SystemRegisters.All.Any(r => r.IsAarch64Dispatched && (r.Op0, r.Op1, r.CRn, r.CRm, r.Op2) == ((int)Bits(20, 2), (int)Bits(14, 3), (int)Bits(10, 4), (int)Bits(1, 4), (int)Bits(17, 3))),
            0x03 or 0x05 or 0x08 => Aliases(ec).Any(a => a.Form == AccessForm.Mcr && (a.Opc1, a.CRn, a.CRm, a.Opc2) == ((int)Bits(14, 3), (int)Bits(10, 4), (int)Bits(1, 4), (int)Bits(17, 3))),
            0x04 or 0x0C => Aliases(ec).Any(a => a.Form == AccessForm.Mcrr && (a.Opc1, a.CRm) == ((int)Bits(16, 4), (int)Bits(1, 4))),
            _ => false,
        };
    }

    private static IEnumerable<Aarch32AliasInfo> Aliases(uint ec) => SystemRegisters.All.SelectMany(r => r.Aliases).Where(a => a.ExceptionClass == ec);

    [GeneratedRegex(@"^  (?<pc>[0-9a-f]{8,16})  (?<instruction>.+?) +(?<outcome>trap|trap:skip|trap:UNDEF|unhandled|crash|direct|skip|UNDEF@EL1|trap@EL1|other)(?: |$)", RegexOptions.Multiline)]
    private static partial Regex InstructionLine();
}
