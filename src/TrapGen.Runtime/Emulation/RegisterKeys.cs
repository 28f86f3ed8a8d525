using TrapGen.Architecture;

namespace TrapGen.Runtime.Emulation;

/// <summary>The EC 0x18 key of an AArch64 register or System instruction the emulated CPU consults by name (ELR_EL1, SPSR_EL1, PMCR_EL0, GCSPUSHM), found once.</summary>
internal static class RegisterKeys
{
    /// <summary>Gets the key of <paramref name="register"/>, which aarch64-registers.table must have.</summary>
    public static uint Of(string register) =>
        Aarch64Registers.TryFind(register, out var found) ? found.Encoding.Key : throw new System.InvalidOperationException("aarch64-registers.table has no " + register);

    /// <summary>Gets the key of the System instruction <paramref name="instruction"/> (its full name), which aarch64-instructions.table must have.</summary>
    public static uint OfInstruction(string instruction) =>
        SystemInstructions.TryFind(instruction, out var found) ? found.Encoding.Key : throw new System.InvalidOperationException("aarch64-instructions.table has no " + instruction);
}
