using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TrapGen.Instructions;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Emulation;
using TrapGen.Testing.Qemu;
using Xunit;
using Xunit.Abstractions;

namespace TrapGen.Runtime.Tests.Qemu;

/// <summary>
/// T32 IT blocks of one to four instructions on QEMU and on TrapGen, instruction by instruction (issue 26): the probe
/// (<see cref="QemuProbe.ItBlocks"/>) puts each of four trappable accesses at every position of every IT NE block, the
/// other positions fillers that record in r4 whether they ran, and runs them with NZCV clear under no control, TID2, TID3,
/// TVM and all three. TrapGen runs the same words from the same addresses. The expectations come from the Arm ARM
/// (F5.1.57): an instruction runs when its slot is a then (NE passes) and not when it is an else (EQ fails); a trapped
/// one reports the PC of the instruction; after the block the PC is past it and PSTATE.IT is clear.
/// </summary>
public sealed class QemuItBlockTests(ITestOutputHelper output)
{
    private const ulong CondMask = 0xFUL << 20;

    [Fact]
    public void Qemu_and_trapgen_run_and_trap_the_same_instructions_of_every_it_block_at_the_same_pcs()
    {
        var probe = QemuProbe.ItBlocks;
        var guest = (ItBlockGuest)probe.Guest;
        var fillers = Enumerable.Range(0, 4).Select(k => Testing.GuestCode.T32(".syntax unified", ItBlockGuest.Filler(k))[0]).ToArray();
        var disagreements = new List<string>();
        var tallies = new SortedDictionary<string, int>(System.StringComparer.Ordinal);
        for (var run = 0; run < probe.Runs.Count; run++)
        {
            var domain = Machine.Aarch32();
            domain.Build();
            for (var slot = 0; slot < probe.Instructions.Count; slot++)
            {
                var block = guest.Blocks[slot];
                var vcpu = domain.Current;
                domain.Hypervisor.Hcr.Value = probe.Runs[run].Hcr;
                domain.Hypervisor.Mdcr = probe.Runs[run].Mdcr;
                vcpu.Flags = default;
                var it = probe.Output.El1Code + (ulong)((slot * ItBlockGuest.Size) + ItBlockGuest.ItOffset(block.Length));
                vcpu.Pc = it;
                domain.Cpu.Execute(ItInstruction.Encode((uint)block.FirstCondition, (uint)block.Mask), thumb: true);

                // From the Arm ARM: with NZCV clear, a then slot of IT NE passes and an else slot fails.
                var expectedFillers = Enumerable.Range(0, block.Length).Where(k => k != block.Position && block.ConditionAt(k) == 0x1).Sum(k => 1 << k);
                var passes = block.ConditionAt(block.Position) == 0x1;
                var (ranFillers, executed, pc) = (0, default(ExecutionResult), 0UL);
                for (var k = 0; k < block.Length; k++)
                {
                    var before = vcpu.Pc;
                    var result = domain.Cpu.Execute(k == block.Position ? probe.Words[slot] : fillers[k], thumb: true);
                    if (k == block.Position)
                    {
                        (executed, pc) = (result, before);
                    }
                    else if (result.Kind != ExecutionKind.ConditionFailed)
                    {
                        ranFillers |= 1 << k;
                    }
                }

                var (record, elr, value) = probe.Record(run, slot);
                var qemu = QemuOutcomes.Describe(guest, record);
                var trapGen = QemuOutcomes.Describe(executed);
                var tally = "QEMU " + QemuOutcomes.Decision(qemu) + ", TrapGen " + executed.Kind + (passes ? " (then)" : " (else)");
                tallies[tally] = tallies.GetValueOrDefault(tally) + 1;

                var problems = new List<string>();
                if (!Agree(qemu, executed, elr, pc, block.ConditionAt(block.Position), passes))
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"QEMU {qemu} at 0x{elr:x}, TrapGen {trapGen} at 0x{pc:x} ({executed.Outcome})"));
                }

                if ((int)(value >> 32) != expectedFillers || ranFillers != expectedFillers)
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"fillers run: QEMU 0x{value >> 32:x}, TrapGen 0x{ranFillers:x}, the Arm ARM 0x{expectedFillers:x}"));
                }

                if (vcpu.Pc != it + 2 + (4UL * (ulong)block.Length) || vcpu.It != ItState.None)
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"after the block TrapGen's PC is 0x{vcpu.Pc:x} and IT 0x{vcpu.It.Value:x2}"));
                }

                if (problems.Count > 0)
                {
                    disagreements.Add(probe.Runs[run].Name + ", " + probe.Instructions[slot].Name + ": " + string.Join("; ", problems));
                }
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{probe.Instructions.Count} blocks in {probe.Runs.Count} runs, {probe.Executions} executions: ") + string.Join(", ", tallies.Select(t => t.Key + ": " + t.Value.ToString(CultureInfo.InvariantCulture))));
        Assert.True(disagreements.Count == 0, disagreements.Count + " disagreements:\n" + string.Join('\n', disagreements.Take(100)));
        Assert.Contains(tallies.Keys, key => key.StartsWith("QEMU traps, TrapGen Trapped", System.StringComparison.Ordinal));
    }

    /// <summary>
    /// The instruction's decisions agree: both trap, at the same PC, with the same ESR but COND, which is 0xE in QEMU's
    /// (it traps only passing instructions, which the Arm ARM lets it report so) and the slot's condition in TrapGen's; or
    /// QEMU runs past it and TrapGen runs it (a then slot) or skips it (an else slot).
    /// </summary>
    private static bool Agree(string qemu, ExecutionResult executed, ulong elr, ulong pc, int condition, bool passes)
    {
        if (executed.Kind == ExecutionKind.Trapped)
        {
            if (!passes || !qemu.StartsWith("traps", System.StringComparison.Ordinal) || elr != pc)
            {
                return false;
            }

            var (real, ours) = (ulong.Parse(qemu.Split("0x")[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture), (ulong)executed.Esr);
            return (real & CondMask) >> 20 == 0xE && (ours & CondMask) >> 20 == (ulong)condition && (real & ~CondMask) == (ours & ~CondMask);
        }

        return qemu == "executes" && executed.Kind == (passes ? ExecutionKind.Direct : ExecutionKind.ConditionFailed);
    }
}
