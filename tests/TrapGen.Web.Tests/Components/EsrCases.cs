using Xunit;

namespace TrapGen.Web.Tests.Components;

/// <summary>
/// ESR values with the fields the Arm ARM (D24.2.40 ESR_EL2, and each class's ISS encoding) gives them, worked
/// out by hand from the bit positions, not from TrapGen's output: each row is a value, then field=value pairs.
/// </summary>
internal static class EsrCases
{
    /// <summary>Gets the cases: value, then expected (field, value) pairs as the page prints the values.</summary>
    public static TheoryData<string, string[]> All => new()
    {
        // EC 0x25 (data abort, same EL), IL 1; ISS 0x50: WnR (bit 6) = 1, DFSC [5:0] = 0b010000, a synchronous external abort.
        { "0x96000050", ["EC=0x25", "IL=1", "WnR=1", "DFSC=0x10"] },
        // EC 0x18 (MSR/MRS), Op0 [21:20] = 3, Op2 0, Op1 0, CRn [13:10] = 1, Rt 0, CRm 0, Direction 0 (write): MSR SCTLR_EL1, X0.
        { "0x62300400", ["EC=0x18", "Op0=3", "Op2=0", "Op1=0", "CRn=1", "Rt=0", "CRm=0", "Direction=0"] },
        // EC 0x24 (data abort, lower EL), ISV 1, SAS [23:22] = 3 (doubleword), SRT [20:16] = 0, WnR 1, DFSC 0b000110 (translation, level 2).
        { "0x93c08046", ["EC=0x24", "ISV=1", "SAS=3", "SRT=0", "WnR=1", "DFSC=0x6"] },
        // EC 0x03 (MCR/MRC cp15), CV 1, COND 0xE, Opc2 0, Opc1 0, CRn 6, Rt 0, CRm 0, Direction 0: MCR p15, 0, r0, c6, c0, 0 (DFAR).
        { "0x0fe01800", ["EC=0x03", "CV=1", "COND=14", "Opc2=0", "Opc1=0", "CRn=6", "CRm=0", "Direction=0"] },
        // EC 0x16 (HVC from AArch64), IL 1, imm16 0x3f.
        { "0x5a00003f", ["EC=0x16", "IL=1", "imm16=0x3f"] },
        // EC 0x04 (MCRR/MRRC cp15): CV 1, COND 0xE, Opc1 [19:16] = 0, Rt2 [14:10] = 1, Rt 0, CRm [4:1] = 2, Direction 1 (read): MRRC p15, 0, r0, r1, c2 (TTBR0).
        { "0x13e00405", ["EC=0x04", "CV=1", "COND=14", "Opc1=0", "Rt2=1", "Rt=0", "CRm=2", "Direction=1"] },
    };
}
