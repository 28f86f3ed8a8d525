using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using TrapGen.Architecture;

namespace TrapGen.Testing.Qemu;

/// <summary>
/// What QEMU's hardware does with the accesses a hypervisor passes through (issue 26, handling compared): the
/// values the registers hold and keep when nothing traps. The AArch64 registers are read and written at EL2
/// (<see cref="WriteProbe.Assembly"/>: save, write each pattern, read back, restore), where no EL1 register
/// controls anything; the AArch32 views run at an AArch32 EL1 (Supervisor mode, A32) with HCR_EL2, MDCR_EL2's
/// trap bits and HSTR_EL2 clear, one <see cref="Aarch32Step"/> after another on the same CPU, each storing r2 and
/// r3 (the transfer registers of every step) after it. Any exception ends the probe and fails it.
/// </summary>
public static class HandlingProbe
{
    /// <summary>The transfer register of every AArch32 step (and r3, Rt2 of a 64-bit form, the high half).</summary>
    public const int Rt = 2;

    /// <summary>Runs the AArch64 writes at EL2 on <paramref name="cpu"/>: per write, what it held, the value written and what it read back.</summary>
    public static IReadOnlyList<WriteProbe.Result> Aarch64(IReadOnlyList<(Aarch64Register Register, ulong Pattern)> writes, string cpu = "cortex-a57")
    {
        ArgumentNullException.ThrowIfNull(writes);
        var output = QemuRunner.Run(WriteProbe.Assembly(writes), writes.Count, cpu);
        return [.. writes.Select((write, i) => new WriteProbe.Result(write.Register, output.Records[i].Record, output.Records[i].Elr, output.Records[i].Value))];
    }

    /// <summary>Runs <paramref name="steps"/> at an AArch32 EL1 of <paramref name="cpu"/>: per step, r3:r2 after it.</summary>
    public static IReadOnlyList<ulong> Aarch32(IReadOnlyList<Aarch32Step> steps, string cpu = "cortex-a57")
    {
        ArgumentNullException.ThrowIfNull(steps);
        var output = QemuRunner.Run(Aarch32Assembly(steps), steps.Count, cpu);
        return [.. output.Records.Select(r => r.Elr)];
    }

