using System.Globalization;
using TrapGen.Runtime.Emulation;
using TrapGen.Testing.Qemu;

namespace TrapGen.Runtime.Tests.Qemu;

/// <summary>How the QEMU comparisons write a decision, TrapGen's and QEMU's alike, so that equal decisions are equal strings.</summary>
internal static class QemuOutcomes
{
    /// <summary>TrapGen's decision: a trap with its ESR_EL2, an UNDEF at EL1, an exception at EL1 with its ESR_EL1, or executes.</summary>
    public static string Describe(ExecutionResult result) => result.Kind switch
    {
        ExecutionKind.Trapped => Trap(result.Esr),
        ExecutionKind.UndefinedAtEl1 => "UNDEF at EL1",
        ExecutionKind.TrappedToEl1 => El1Exception(result.Esr),
        ExecutionKind.Direct => "executes",
        ExecutionKind.NotASystemRegisterAccess => "not a system-register move",
        _ => result.Kind.ToString(),
    };

    /// <summary>
    /// TrapGen's decision as the guest's first exception shows it: the first trap the hypervisor saw
    /// (<paramref name="firstTrap"/>, its ESR_EL2), or else <paramref name="result"/>'s. A hypervisor that handles a trap by
    /// returning to the instruction (lazy FP) runs it again, and <paramref name="result"/> is then the second try's.
    /// </summary>
    public static string Describe(ExecutionResult result, uint? firstTrap) => firstTrap is { } esr ? Trap(esr) : Describe(result);

    /// <summary>QEMU's decision, from the probe's record of one slot.</summary>
    public static string Describe(ProbeGuest guest, ulong record) => ProbeProgram.Tag(record) switch
    {
        ProbeProgram.TrappedTag => Trap(ProbeProgram.Syndrome(record)),
        ProbeProgram.El1ExceptionTag when ProbeProgram.Syndrome(record) == guest.UndefinedSyndrome => "UNDEF at EL1",
        ProbeProgram.El1ExceptionTag => El1Exception(ProbeProgram.Syndrome(record)),
        _ => "executes",
    };

    /// <summary>The decision of a description, without its syndrome: "UNDEF", "executes", "traps" or "EL1 exception".</summary>
    public static string Decision(string description) =>
        description.StartsWith("an exception", System.StringComparison.Ordinal) ? "EL1 exception" : description.Split(' ')[0];

    private static string Trap(ulong esr) => string.Create(CultureInfo.InvariantCulture, $"traps with ESR_EL2 0x{esr:x8}");

    private static string El1Exception(ulong esr) => string.Create(CultureInfo.InvariantCulture, $"an exception at EL1 with ESR_EL1 0x{esr:x8}");
}
