using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using TrapGen.Architecture;

namespace TrapGen.Testing.Qemu;

/// <summary>
/// A bare-metal probe for QEMU's virt board that starts at EL2: for each run it sets HCR_EL2 and
/// MDCR_EL2's trap bits (keeping the CPU's HPMN), drops to EL1 (AArch64 or AArch32, as its <see cref="ProbeGuest"/> says) and runs every
/// instruction once. A trap to EL2 records ESR_EL2 and ELR_EL2 and skips the instruction; an exception
/// taken to EL1 (an UNDEF) makes the EL1 vector call HVC #1, and EL2 records it, skips the instruction
/// and returns (the EL1 handler does not read ESR_EL1 itself: HCR_EL2.TRVM traps that). HVC #2 ends a
/// run. At the end the probe prints its results in hex on the PL011 UART and turns the machine off with
/// PSCI SYSTEM_OFF, which QEMU implements as an SMC when it emulates EL2 and no EL3.
/// After each instruction the guest stores x1 (r1) in the run's read-back table, so that the value a
/// read returned is printed with its record.
/// Registers: x1 (and x2) the instruction's operand, x6 the UART, x9 the run's read-back table, x10 the
/// operands' table, x11 the running slot, x12 the run's results, x19 where EL2 continues after the run, x24 to x28 the EL2
/// handler's (an AArch32 guest's FIQ bank). x0 (r0) is 0 at EL1, so an SMC there is no PSCI call: QEMU
/// would perform one that HCR_EL2.TSC does not trap, and UNDEFs any other untrapped SMC.
/// </summary>
public static class ProbeProgram
{
    /// <summary>Where the probe is linked: above the device tree QEMU puts at the start of RAM.</summary>
    public const ulong LoadAddress = 0x4010_0000;

    /// <summary>The record tag of a trap to EL2 (bit 48 up; the ESR is below it).</summary>
    public const ulong TrappedTag = 1;

    /// <summary>The record tag of an exception taken to EL1.</summary>
    public const ulong El1ExceptionTag = 2;

    private const int TagShift = 48;

    /// <summary>
    /// The bits of MDCR_EL2 a run sets: every MDCR_EL2 trap bit of the tables and TDE; the others (the event counter limit
    /// HPMN [4:0] among them, whose 0 would make QEMU's EL1 read PMCR_EL0.N as 0) keep the CPU's reset value.
    /// </summary>
    private static readonly ulong MdcrTrapBits =
        TrapControls.All.Where(c => c.Register == MdcrEl2.Name && !c.IsCounterLimit).Aggregate(1UL << MdcrEl2.TDE, (mask, c) => mask | c.Mask);

    /// <summary>
    /// CPTR_EL2 (with HCR_EL2.E2H = 0) as every run starts from it: its RES1 bits [13:12] and [9:0] with TFP (bit 10)
    /// clear, so that floating-point accesses reach EL1; a run adds its own trap bits (<see cref="ProbeRun.Cptr"/>).
    /// </summary>
    private const ulong CptrBase = 0x33ff;

    /// <summary>
    /// The skip of a trapped T32 instruction also advances SPSR_EL2's IT (IT[1:0] in [26:25], IT[7:2] in [15:10]), as KVM's
    /// kvm_adjust_itstate does: the Arm ARM's AArch32.ITAdvance(), cleared after a block's last instruction, else IT[4:0]
    /// shifted left. A32 (SPSR_EL2.T clear) and AArch64 guests skip it.
    /// </summary>
    private static readonly string[] ItAdvance =
    [
        "    mrs x25, spsr_el2",
        "    tbz x25, #5, 1f",
        "    ubfx x27, x25, #25, #2",
        "    ubfx x28, x25, #10, #6",
        "    orr x27, x27, x28, lsl #2", // x27 = IT[7:0]
        "    tst x27, #7",
        "    b.eq 3f",
        "    and x28, x27, #0xe0",
        "    lsl x27, x27, #1",
        "    and x27, x27, #0x1f",
        "    orr x27, x27, x28",
        "    b 2f",
        "3:",
        "    mov x27, #0",
        "2:",
        "    bic x25, x25, #(3 << 25)",
        "    bic x25, x25, #(0x3f << 10)",
        "    and x28, x27, #3",
        "    orr x25, x25, x28, lsl #25",
        "    lsr x28, x27, #2",
        "    orr x25, x25, x28, lsl #10",
        "    msr spsr_el2, x25",
        "1:",
    ];

