using System.Collections.Generic;
using System.Linq;

namespace TrapGen.Testing.Qemu;

/// <summary>
/// What the wait and floating-point probe (<see cref="WaitAndFloatingPointProbe"/>) runs at EL1, written from the Arm ARM's
/// encoding index and not from TrapGen's tables: WFI and WFE, the moves of the floating-point control registers, and one
/// instruction of each encoding class of the SIMD and floating-point groups (A64's "Data Processing -- Scalar
/// Floating-Point and Advanced SIMD" and its loads and stores of SIMD&amp;FP registers; A32's and T32's VFP data processing,
/// transfers between core and SIMD&amp;FP registers, VLDR/VSTR/VLDM, Advanced SIMD data processing and element and
/// structure loads and stores). A load or store uses x1 (r1), the 64-byte aligned scratch address. A32 adds a VMRS of
/// each floating-point ID register (FPSID under HCR_EL2.TID0, MVFR0-2 under TID3) and the moves of FPEXC.
/// </summary>
public static class WaitAndFloatingPointInstructions
{
    /// <summary>The A64 instructions.</summary>
    public static IReadOnlyList<ProbeInstruction> A64 { get; } =
    [
        Plain("WFI", "wfi"),
        Plain("WFE", "wfe"),
        Plain("FPCR read", "mrs x1, fpcr"),
        new("FPCR write", "msr fpcr, x1", "mrs x1, fpcr"),
        Plain("FPSR read", "mrs x1, fpsr"),
        new("FPSR write", "msr fpsr, x1", "mrs x1, fpsr"),
        Plain("FMOV (general, to SIMD&FP)", "fmov d0, x1"),
        Plain("FMOV (general, from SIMD&FP)", "fmov x1, d0"),
        Plain("SCVTF (scalar, integer)", "scvtf d0, x1"),
        Plain("FMOV (scalar, immediate)", "fmov d0, #1.0"),
        Plain("FABS (FP data-processing, 1 source)", "fabs s0, s1"),
        Plain("FCVT (FP data-processing, 1 source)", "fcvt s0, d1"),
        Plain("FADD (FP data-processing, 2 source)", "fadd d0, d1, d2"),
        Plain("FMADD (FP data-processing, 3 source)", "fmadd d0, d1, d2, d3"),
        Plain("FCMP (FP compare)", "fcmp d0, #0.0"),
        Plain("FCCMP (FP conditional compare)", "fccmp d0, d1, #0, eq"),
        Plain("FCSEL (FP conditional select)", "fcsel d0, d1, d2, eq"),
        Plain("ADD (Advanced SIMD three same)", "add v0.4s, v1.4s, v2.4s"),
        Plain("MOVI (Advanced SIMD modified immediate)", "movi v0.2d, #0"),
        Plain("DUP (Advanced SIMD copy, general)", "dup v0.4s, w1"),
        Plain("UMOV (Advanced SIMD copy)", "umov w1, v0.s[0]"),
        Plain("EXT (Advanced SIMD extract)", "ext v0.16b, v1.16b, v2.16b, #1"),
        Plain("TBL (Advanced SIMD table lookup)", "tbl v0.16b, {v1.16b}, v2.16b"),
        Plain("ADDV (Advanced SIMD across lanes)", "addv s0, v1.4s"),
        Plain("ADDP (Advanced SIMD scalar pairwise)", "addp d0, v1.2d"),
        Plain("SHL (Advanced SIMD shift by immediate)", "shl v0.4s, v1.4s, #1"),
        Plain("NOT (Advanced SIMD two-register miscellaneous)", "not v0.16b, v1.16b"),
        Plain("LDR (SIMD&FP, unsigned offset)", "ldr q0, [x1]"),
        Plain("STR (SIMD&FP, unsigned offset)", "str q0, [x1]"),
        Plain("LDP (SIMD&FP)", "ldp d0, d1, [x1]"),
        Plain("LD1 (multiple structures)", "ld1 {v0.16b}, [x1]"),
        Plain("ST1 (single structure)", "st1 {v0.s}[0], [x1]"),
    ];

    /// <summary>The A32 instructions.</summary>
    public static IReadOnlyList<ProbeInstruction> A32 { get; } =
    [
        Plain("WFI", "wfi"),
        Plain("WFE", "wfe"),
        Plain("VMRS FPSCR", "vmrs r1, fpscr"),
        new("VMSR FPSCR", "vmsr fpscr, r1", "mov x1, #0"),
        Plain("VMRS FPEXC", "vmrs r1, fpexc"),
        new("VMSR FPEXC", "vmsr fpexc, r1", "mov x1, #(1 << 30)"),
        Plain("VMRS FPSID", "vmrs r1, fpsid"),
        Plain("VMRS MVFR0", "vmrs r1, mvfr0"),
        Plain("VMRS MVFR1", "vmrs r1, mvfr1"),
        Plain("VMRS MVFR2", "vmrs r1, mvfr2"),
        Plain("VMOV (general to single)", "vmov s0, r1"),
        Plain("VMOV (single to general)", "vmov r1, s0"),
        Plain("VMOV (two general to doubleword)", "vmov d0, r1, r2"),
        Plain("VMOV (general to scalar)", "vmov.32 d0[0], r1"),
        Plain("VADD (floating-point)", "vadd.f32 s0, s1, s2"),
        Plain("VMOV (immediate, floating-point)", "vmov.f32 s0, #1.0"),
        Plain("VCVT (integer to floating-point)", "vcvt.f32.s32 s0, s1"),
        Plain("VCMP", "vcmp.f32 s0, #0"),
        Plain("VLDR", "vldr d0, [r1]"),
        Plain("VSTR", "vstr d0, [r1]"),
        Plain("VLDM", "vldmia r1, {d0-d1}"),
        Plain("VADD (integer, Advanced SIMD)", "vadd.i32 q0, q1, q2"),
        Plain("VORR (Advanced SIMD register)", "vorr d0, d1, d1"),
        Plain("VDUP (general)", "vdup.32 q0, r1"),
        Plain("VEXT", "vext.8 d0, d1, d2, #1"),
        Plain("VLD1 (multiple elements)", "vld1.8 {d0}, [r1]"),
        Plain("VST1 (single element)", "vst1.32 {d0[0]}, [r1]"),
    ];

    /// <summary>
    /// The T32 instructions: <see cref="A32"/>'s, with the 32-bit encodings of WFI and WFE (WFI.W and WFE.W: the T32 probe
    /// runs 32-bit instructions only), which binutils gives in unified syntax.
    /// </summary>
    public static IReadOnlyList<ProbeInstruction> T32 { get; } =
        [.. A32.Select(i => i.Text is "wfi" or "wfe" ? i with { Text = ".syntax unified\n    " + i.Text + ".w" } : i)];

    private static ProbeInstruction Plain(string name, string text) => new(name, text, null);
}