    /// <summary>
    /// The AArch32 probe's source: EL2 clears the trap controls and enters EL1 at <c>el1_code</c>, where each step
    /// sets r2 and r3 (a write's value, or zero before a read), runs its access and stores r3:r2 in the table at r9;
    /// HVC #2 returns to EL2, which prints per step the operand, r3:r2 and 0, then "." (<see cref="QemuRunner.Run"/>'s format).
    /// </summary>
    public static string Aarch32Assembly(IReadOnlyList<Aarch32Step> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var s = new StringBuilder();
        void Line(string text) => s.Append(text).Append('\n');
        foreach (var line in ProbeProgram.BeginningWithoutSlots)
        {
            Line(line);
        }

        Line("    msr hcr_el2, xzr"); // RW 0: an AArch32 EL1; no trap control
        Line("    msr hstr_el2, xzr");
        Line("    mrs x0, mdcr_el2");
        Line("    and x0, x0, #0x1f"); // HPMN alone: no MDCR_EL2 trap
        Line("    msr mdcr_el2, x0");
        Line("    mov x0, #0x33ff"); // CPTR_EL2's RES1 bits, TFP clear
        Line("    msr cptr_el2, x0");
        Line("    ldr x0, =el1_vectors");
        Line("    msr vbar_el1, x0");
        Line("    isb");
        Line("    ldr x9, =values");
        Line("    ldr x0, =el1_code");
        Line("    msr elr_el2, x0");
        Line("    mov x0, #0x1d3"); // AArch32 Supervisor, A, I, F masked
        Line("    msr spsr_el2, x0");
        Line("    adr x19, el1_done");
        Line("    eret");
        Line("el1_done:");
        Line("    mov x6, #0x9000000");
        Line("    ldr x7, =values");
        Line("    ldr x8, =operands");
        Line(Invariant($"    mov x13, #{steps.Count}"));
        Line("1:  ldr x0, [x8], #8");
        Line("    bl puthex");
        Line("    bl space");
        Line("    ldr x0, [x7], #8");
        Line("    bl puthex");
        Line("    bl space");
        Line("    mov x0, #0");
        Line("    bl puthex");
        Line("    bl newline");
        Line("    subs x13, x13, #1");
        Line("    b.ne 1b");
        foreach (var line in ProbeProgram.Ending)
        {
            Line(line);
        }

        // The one exception expected at EL2 is the guest's HVC #2 at its end; anything else is fatal.
        Line("el2_lower_sync:");
        Line("    mrs x24, esr_el2");
        Line("    lsr x25, x24, #26");
        Line("    cmp x25, #0x12");
        Line("    b.ne 1f");
        Line("    and x25, x24, #0xffff");
        Line("    cmp x25, #2");
        Line("    b.ne 1f");
        Line("    br x19");

        // Before "!": the step the guest stopped at (from r9, the address of its value) and, in ESR_EL2, the EL1 vector it
        // took (HVC #0x10 + n).
        Line("1:  mov x6, #0x9000000");
        Line("    ldr x0, =values");
        Line("    sub x0, x9, x0");
        Line("    lsr x0, x0, #3");
        Line("    bl puthex");
        Line("    bl newline");
        Line("    b el2_fatal");
        Line(".ltorg");
        Line(".balign 2048");
        Line("el2_vectors:");
        for (var entry = 0; entry < 16; entry++)
        {
            Line(entry == 12 ? "    b el2_lower_sync" : "    b el2_fatal");
            Line("    .balign 128");
        }

        Line(".balign 32");
        Line("el1_vectors:");
        foreach (var word in GuestCode.A32([.. Enumerable.Range(0, 8).Select(n => Invariant($"hvc #0x{0x10 + n:x}"))]))
        {
            Line(Invariant($"    .word 0x{word:x8}"));
        }

        Line("el1_code:");
        foreach (var word in GuestCode.A32([.. steps.SelectMany(Code), "hvc #2"]))
        {
            Line(Invariant($"    .word 0x{word:x8}"));
        }

        Line(".ltorg");
        Line(".data");
        Line(".balign 16");
        Line("operands:");
        foreach (var step in steps)
        {
            Line(Invariant($"    .quad 0x{(step.IsWrite ? step.Value : 0):x}"));
        }

        Line("values:");
        Line(Invariant($"    .space {8 * steps.Count}"));
        return s.ToString();
    }

    /// <summary>A step's A32 code: r2 and r3 set, the access (<see cref="Aarch32Step.Text"/>), ISB after a write, r3:r2 stored.</summary>
    private static IEnumerable<string> Code(Aarch32Step step)
    {
        var value = step.IsWrite ? step.Value : 0;
        yield return Invariant($"movw r2, #0x{value & 0xffff:x}");
        yield return Invariant($"movt r2, #0x{(value >> 16) & 0xffff:x}");
        yield return Invariant($"movw r3, #0x{(value >> 32) & 0xffff:x}");
        yield return Invariant($"movt r3, #0x{(value >> 48) & 0xffff:x}");
        yield return step.Text;
        if (step.IsWrite)
        {
            yield return "isb";
        }

        yield return "strd r2, r3, [r9], #8";
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>One access of the AArch32 handling probe (<see cref="HandlingProbe.Aarch32"/>), with r2 (and r3) as its transfer registers.</summary>
/// <param name="Name">The form accessed, for messages: <c>TTBCR2</c>, <c>TTBR0 (64-bit)</c>.</param>
/// <param name="Encoding">Its encoding.</param>
/// <param name="IsWrite">An MCR or MCRR (else an MRC or MRRC).</param>
/// <param name="Value">What a write writes: r2 the low word, r3 the high word (an MCR writes r2 alone).</param>
public sealed record Aarch32Step(string Name, Aarch32Encoding Encoding, bool IsWrite, ulong Value)
{
    /// <summary>Gets the access in the syntax binutils assembles (A32 and T32 alike), with r2 and r3.</summary>
    public string Text => IsWrite
        ? Aarch32Spelling.Write(Encoding, rt: HandlingProbe.Rt, rt2: HandlingProbe.Rt + 1)!
        : Aarch32Spelling.Read(Encoding, Name, rt: HandlingProbe.Rt, rt2: HandlingProbe.Rt + 1);
}
