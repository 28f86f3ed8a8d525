using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace TrapGen.Testing.Qemu;

/// <summary>
/// The EL1 of the encoding-space probe (<see cref="EncodingSpaceProbe"/>): any number of slots of four
/// instructions, each counting itself in x11, preparing its operand, running its instruction and storing the
/// operand register after it. A read's operand is zero; a write's is what the read just before it returned in
/// the first run (HCR_EL2 and MDCR_EL2 clear), so a write puts back what the register held and a register that
/// cannot be read is written zero; a System instruction's is the scratch address. AArch64 moves use x1; AArch32
/// ones r2 and r3 (MRRC and MCRR: Rt r2, Rt2 r3; both stored). Registers set by EL2 per run: x9 the run's
/// read-back table, x10 the distance from it to the first run's less one slot, x11 minus one, x15 the scratch
/// address, x18 (r14_svc) the address of a zero doubleword.
/// </summary>
public sealed class EncodingSpaceGuest : ProbeGuest
{
    private readonly ProbeGuest state;
    private readonly bool aarch64;

    /// <summary>Creates the guest of an AArch64 (or AArch32) EL1.</summary>
    public EncodingSpaceGuest(bool aarch64)
    {
        this.aarch64 = aarch64;
        state = aarch64 ? Aarch64Sweep : Aarch32Sweep;
    }

    /// <summary>The operand of a read: zero.</summary>
    public string ReadOperand => aarch64 ? "mov x1, #0" : "ldrd r2, r3, [r14]";

    /// <summary>The operand of a write: the first run's read-back of the slot before.</summary>
    public string WriteOperand => aarch64 ? "ldr x1, [x9, x10]" : "ldrd r2, r3, [r9, r10]";

    /// <summary>The operand of an AArch64 System instruction: the scratch address.</summary>
    public static string AddressOperand => "mov x1, x15";

    /// <inheritdoc/>
    public override bool IsSweep => true;

    /// <inheritdoc/>
    public override bool PrintsChangesOnly => true;

    /// <inheritdoc/>
    public override ulong Rw => state.Rw;

    /// <inheritdoc/>
    public override int Spsr => state.Spsr;

    /// <inheritdoc/>
    public override int El2Vector => state.El2Vector;

    /// <inheritdoc/>
    public override int SlotSize => 16;

    /// <inheritdoc/>
    public override ulong UndefinedReturnOffset => state.UndefinedReturnOffset;

    /// <inheritdoc/>
    public override ulong UndefinedSyndrome => state.UndefinedSyndrome;

    /// <inheritdoc/>
    public override IEnumerable<string> RecordUndefined => state.RecordUndefined;

    /// <inheritdoc/>
    public override IEnumerable<string> Vectors => state.Vectors;

    /// <inheritdoc/>
    public override IEnumerable<string> RunSetup(int run, int slots) =>
    [
        Invariant($"    ldr x10, =-{(8L * run * slots) + 8}"),
        "    mov x11, #-1",
        "    ldr x15, =scratch",
        "    ldr x18, =zeros",
    ];

    /// <inheritdoc/>
    public override IEnumerable<string> Code(IReadOnlyList<ProbeInstruction> instructions)
    {
        var lines = instructions.SelectMany(instruction => new[]
        {
            aarch64 ? "add x11, x11, #1" : "add r11, r11, #1",
            instruction.Prepare ?? ReadOperand,
            instruction.Text,
            aarch64 ? "str x1, [x9], #8" : "strd r2, r3, [r9], #8",
        }).Append("hvc #2");
        return aarch64 ? lines.Select(line => "    " + line) : Words([.. lines]);
    }

    // The A64 assembler cannot assemble A32: the words come from the Arm binutils.
    private static IEnumerable<string> Words(string[] lines) =>
        GuestCode.A32(lines).Select(word => Invariant($"    .word 0x{word:x8}"));

    private static string Invariant(System.FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