    /// <summary>Writes the probe's assembler source for running <paramref name="instructions"/> at <paramref name="guest"/>'s EL1 in each of <paramref name="runs"/>.</summary>
    public static string Assembly(ProbeGuest guest, IReadOnlyList<ProbeInstruction> instructions, IReadOnlyList<ProbeRun> runs)
    {
        var s = new StringBuilder();
        void Line(string text) => s.Append(text).Append('\n');

        foreach (var line in Beginning)
        {
            Line(line);
        }

        Line("    ldr x0, =el1_vectors");
        Line("    msr vbar_el1, x0");

        // Floating-point access from EL1 (CPACR_EL1.FPEN 0b11, CPTR_EL2.TFP 0 with its RES1 bits), so that a
        // VMRS of an ID register reaches the HCR_EL2 ID trap and not the FP enable trap that comes first.
        Line("    mov x0, #(3 << 20)");
        Line("    msr cpacr_el1, x0");
        Line(Invariant($"    mov x0, #0x{CptrBase:x}"));
        Line("    msr cptr_el2, x0");
        if (guest.Rw == 0)
        {
            // An AArch32 EL1 also needs FPEXC.EN (FPEXC32_EL2 bit 30), whose UNDEF the Arm ARM checks before CPTR_EL2.TFP.
            Line("    mov x0, #(1 << 30)");
            Line("    msr fpexc32_el2, x0");
        }

        Line("    isb");
        Line("    ldr x10, =values");

        // x1 for each slot: a register's own value (read here, at EL2) or the scratch address. A sweep reads only.
        for (var i = 0; !guest.IsSweep && i < instructions.Count; i++)
        {
            Line(instructions[i].ValueOf is { } value ? "    " + value : "    ldr x1, =scratch");
            Line(Invariant($"    str x1, [x10, #{8 * i}]"));
        }

        for (var run = 0; run < runs.Count; run++)
        {
            if ((runs[run].Mdcr & ~MdcrTrapBits) != 0)
            {
                throw new ArgumentException(Invariant($"run {runs[run].Name} sets MDCR_EL2 bits 0x{runs[run].Mdcr & ~MdcrTrapBits:x}, outside the trap bits 0x{MdcrTrapBits:x}"), nameof(runs));
            }

            Line(Invariant($"    ldr x0, =0x{runs[run].Hcr | (runs[run].VirtualIrqPending ? ProbeRun.VirtualIrqBits : 0):x}"));
            Line("    msr hcr_el2, x0");
            Line("    mrs x0, mdcr_el2");
            Line(Invariant($"    ldr x3, =0x{MdcrTrapBits:x}"));
            Line("    bic x0, x0, x3");
            Line(Invariant($"    ldr x3, =0x{runs[run].Mdcr:x}"));
            Line("    orr x0, x0, x3");
            Line("    msr mdcr_el2, x0");
            Line(Invariant($"    ldr x0, =0x{CptrBase | runs[run].Cptr:x}"));
            Line("    msr cptr_el2, x0");
            Line(Invariant($"    ldr x0, =0x{runs[run].Hstr:x}"));
            Line("    msr hstr_el2, x0");
            Line("    mrs x0, cnthctl_el2");
            Line(Invariant($"    bic x0, x0, #0x{ProbeRun.TimerBits:x}"));
            Line(Invariant($"    mov x3, #0x{runs[run].Cnthctl & ProbeRun.TimerBits:x}"));
            Line("    orr x0, x0, x3");
            Line("    msr cnthctl_el2, x0");
            Line("    isb");
            Line(Invariant($"    ldr x12, =results + {16 * run * instructions.Count}"));
            Line(Invariant($"    ldr x9, =readback + {8 * run * instructions.Count}"));
            Line("    ldr x0, =el1_code");
            Line("    msr elr_el2, x0");
            Line(Invariant($"    mov x0, #0x{guest.Spsr:x}"));
            Line("    msr spsr_el2, x0");
            foreach (var line in guest.RunSetup(run, instructions.Count))
            {
                Line(line);
            }

            Line(Invariant($"    adr x19, after_{run}"));
            Line("    mov x0, #0");
            Line("    eret");

            // Many runs' constants would put the literal pool out of an LDR's reach (1 MB): a pool after every 64 runs.
            if (run % 64 == 63)
            {
                Line(".ltorg");
            }

            Line(Invariant($"after_{run}:"));
        }

        Line("    mov x0, #(1 << 31)");
        Line("    msr hcr_el2, x0");
        Line("    mov x6, #0x9000000"); // the guest may have moved x6 (r6): the UART again
        Line("    ldr x0, =el1_code");
        Line("    bl puthex");
        Line("    bl newline");
        foreach (var line in guest.PrintsChangesOnly ? DumpChanges(instructions.Count) : DumpAll)
        {
            Line(line);
        }

        foreach (var line in Ending)
        {
            Line(line);
        }

        // x11 is the running slot, x12 the run's results: a 16-byte record (tag and ESR, ELR) per slot.
        Line("el2_lower_sync:");
        Line("    mrs x24, esr_el2");
        Line("    lsr x25, x24, #26");
        Line("    cmp x25, #0x16"); // HVC from AArch64
        Line("    b.eq el2_hvc");
        Line("    cmp x25, #0x12"); // HVC from AArch32
        Line("    b.eq el2_hvc");
        Line("    mrs x26, elr_el2");
        Line(Invariant($"    orr x24, x24, #({TrappedTag} << {TagShift})"));
        Line("    add x27, x12, x11, lsl #4");
        Line("    stp x24, x26, [x27]");
        Line("    add x26, x26, #4");
        Line("    msr elr_el2, x26");
        foreach (var line in ItAdvance)
        {
            Line(line);
        }

        Line("    eret");
        Line("el2_hvc:");
        Line("    and x25, x24, #0xffff");
        Line("    cmp x25, #1");
        Line("    b.ne el2_done");
        foreach (var line in guest.RecordUndefined)
        {
            Line(line);
        }

        Line(Invariant($"    orr x24, x24, #({El1ExceptionTag} << {TagShift})"));
        Line("    add x27, x12, x11, lsl #4");
        Line("    stp x24, x26, [x27]");
        Line("    eret");
        Line("el2_done:");
        Line("    cmp x25, #2");
        Line("    b.ne el2_fatal");
        Line("    br x19");

        // The literal pool stays near the EL2 code that loads from it, however long the EL1 code.
        Line(".ltorg");

        // VBAR_EL2: only synchronous exceptions from the guest's lower EL are expected.
        Line(".balign 2048");
        Line("el2_vectors:");
        for (var entry = 0; entry < 16; entry++)
        {
            Line(entry == guest.El2Vector ? "    b el2_lower_sync" : "    b el2_fatal");
            Line("    .balign 128");
        }

        Line("el1_vectors:");
        foreach (var line in guest.Vectors)
        {
            Line(line);
        }

        Line("el1_code:");
        foreach (var line in guest.Code(instructions))
        {
            Line(line);
        }

        Line(".ltorg");
        Line(".data");
        Line(".balign 64");
        Line("scratch: .space 2048");
        Line("zeros: .space 16");
        Line(Invariant($"values: .space {(guest.IsSweep ? 8 : 8 * instructions.Count)}"));

        // The tables take no room in the ELF: QEMU's loader zeroes .bss.
        Line(".bss");
        Line(".balign 16");
        Line(Invariant($"results: .space {16L * instructions.Count * runs.Count}"));
        Line("results_end:");
        Line(Invariant($"readback: .space {8L * instructions.Count * runs.Count}"));
        return s.ToString();
    }

