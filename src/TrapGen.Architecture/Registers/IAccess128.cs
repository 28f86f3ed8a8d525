using System.Collections.Generic;

namespace TrapGen.Architecture;

/// <summary>
/// Something a 128-bit access (EC 0x14, <see cref="TrapClasses.Sys128"/>) reaches: a register MRRS and MSRR move
/// (<see cref="Aarch64Register128"/>) or a TLBIP that SYSP executes (<see cref="SystemInstruction128"/>). Each shares the
/// encoding, Exception level and requirements of the 64-bit register or TLBI it is the 128-bit form of.
/// </summary>
public interface IAccess128
{
    /// <summary>Gets its name: the register's (<c>TTBR0_EL1</c>), or the instruction's (<c>TLBIP VAE1</c>).</summary>
    string Name { get; }

    /// <summary>Gets its encoding, its 64-bit form's.</summary>
    Aarch64Encoding Encoding { get; }

    /// <summary>Gets its key in <see cref="TrapClasses.Sys128"/>: a trapped access's ISS masked to the encoding fields.</summary>
    uint Key { get; }

    /// <summary>Gets the lowest Exception level it belongs to.</summary>
    int ExceptionLevel { get; }

    /// <summary>Gets the EL2 trap controls that trap it at EL1, in the pseudocode's order.</summary>
    IReadOnlyList<TrapRule> Traps { get; }

    /// <summary>Gets the feature that adds the 128-bit form (FEAT_D128), as register-requirements.table writes a condition.</summary>
    string? Feature { get; }

    /// <summary>Gets the Arm ARM section of its accessors.</summary>
    string? Section { get; }

    /// <summary>
    /// Gets the feature without which the instruction that makes the access is UNDEFINED at decode, before any trap:
    /// <see cref="PairedAccess.Feature"/> for MRRS and MSRR, <see cref="PairedAccess.InstructionFeature"/> for SYSP.
    /// </summary>
    string DecodeFeature { get; }

    /// <summary>Gets the register-requirements.table condition of the 64-bit register or TLBI it is the 128-bit form of, or null when it has none.</summary>
    string? BaseRequirement { get; }

    /// <summary>Gets whether an access in <paramref name="direction"/> exists: MRRS reads and MSRR writes a register its directions allow; a TLBIP is a write.</summary>
    bool Allows(AccessDirection direction);
}
