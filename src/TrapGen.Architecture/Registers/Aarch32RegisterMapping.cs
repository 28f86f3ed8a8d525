namespace TrapGen.Architecture;

/// <summary>
/// The architectural mapping of AArch32 registers onto X0–X30 (Arm ARM DDI 0487, "Mapping of the
/// general-purpose registers between the Execution states"). A trap from AArch32 to an AArch64 EL2
/// reports Rt and Rt2 in this AArch64 view: R13 in Supervisor mode is X19, so <c>mcr p15, 0, r13, …</c>
/// from SVC mode reports Rt = 19.
/// </summary>
public static class Aarch32RegisterMapping
{
    private static readonly (int Register, string Name)[] ByAarch64Register =
    [
        (0, "R0"), (1, "R1"), (2, "R2"), (3, "R3"), (4, "R4"), (5, "R5"), (6, "R6"), (7, "R7"),
        (8, "R8_usr"), (9, "R9_usr"), (10, "R10_usr"), (11, "R11_usr"), (12, "R12_usr"),
        (13, "SP_usr"), (14, "LR_usr"), (13, "SP_hyp"),
        (14, "LR_irq"), (13, "SP_irq"), (14, "LR_svc"), (13, "SP_svc"), (14, "LR_abt"), (13, "SP_abt"), (14, "LR_und"), (13, "SP_und"),
        (8, "R8_fiq"), (9, "R9_fiq"), (10, "R10_fiq"), (11, "R11_fiq"), (12, "R12_fiq"), (13, "SP_fiq"), (14, "LR_fiq"),
    ];

    /// <summary>Gets whether <paramref name="rt"/> (0–31) names an AArch32 register; 31 does not.</summary>
    public static bool IsMapped(uint rt) => rt < (uint)ByAarch64Register.Length;

    /// <summary>Gets the register number the AArch32 instruction named (13 for SP_svc), or -1 for an unmapped Rt.</summary>
    public static int InstructionRegister(uint rt) => IsMapped(rt) ? ByAarch64Register[rt].Register : -1;

    /// <summary>Gets the banked register's name (<c>SP_svc</c>), or null for an unmapped Rt.</summary>
    public static string? Name(uint rt) => IsMapped(rt) ? ByAarch64Register[rt].Name : null;
}