    /// <summary>The dump of every run's every record: per line, the tagged syndrome, the return address and x1 (r1) after the instruction.</summary>
    private static IReadOnlyList<string> DumpAll { get; } =
    [
        "    ldr x7, =results",
        "    ldr x8, =results_end",
        "    ldr x13, =readback",
        "dump:",
        "    ldr x0, [x7], #8",
        "    bl puthex",
        "    bl space",
        "    ldr x0, [x7], #8",
        "    bl puthex",
        "    bl space",
        "    ldr x0, [x13], #8",
        "    bl puthex",
        "    bl newline",
        "    cmp x7, x8",
        "    b.lo dump",
    ];

    /// <summary>
    /// The dump of an encoding-space probe (<see cref="ProbeGuest.PrintsChangesOnly"/>): the first run's every record
    /// (the tagged syndrome and the operand after the instruction), then per later run a line "-" and, for each
    /// slot whose record differs from the first run's, the slot, the record and the operand.
    /// </summary>
    private static IEnumerable<string> DumpChanges(int slots) =>
    [
        "    ldr x7, =results",
        "    ldr x13, =readback",
        Invariant($"    ldr x8, =results + {16L * slots}"),
        "dump_first:",
        "    ldr x0, [x7], #16",
        "    bl puthex",
        "    bl space",
        "    ldr x0, [x13], #8",
        "    bl puthex",
        "    bl newline",
        "    cmp x7, x8",
        "    b.lo dump_first",
        "    ldr x8, =results_end",
        Invariant($"    ldr x17, ={slots}"),
        "dump_run:",
        "    cmp x7, x8",
        "    b.hs dump_done",
        "    mov w4, #'-'",
        "    strb w4, [x6]",
        "    bl newline",
        "    ldr x20, =results",
        "    mov x21, #0",
        "dump_slot:",
        "    ldr x22, [x7], #16",
        "    ldr x23, [x20], #16",
        "    ldr x2, [x13], #8",
        "    cmp x22, x23",
        "    b.eq 2f",
        "    mov x0, x21",
        "    bl puthex",
        "    bl space",
        "    mov x0, x22",
        "    bl puthex",
        "    bl space",
        "    mov x0, x2",
        "    bl puthex",
        "    bl newline",
        "2:  add x21, x21, #1",
        "    cmp x21, x17",
        "    b.lo dump_slot",
        "    b dump_run",
        "dump_done:",
    ];

