using TrapGen.Architecture;
using TrapGen.Runtime.Emulation;
using TrapGen.Runtime.Instructions;
using TrapGen.Runtime.Traps;
using Xunit;
using A64 = TrapGen.Architecture.Layouts.A64SystemMove;

namespace TrapGen.Runtime.Tests.Qemu;

/// <summary>
/// Where QEMU and TrapGen's emulated CPU are known to disagree, and QEMU is right (the Arm ARM's side).
/// For these words the test holds QEMU to what the architecture requires and TrapGen's CPU to what it
/// does today, so that fixing TrapGen fails the test until the exception is removed from here.
/// </summary>
internal static class KnownDisagreements
{
    /// <summary>
    /// Gets whether <paramref name="word"/> is a known disagreement; if so, what QEMU must do under
    /// <paramref name="hcr"/> and what TrapGen's CPU does instead (<paramref name="executed"/> is its result).
    /// </summary>
    public static bool TryGet(uint word, ExecutionResult executed, ulong hcr, out string architecture, out string trapGenToday)
    {
        architecture = trapGenToday = string.Empty;
        if (A64.Fixed.Extract(word) != A64.FixedValue)
        {
            return false;
        }

        // 1. System instructions (op0 1: DC, IC, TLBI). HCR_EL2.TPC, TPU, TSW, TTLB and TDZ trap them at EL1
        // (Arm ARM D24.2 HCR_EL2), and TrapGen's table says so (aarch64-instructions.table), but the
        // emulated CPU decodes only register moves (op0 2 and 3: InstructionDecoder) and runs every System
        // instruction without consulting HCR_EL2. QEMU is held to the decision the table and TrapGen's
        // syndrome builder make for the word.
        if (A64.Op0.Extract(word) == 1)
        {
            trapGenToday = "not a system-register move";
            architecture = TableDecision(word, hcr);
            return true;
        }

        return false;
    }

    /// <summary>What the architecture table and the syndrome builder say a System instruction does at EL1, decided as <see cref="EmulatedCpu"/> decides a register move.</summary>
    private static string TableDecision(uint word, ulong hcr)
    {
        var access = new SystemRegisterAccess(
            InstructionSet.A64, TrapClassKind.Aarch64, IsRead: A64.L.Extract(word) != 0, 1, (uint)A64.Op1.Extract(word), (uint)A64.CRn.Extract(word),
            (uint)A64.CRm.Extract(word), (uint)A64.Op2.Extract(word), (uint)A64.Rt.Extract(word), Rt2: 0, Aarch32Constants.ConditionAlways);
        var esr = SyndromeBuilder.Build(access);
        Assert.True(SyndromeKey.TryGet(esr, out _, out var key));
        return El1Access.Check(TrapClassKind.Aarch64, key, access.IsRead) != El1AccessCheck.Allowed ? "UNDEF at EL1"
            : ArchitecturalTraps.Traps(hcr, 0, TrapClassKind.Aarch64, key, access.IsRead) ? QemuDifferentialTests.Trap(esr)
            : "executes";
    }
}
