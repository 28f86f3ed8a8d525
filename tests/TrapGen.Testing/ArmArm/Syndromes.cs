namespace TrapGen.Testing.ArmArm;

/// <summary>
/// ESR_EL2 values of trapped System register accesses, written by hand from the Arm ARM's ISS layouts
/// (DDI 0487, D24.2.40 ESR_EL2: "ISS encoding for an exception from MSR, MRS, or System instruction execution in
/// AArch64 state", "... from an MCR or MRC access", "... from an MCRR or MRRC access"), with shifts typed
/// here rather than taken from TrapGen's generated field masks or its SyndromeBuilder, so that tests of
/// those can fail. EC [31:26], IL [25] (1: a 32-bit instruction), ISS [24:0].
/// </summary>
public static class Syndromes
{
    /// <summary>COND of an unconditional (AL) AArch32 instruction.</summary>
    public const uint Always = 0xE;

    /// <summary>EC 0x18, an MRS, MSR or System instruction: Op0 [21:20], Op2 [19:17], Op1 [16:14], CRn [13:10], Rt [9:5], CRm [4:1], Dir [0] (1 read).</summary>
    public static ulong Msr(uint op0, uint op1, uint crn, uint crm, uint op2, uint rt, bool isRead) =>
        (0x18UL << 26) | (1UL << 25) | ((ulong)op0 << 20) | ((ulong)op2 << 17) | ((ulong)op1 << 14) | ((ulong)crn << 10) | ((ulong)rt << 5) | ((ulong)crm << 1) | (isRead ? 1UL : 0);

    /// <summary>
    /// EC 0x03 (cp15) or 0x05 (cp14), an MCR or MRC: CV [24], COND [23:20], Opc2 [19:17], Opc1 [16:14], CRn [13:10],
    /// Rt [9:5], CRm [4:1], Dir [0]; IL 1 for A32 and 32-bit T32.
    /// </summary>
    public static ulong Mcr(uint ec, uint cond, uint opc1, uint crn, uint crm, uint opc2, uint rt, bool isRead, bool conditionValid = true) =>
        ((ulong)ec << 26) | (1UL << 25) | (conditionValid ? 1UL << 24 : 0) | ((ulong)cond << 20) | ((ulong)opc2 << 17) | ((ulong)opc1 << 14) | ((ulong)crn << 10) | ((ulong)rt << 5) | ((ulong)crm << 1) | (isRead ? 1UL : 0);

    /// <summary>EC 0x04 (cp15) or 0x0C (cp14), an MCRR or MRRC: CV [24], COND [23:20], Opc1 [19:16], Rt2 [14:10], Rt [9:5], CRm [4:1], Dir [0].</summary>
    public static ulong Mcrr(uint ec, uint cond, uint opc1, uint crm, uint rt, uint rt2, bool isRead, bool conditionValid = true) =>
        ((ulong)ec << 26) | (1UL << 25) | (conditionValid ? 1UL << 24 : 0) | ((ulong)cond << 20) | ((ulong)opc1 << 16) | ((ulong)rt2 << 10) | ((ulong)rt << 5) | ((ulong)crm << 1) | (isRead ? 1UL : 0);

    /// <summary>
    /// EC 0x06, an LDC or STC of cp14: CV [24], COND [23:20], imm8 [19:12], Rn [9:5], Offset [4] (1: add), AM [3:1]
    /// (0b010: immediate offset), Direction [0]: 1 a read from memory (LDC, a write of the System register), 0 a
    /// write to memory (STC, a read of it).
    /// </summary>
    public static ulong Ldc(uint cond, uint imm8, uint rn, bool add, uint addressingMode, bool readsMemory) =>
        (0x06UL << 26) | (1UL << 25) | (1UL << 24) | ((ulong)cond << 20) | ((ulong)imm8 << 12) | ((ulong)rn << 5) | (add ? 1UL << 4 : 0) | ((ulong)addressingMode << 1) | (readsMemory ? 1UL : 0);
}
