using System.Collections.Generic;

namespace TrapGen.Architecture;

/// <summary>
/// The 128-bit accessor of an AArch64 System register (a row of Tables/aarch64-128-bit-registers.table): MRRS and MSRR
/// (FEAT_SYSREG128) move the whole register through Xt and Xt+1 and trap with EC 0x14 (<see cref="TrapClasses.Sys128"/>),
/// under rules of their own. The register's MRS and MSR, and everything else about it, are <see cref="Register"/>'s.
/// </summary>
/// <param name="Register">The register it reaches, whose encoding, Exception level and requirements it shares.</param>
/// <param name="Feature">The feature that adds the accessor (FEAT_D128), as register-requirements.table writes a condition.</param>
/// <param name="Traps">The EL2 trap controls that trap an EL1 MRRS (read) or MSRR (write), in the pseudocode's order.</param>
/// <param name="Section">The Arm ARM section of its accessors.</param>
public sealed record Aarch64Register128(Aarch64Register Register, string? Feature, IReadOnlyList<TrapRule> Traps, string? Section) : IAccess128
{
    /// <summary>Gets the register's name.</summary>
    public string Name => Register.Name;

    /// <summary>Gets the register's encoding, which MRRS and MSRR use as MRS and MSR do.</summary>
    public Aarch64Encoding Encoding => Register.Encoding;

    /// <summary>Gets its key in <see cref="TrapClasses.Sys128"/>: a trapped MRRS's or MSRR's ISS masked to the encoding fields.</summary>
    public uint Key => TrapClasses.Sys128.Key(Encoding.KeyValues);

    /// <summary>Gets the lowest Exception level the register belongs to.</summary>
    public int ExceptionLevel => Register.ExceptionLevel;

    /// <summary>Gets <see cref="PairedAccess.Feature"/>: MRRS and MSRR are UNDEFINED without it.</summary>
    public string DecodeFeature => PairedAccess.Feature;

    /// <summary>Gets the register's own register-requirements.table condition.</summary>
    public string? BaseRequirement => Requirements.Of(Register);

    /// <summary>Gets whether the register has an accessor in <paramref name="direction"/>: MRRS reads it, MSRR writes it.</summary>
    public bool Allows(AccessDirection direction) => Register.Allows(direction);
}
