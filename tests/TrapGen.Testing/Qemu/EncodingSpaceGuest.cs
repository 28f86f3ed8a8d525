using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace TrapGen.Testing.Qemu;

/// <summary>
/// The EL1 of the encoding-space probe (<see cref="EncodingSpaceProbe"/>): any number of slots of four
/// instructions, each counting itself in x11, preparing its operand, running its instruction and storing the
/// operand register after it. A read's operand is zero; a write's is what the read just before it returned in
/// the first run (HCR_EL2 and MDCR_EL2 clear), so a write puts back what the register held and a register that
/// cannot be read is written zero; a System instruction's is the scratch address. The instruction's
/// <see cref="ProbeInstruction.Prepare"/> and <see cref="ProbeInstruction.Store"/> name its registers
/// (<see cref="Aarch64Registers"/>, <see cref="Aarch32Registers"/>, <see cref="Aarch32Pairs"/>); without them
/// x1, or r2 and r3. Registers set by EL2 per run: x9 the run's
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

    /// <summary>
    /// The registers an access moves, one per encoding in turn, so that every Rt (and Rt2) field is exercised: AArch64
    /// x0–x8, x13, x14, x16, x17, x20–x23, x29 and x30 (not x9–x12, x15, x19 or x24–x28, which the probe uses, nor
    /// XZR, whose write would not put the value back); AArch32 r0–r8 (not r9–r15).
    /// </summary>
    public static IReadOnlyList<int> Aarch64Registers { get; } = [0, 1, 2, 3, 4, 5, 6, 7, 8, 13, 14, 16, 17, 20, 21, 22, 23, 29, 30];

    /// <summary>The AArch32 registers an MRC or MCR moves, in turn.</summary>
    public static IReadOnlyList<int> Aarch32Registers { get; } = [0, 1, 2, 3, 4, 5, 6, 7, 8];

    /// <summary>The AArch32 Rt of an MRRC or MCRR, in turn: Rt2 is Rt + 1, as LDRD and STRD need.</summary>
    public static IReadOnlyList<int> Aarch32Pairs { get; } = [0, 2, 4, 6];

    /// <summary>The operand of a read into register <paramref name="rt"/> (and Rt + 1 for a pair): zero.</summary>
    public string ReadOperand(int rt, bool pair = false) =>
        aarch64 ? Invariant($"mov x{rt}, #0") : pair ? Invariant($"ldrd r{rt}, r{rt + 1}, [r14]") : Invariant($"mov r{rt}, #0");

    /// <summary>The operand of a write from <paramref name="rt"/> (and Rt + 1): the first run's read-back of the slot before.</summary>
    public string WriteOperand(int rt, bool pair = false) =>
        aarch64 ? Invariant($"ldr x{rt}, [x9, x10]") : pair ? Invariant($"ldrd r{rt}, r{rt + 1}, [r9, r10]") : Invariant($"ldr r{rt}, [r9, r10]");

    /// <summary>The store of <paramref name="rt"/> (and Rt + 1) after the instruction, in the run's read-back table.</summary>
    public string Store(int rt, bool pair = false) =>
        aarch64 ? Invariant($"str x{rt}, [x9], #8") : pair ? Invariant($"strd r{rt}, r{rt + 1}, [r9], #8") : Invariant($"str r{rt}, [r9], #8");

    /// <summary>The operand of an AArch64 System instruction in <paramref name="rt"/>: the scratch address.</summary>
    public static string AddressOperand(int rt) => Invariant($"mov x{rt}, x15");

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
            instruction.Prepare ?? ReadOperand(aarch64 ? 1 : 2, pair: !aarch64),
            instruction.Text,
            instruction.Store ?? Store(aarch64 ? 1 : 2, pair: !aarch64),
        }).Append("hvc #2");
        return aarch64 ? lines.Select(line => "    " + line) : Words([.. lines]);
    }

    // The A64 assembler cannot assemble A32: the words come from the Arm binutils.
    private static IEnumerable<string> Words(string[] lines) =>
        GuestCode.A32(lines).Select(word => Invariant($"    .word 0x{word:x8}"));

    private static string Invariant(System.FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
