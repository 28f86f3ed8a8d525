using System.Collections.Generic;

namespace TrapGen.Architecture;

/// <summary>One AArch64 System instruction (op0 = 1) of the architecture (a row of Tables/aarch64-instructions.table).</summary>
/// <param name="Operation">The instruction: <c>DC</c>, <c>IC</c>, <c>TLBI</c>, <c>AT</c>, …, or the whole name of one the Arm ARM names in one word (<c>GCSPUSHM</c>).</param>
/// <param name="Name">The operation: <c>CIVAC</c>, <c>VMALLE1IS</c>, …; empty for an instruction named in one word (the table's <c>-</c>).</param>
/// <param name="Encoding">op0 (1), op1, CRn, CRm, op2.</param>
/// <param name="TakesRegister">True when the instruction has an Xt operand (an address, set/way or value).</param>
/// <param name="ExceptionLevel">The lowest Exception level that may execute it (0 to 3).</param>
/// <param name="Feature">The feature or architecture version that adds it, or null for Armv8.0.</param>
/// <param name="Traps">The EL2 trap controls that trap its execution at EL1.</param>
/// <param name="Source">
/// Null for a row of the GNU binutils 2.40 sweep; else where a row binutils 2.40 does not know comes from: <c>armarm</c>
/// (the Arm ARM alone: the nXS TLBIs of FEAT_XS).
/// </param>
/// <param name="WritesRegister">
/// True for an alias of SYSL (GCSPOPM, GCSSS2), which writes its result to Xt: its word has L 1 and a trap of it reports
/// Direction 1; false for an alias of SYS, which reads Xt or takes none.
/// </param>
public sealed record SystemInstruction(
    string Operation,
    string Name,
    Aarch64Encoding Encoding,
    bool TakesRegister,
    int ExceptionLevel,
    string? Feature,
    IReadOnlyList<TrapRule> Traps,
    string? Source = null,
    bool WritesRegister = false)
{
    /// <summary>Gets whether the row comes from a source newer than GNU binutils 2.40, which cannot check it.</summary>
    public bool IsLaterThanBinutils => Source is not null;

    /// <summary>Gets whether the Arm ARM names the instruction in one word (<c>GCSPUSHM</c>), with no operation after it.</summary>
    public bool IsOneWord => Name.Length == 0;

    /// <summary>Gets the full name as the Arm ARM writes it: <c>DC CIVAC</c>, or <c>GCSPUSHM</c> for a one-word name.</summary>
    public string FullName => IsOneWord ? Operation : Operation + " " + Name;

    /// <summary>Gets whether <paramref name="isRead"/> is the direction of its word: L 1 (SYSL) for one that writes Xt, L 0 (SYS) otherwise.</summary>
    /// <param name="isRead">The word's L bit: true for SYSL.</param>
    public bool IsEncodedAs(bool isRead) => isRead == WritesRegister;
}
