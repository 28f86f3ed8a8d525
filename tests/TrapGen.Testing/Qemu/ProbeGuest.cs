using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace TrapGen.Testing.Qemu;

/// <summary>
/// What the probe's EL1 is: AArch64 (EL1h) or AArch32 (Supervisor mode, A32). Its code and vectors, how
/// EL2 enters it, and how an UNDEF it takes is recorded. An AArch32 EL1's banked registers live in
/// X16 to X30 (LR_und is X22): EL2 keeps to X24 to X28, the FIQ bank, which the guest never uses.
/// Each slot stores x1 (r1) after its instruction in the run's read-back table (x9), so that a read's
/// value can be compared. A sweep (<see cref="IsSweep"/>) runs reads only, any number of them: its slots
/// load no operand and store with post-increment, so no offset limits how many there are.
/// </summary>
public abstract class ProbeGuest
{
    /// <summary>The AArch64 EL1.</summary>
    public static ProbeGuest Aarch64 { get; } = new Aarch64Guest(sweep: false);

    /// <summary>The AArch32 EL1.</summary>
    public static ProbeGuest Aarch32 { get; } = new Aarch32Guest(sweep: false);

    /// <summary>The AArch64 EL1 of a read sweep.</summary>
    public static ProbeGuest Aarch64Sweep { get; } = new Aarch64Guest(sweep: true);

    /// <summary>The AArch32 EL1 of a read sweep.</summary>
    public static ProbeGuest Aarch32Sweep { get; } = new Aarch32Guest(sweep: true);

    /// <summary>The AArch64 EL1 of the encoding-space probe (<see cref="EncodingSpaceGuest"/>).</summary>
    public static ProbeGuest Aarch64Space { get; } = new EncodingSpaceGuest(aarch64: true);

    /// <summary>The AArch32 EL1 of the encoding-space probe (<see cref="EncodingSpaceGuest"/>).</summary>
    public static ProbeGuest Aarch32Space { get; } = new EncodingSpaceGuest(aarch64: false);

    /// <summary>The AArch32 EL1 that runs T32 (<see cref="Thumb32Guest"/>).</summary>
    public static ProbeGuest Thumb32 { get; } = new Thumb32Guest();

    /// <summary>Gets whether this EL1 runs T32 rather than A32 (or A64).</summary>
    public virtual bool IsThumb => false;

    /// <summary>Gets whether this EL1 runs a read sweep: no operands, no limit on the number of slots.</summary>
    public abstract bool IsSweep { get; }

    /// <summary>
    /// Gets whether this EL1 runs the encoding space (<see cref="EncodingSpaceGuest"/>): no operands from EL2, any
    /// number of slots, and the probe prints the first run in full and of every later run only the slots whose
    /// record differs from the first run's.
    /// </summary>
    public virtual bool PrintsChangesOnly => false;

    /// <summary>Gets the EL2 code that prepares run <paramref name="run"/> of <paramref name="slots"/> slots, just before it enters EL1.</summary>
    public virtual IEnumerable<string> RunSetup(int run, int slots) => [];

    /// <summary>Gets HCR_EL2.RW for this EL1.</summary>
    public abstract ulong Rw { get; }

    /// <summary>Gets SPSR_EL2 for the ERET into EL1: the mode, with A, I and F (and D) masked.</summary>
    public abstract int Spsr { get; }

    /// <summary>Gets the VBAR_EL2 entry (of 16, 128 bytes each) of synchronous exceptions from this EL1.</summary>
    public abstract int El2Vector { get; }

    /// <summary>Gets the bytes of one instruction's slot of EL1 code.</summary>
    public abstract int SlotSize { get; }

    /// <summary>Gets the offset of the instruction under test in its slot: the store of x1 follows it.</summary>
    public int InstructionOffset => SlotSize - 8;

    /// <summary>Gets how far past the instruction the return address of an UNDEF taken to EL1 points.</summary>
    public abstract ulong UndefinedReturnOffset { get; }

    /// <summary>Gets the syndrome the probe records for an UNDEF taken to EL1.</summary>
    public abstract ulong UndefinedSyndrome { get; }

    /// <summary>Gets the EL2 code that records an UNDEF taken to EL1 (in x24, the syndrome; x26, the return address) and arranges its skip.</summary>
    public abstract IEnumerable<string> RecordUndefined { get; }

    /// <summary>Gets the EL1 vector table: a synchronous exception asks EL2 to record it (HVC #1), anything else ends the probe (HVC #3).</summary>
    public abstract IEnumerable<string> Vectors { get; }

    /// <summary>Gets the EL1 code: per slot, x11 = the slot, x1 (and x2) = its operand, the instruction, x1 stored in the read-back table; then HVC #2.</summary>
    public abstract IEnumerable<string> Code(IReadOnlyList<ProbeInstruction> instructions);

