using System.Collections.Generic;

namespace TrapGen.Architecture;

/// <summary>One AArch64 System instruction (op0 = 1) of the architecture (a row of Tables/aarch64-instructions.table).</summary>
/// <param name="Operation">The instruction: <c>DC</c>, <c>IC</c>, <c>TLBI</c>, <c>AT</c>, …</param>
/// <param name="Name">The operation: <c>CIVAC</c>, <c>VMALLE1IS</c>, …</param>
/// <param name="Encoding">op0 (1), op1, CRn, CRm, op2.</param>
/// <param name="TakesRegister">True when the instruction has an Xt operand (an address, set/way or value).</param>
/// <param name="ExceptionLevel">The lowest Exception level that may execute it (0 to 3).</param>
/// <param name="Feature">The feature or architecture version that adds it, or null for Armv8.0.</param>
/// <param name="Traps">The EL2 trap controls that trap its execution at EL1.</param>
/// <param name="Source">
/// Null for a row of the GNU binutils 2.40 sweep; else where a row binutils 2.40 does not know comes from: <c>armarm</c>
/// (the Arm ARM alone: the nXS TLBIs of FEAT_XS).
/// </param>
public sealed record SystemInstruction(
    string Operation,
    string Name,
    Aarch64Encoding Encoding,
    bool TakesRegister,
    int ExceptionLevel,
    string? Feature,
    IReadOnlyList<TrapRule> Traps,
    string? Source = null)
{
    /// <summary>Gets whether the row comes from a source newer than GNU binutils 2.40, which cannot check it.</summary>
    public bool IsLaterThanBinutils => Source is not null;

    /// <summary>Gets the full name as the Arm ARM writes it: <c>DC CIVAC</c>.</summary>
    public string FullName => Operation + " " + Name;
}
