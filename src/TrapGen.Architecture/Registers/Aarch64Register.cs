using System.Collections.Generic;

namespace TrapGen.Architecture;

/// <summary>One AArch64 System register of the architecture (a row of Tables/aarch64-registers.table).</summary>
/// <param name="Name">The architectural name, such as <c>SCTLR_EL1</c>.</param>
/// <param name="Encoding">op0 (2 or 3), op1, CRn, CRm, op2.</param>
/// <param name="Width">The width in bits that MRS/MSR move.</param>
/// <param name="Access">Which accesses the architecture allows.</param>
/// <param name="ExceptionLevel">The lowest Exception level the register belongs to (0 to 3).</param>
/// <param name="Feature">The feature or architecture version that adds it, or null for Armv8.0.</param>
/// <param name="Traps">The EL2 trap controls that trap an EL1 access to it, with their direction.</param>
/// <param name="OtherNames">Other names the architecture or the assemblers give the same register.</param>
/// <param name="Source">
/// Null for a row of the GNU binutils 2.40 sweep; else the later sources that give a register binutils 2.40 does not
/// know: <c>linux</c> (arch/arm64/tools/sysreg), <c>binutils</c> (binutils-gdb master's aarch64-sys-regs.def), or
/// both, comma-separated.
/// </param>
public sealed record Aarch64Register(
    string Name,
    Aarch64Encoding Encoding,
    int Width,
    RegisterAccess Access,
    int ExceptionLevel,
    string? Feature,
    IReadOnlyList<TrapRule> Traps,
    IReadOnlyList<string> OtherNames,
    string? Source = null)
{
    /// <summary>Gets whether the row comes from a source newer than GNU binutils 2.40, which cannot check it.</summary>
    public bool IsLaterThanBinutils => Source is not null;

    /// <summary>Gets whether EL1 (a guest kernel) may access it without being UNDEFINED: it belongs to EL0 or EL1.</summary>
    public bool IsGuestAccessible => !El1Access.IsAboveEl1(ExceptionLevel);

    /// <summary>Gets whether an access in <paramref name="direction"/> is allowed.</summary>
    public bool Allows(AccessDirection direction) => RegisterAccessRules.Allows(Access, direction);
}