    private sealed class Aarch64Guest(bool sweep) : ProbeGuest
    {
        public override bool IsSweep => sweep;

        public override ulong Rw => 1UL << 31;

        public override int Spsr => 0x3c5; // EL1h, D, A, I, F

        public override int El2Vector => 8; // 0x400: lower EL using AArch64, synchronous

        public override int SlotSize => sweep ? 12 : 16;

        public override ulong UndefinedReturnOffset => 0; // ELR_EL1 is the instruction

        public override ulong UndefinedSyndrome => 1UL << 25; // EC 0x00 (unknown reason), IL 1

        public override IEnumerable<string> RecordUndefined =>
        [
            "    mrs x24, esr_el1",
            "    mrs x26, elr_el1",
            "    add x25, x26, #4",
            "    msr elr_el1, x25",
        ];

        public override IEnumerable<string> Vectors => Enumerable.Range(0, 16)
            .SelectMany(entry => new[] { entry == 4 ? "    hvc #1\n    eret" : "    hvc #3", "    .balign 128" });

        public override IEnumerable<string> Code(IReadOnlyList<ProbeInstruction> instructions) => sweep
            ? instructions.SelectMany((instruction, i) => new[]
            {
                string.Create(CultureInfo.InvariantCulture, $"    mov x11, #{i}"),
                "    " + instruction.Text,
                "    str x1, [x9], #8",
            }).Append("    hvc #2")
            : instructions.SelectMany((instruction, i) => new[]
            {
                string.Create(CultureInfo.InvariantCulture, $"    mov x11, #{i}"),
                string.Create(CultureInfo.InvariantCulture, $"    ldr x1, [x10, #{8 * i}]"),
                "    " + instruction.Text,
                string.Create(CultureInfo.InvariantCulture, $"    str x1, [x9, #{8 * i}]"),
            }).Append("    hvc #2");
    }

    private sealed class Aarch32Guest(bool sweep) : ProbeGuest
    {
        public override bool IsSweep => sweep;

        public override ulong Rw => 0;

        public override int Spsr => 0x1d3; // AArch32 Supervisor, A, I, F

        public override int El2Vector => 12; // 0x600: lower EL using AArch32, synchronous

        public override int SlotSize => sweep ? 12 : 20;

        public override ulong UndefinedReturnOffset => 4; // LR_und is the A32 instruction + 4

        public override ulong UndefinedSyndrome => 0; // an AArch32 Undefined Instruction exception reports no syndrome

        // LR_und (X22) already returns past the instruction: the vector's MOVS PC, LR resumes there.
        public override IEnumerable<string> RecordUndefined => ["    mov x24, #0", "    mov x26, x22"];

        // Reset, Undefined (HVC #1, then MOVS PC, LR in the unused SVC entry), the rest end the probe.
        public override IEnumerable<string> Vectors =>
            Words(["hvc #3", "hvc #1", "movs pc, lr", "hvc #3", "hvc #3", "hvc #3", "hvc #3", "hvc #3"]);

        public override IEnumerable<string> Code(IReadOnlyList<ProbeInstruction> instructions)
        {
            if (sweep)
            {
                Xunit.Assert.True(instructions.Count <= 65536, "too many instructions for one sweep: MOVW takes 16 bits");
                return Words([.. instructions.SelectMany((instruction, i) => new[]
                {
                    string.Create(CultureInfo.InvariantCulture, $"movw r11, #{i}"),
                    instruction.Text,
                    "str r1, [r9], #8",
                }), "hvc #2"]);
            }

            // LDR's immediate offset reaches 4095 bytes: 511 slots of 8-byte operands.
            Xunit.Assert.True(instructions.Count <= 511, "too many instructions for one AArch32 probe");
            return Words([.. instructions.SelectMany((instruction, i) => new[]
            {
                string.Create(CultureInfo.InvariantCulture, $"movw r11, #{i}"),
                string.Create(CultureInfo.InvariantCulture, $"ldr r1, [r10, #{8 * i}]"),
                string.Create(CultureInfo.InvariantCulture, $"ldr r2, [r10, #{(8 * i) + 4}]"),
                instruction.Text,
                string.Create(CultureInfo.InvariantCulture, $"str r1, [r9, #{8 * i}]"),
            }), "hvc #2"]);
        }

        // The A64 assembler cannot assemble A32: the words come from the Arm binutils.
        private static IEnumerable<string> Words(string[] lines) =>
            GuestCode.A32(lines).Select(word => string.Create(CultureInfo.InvariantCulture, $"    .word 0x{word:x8}"));
    }
}
