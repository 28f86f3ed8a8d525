using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace TrapGen.Testing.Qemu;

/// <summary>
/// An AArch32 EL1 that runs T32 (Supervisor mode, SPSR_EL2.T set): the slots of the A32 probe's EL1, each a
/// 32-bit T32 instruction (.w: binutils' listing gives no 16-bit one), emitted as halfwords in T32 order. Exceptions are still taken to the A32 vectors
/// (SCTLR.TE is 0); an Undefined Instruction exception from T32 leaves LR_und at the instruction + 2, so EL2
/// moves it past the 32-bit instruction before the vector returns. With a condition (<see cref="ItCondition"/>) each
/// instruction under test is the one instruction of an IT block of that condition (IT with mask 0b1000), so that it
/// runs conditionally: a T32 coprocessor instruction's own encoding has no condition.
/// </summary>
/// <param name="itCondition">The IT block's condition (0x0 EQ, 0x1 NE, ...), or null for no IT block.</param>
public sealed class Thumb32Guest(int? itCondition = null) : ProbeGuest
{
    private readonly ProbeGuest state = Aarch32;

    /// <summary>Gets the condition of the IT block before each instruction under test, or null when there is none.</summary>
    public int? ItCondition => itCondition;

    /// <inheritdoc/>
    public override bool IsSweep => false;

    /// <inheritdoc/>
    public override bool IsThumb => true;

    /// <inheritdoc/>
    public override ulong Rw => state.Rw;

    /// <inheritdoc/>
    public override int Spsr => state.Spsr | 0x20; // T

    /// <inheritdoc/>
    public override int El2Vector => state.El2Vector;

    /// <inheritdoc/>
    public override int SlotSize => itCondition is null ? 20 : 22;

    /// <inheritdoc/>
    public override ulong UndefinedReturnOffset => 4;

    /// <inheritdoc/>
    public override ulong UndefinedSyndrome => state.UndefinedSyndrome;

    /// <inheritdoc/>
    public override IEnumerable<string> RecordUndefined => ["    add x22, x22, #2", .. state.RecordUndefined];

    /// <inheritdoc/>
    public override IEnumerable<string> Vectors => state.Vectors;

    /// <inheritdoc/>
    public override IEnumerable<string> Code(IReadOnlyList<ProbeInstruction> instructions)
    {
        Xunit.Assert.True(instructions.Count <= 511, "too many instructions for one AArch32 probe");
        string[] lines =
        [
            ".syntax unified",
            .. instructions.SelectMany((instruction, i) => new[]
            {
                Invariant($"movw r11, #{i}"),
                Invariant($"ldr.w r1, [r10, #{8 * i}]"),
                Invariant($"ldr.w r2, [r10, #{(8 * i) + 4}]"),
                instruction.Text,
                Invariant($"str.w r1, [r9, #{8 * i}]"),
            }),
            "hvc #2",
        ];
        // Each slot is five 32-bit instructions (the last, HVC, is alone); the fourth is the one under test, which an
        // IT block of one instruction (0xBF00 | cond << 4 | mask 0b1000) makes conditional.
        return GuestCode.T32(lines).SelectMany((word, n) => new[]
        {
            n % 5 == 3 && n < 5 * instructions.Count && itCondition is { } cond ? Invariant($"    .hword 0x{0xBF08 | (cond << 4):x4}") : null,
            Invariant($"    .hword 0x{word >> 16:x4}"),
            Invariant($"    .hword 0x{word & 0xFFFF:x4}"),
        }).OfType<string>();
    }

    private static string Invariant(System.FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
