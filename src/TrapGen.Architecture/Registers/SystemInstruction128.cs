using System.Collections.Generic;

namespace TrapGen.Architecture;

/// <summary>
/// A 128-bit System instruction (a row of Tables/aarch64-128-bit-instructions.table): a TLBIP, which SYSP (FEAT_SYSINSTR128)
/// encodes where its TLBI is, takes its operand from Xt and Xt+1, and traps with EC 0x14 (<see cref="TrapClasses.Sys128"/>)
/// under its TLBI's rules, which its pseudocode checks in the same order.
/// </summary>
/// <param name="Instruction">Its TLBI, whose encoding, Exception level, requirements and trap rules it shares.</param>
/// <param name="Feature">The feature that adds it (FEAT_D128), as register-requirements.table writes a condition.</param>
/// <param name="Section">Its Arm ARM section.</param>
public sealed record SystemInstruction128(SystemInstruction Instruction, string? Feature, string? Section) : IAccess128
{
    /// <summary>The operation the 128-bit form of a TLBI is called.</summary>
    public const string Operation = "TLBIP";

    /// <summary>Gets its name as the Arm ARM writes it: <c>TLBIP VAE1</c>.</summary>
    public string Name => Operation + " " + Instruction.Name;

    /// <summary>Gets its encoding (op0 1), its TLBI's.</summary>
    public Aarch64Encoding Encoding => Instruction.Encoding;

    /// <summary>Gets its key in <see cref="TrapClasses.Sys128"/>.</summary>
    public uint Key => TrapClasses.Sys128.Key(Encoding.KeyValues);

    /// <summary>Gets the lowest Exception level that may execute it, its TLBI's.</summary>
    public int ExceptionLevel => Instruction.ExceptionLevel;

    /// <summary>Gets the EL2 trap controls that trap it at EL1, its TLBI's, in the pseudocode's order.</summary>
    public IReadOnlyList<TrapRule> Traps => Instruction.Traps;

    /// <summary>Gets <see cref="PairedAccess.InstructionFeature"/>: SYSP is UNDEFINED without it.</summary>
    public string DecodeFeature => PairedAccess.InstructionFeature;

    /// <summary>Gets its TLBI's register-requirements.table condition.</summary>
    public string? BaseRequirement => Requirements.Of(Instruction);

    /// <summary>Gets whether <paramref name="direction"/> is a write: a TLBIP is executed as SYSP, which writes its operand.</summary>
    public bool Allows(AccessDirection direction) => direction == AccessDirection.Write;
}