    /// <summary>The start of every probe at EL2: <c>_start</c>, VBAR_EL2 at <c>el2_vectors</c>, x6 the PL011 UART's data register.</summary>
    public static IReadOnlyList<string> Beginning { get; } =
    [
        ".arch armv8-a",
        ".text",
        ".global _start",
        "_start:",
        "    ldr x0, =el2_vectors",
        "    msr vbar_el2, x0",
        "    ldr x6, =0x09000000",
    ];

    /// <summary>
    /// The start of a probe that runs no slots of EL1 code (<see cref="WriteProbe"/>, <see cref="HandlingProbe"/>):
    /// <see cref="Beginning"/>, then the first line <see cref="QemuRunner.Run"/> reads, 0 for the EL1 code's address.
    /// </summary>
    public static IReadOnlyList<string> BeginningWithoutSlots { get; } = [.. Beginning, "    mov x0, #0", "    bl puthex", "    bl newline"];

    /// <summary>
    /// The end of every probe at EL2 and its output routines: it prints "." on a line of its own and falls into
    /// <c>off</c> (PSCI SYSTEM_OFF); then <c>puthex</c> (x0 as 16 hex digits on the UART at x6; clobbers x3 to x5),
    /// <c>space</c>, <c>newline</c>, and <c>el2_fatal</c>, where anything else taken to EL2 (an HVC the probe
    /// does not make, an MSR the model UNDEFs) ends the probe with "!" and ESR_EL2.
    /// </summary>
    public static IReadOnlyList<string> Ending { get; } =
    [
        "    mov w4, #'.'",
        "    strb w4, [x6]",
        "    bl newline",
        "off:",
        "    ldr x0, =0x84000008", // PSCI SYSTEM_OFF
        "    smc #0",
        "    b off",
        "puthex:",
        "    mov x3, #60",
        "1:  lsr x4, x0, x3",
        "    and x4, x4, #0xf",
        "    add x5, x4, #'0'",
        "    add x4, x4, #('a' - 10)",
        "    cmp x5, #'9'",
        "    csel x4, x5, x4, ls",
        "    strb w4, [x6]",
        "    subs x3, x3, #4",
        "    b.ge 1b",
        "    ret",
        "space:",
        "    mov w4, #' '",
        "    strb w4, [x6]",
        "    ret",
        "newline:",
        "    mov w4, #'\\n'",
        "    strb w4, [x6]",
        "    ret",
        "el2_fatal:",
        "    mov x6, #0x9000000",
        "    mov w4, #'!'",
        "    strb w4, [x6]",
        "    mrs x0, esr_el2",
        "    bl puthex",
        "    bl newline",
        "    b off",
    ];

    /// <summary>The linker script: everything at <see cref="LoadAddress"/>.</summary>
    public static string LinkerScript => Invariant(
        $"ENTRY(_start)\nSECTIONS {{ . = 0x{LoadAddress:x}; .text : {{ *(.text*) }} .data : {{ *(.data*) }} .bss : {{ *(.bss*) }} }}\n");

    /// <summary>The tag of a record (0: the instruction ran without an exception).</summary>
    public static ulong Tag(ulong record) => record >> TagShift;

    /// <summary>The syndrome in a record.</summary>
    public static ulong Syndrome(ulong record) => record & ((1UL << TagShift) - 1);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
