using System.Collections.Generic;

namespace TrapGen.Architecture;

/// <summary>
/// One AArch32 register of the architecture: a System register (cp15), a debug register (cp14) or a
/// floating-point ID register (cp10, read with VMRS), with the AArch64 register it is architecturally mapped
/// to (a row of Tables/aarch32-registers.table).
/// </summary>
/// <param name="Name">The architectural name, such as <c>DFAR</c>.</param>
/// <param name="Encoding">Its coprocessor, form and coordinates.</param>
/// <param name="Access">Which accesses the architecture allows (from EL1 when it belongs to EL0 or EL1).</param>
/// <param name="ExceptionLevel">The lowest Exception level that may access it: 2 for Hyp-mode registers, 3 for Secure-only ones.</param>
/// <param name="MapsTo">The AArch64 register it is mapped to, or null (System instructions, and registers with no AArch64 counterpart).</param>
/// <param name="View">Which bits of <paramref name="MapsTo"/> it is.</param>
/// <param name="Traps">The EL2 trap controls that trap an EL1 access to it, with their direction.</param>
/// <param name="OtherNames">Other names of the same encoding (PRRR for MAIR0).</param>
public sealed record Aarch32Register(
    string Name,
    Aarch32Encoding Encoding,
    RegisterAccess Access,
    int ExceptionLevel,
    string? MapsTo,
    RegisterView View,
    IReadOnlyList<TrapRule> Traps,
    IReadOnlyList<string> OtherNames)
{
    /// <summary>Gets the coprocessor: 15, 14 or 10.</summary>
    public int Coprocessor => Encoding.Coprocessor;

    /// <summary>Gets the class its trapped accesses report.</summary>
    public TrapClass Class => Encoding.Class;

    /// <summary>Gets whether EL1 (a guest kernel) may access it without being UNDEFINED.</summary>
    public bool IsGuestAccessible => !El1Access.IsAboveEl1(ExceptionLevel);

    /// <summary>
    /// Gets whether the row is a System instruction rather than a register: a write-only cp15 MCR that no
    /// AArch64 register backs (DCCISW, TLBIALL, ICIALLU).
    /// </summary>
    public bool IsSystemInstruction => Coprocessor == Aarch32Constants.Cp15 && Encoding.Form == AccessForm.Mcr && Access == RegisterAccess.WriteOnly && MapsTo is null;

    /// <summary>Gets whether it is a register of AArch32 alone: no AArch64 register backs it and it is no System instruction (JIDR, FPSID, DBGDIDR).</summary>
    public bool IsAarch32Only => MapsTo is null && !IsSystemInstruction;

    /// <summary>Gets whether an access in <paramref name="direction"/> is allowed.</summary>
    public bool Allows(AccessDirection direction) => RegisterAccessRules.Allows(Access, direction);

    /// <summary>Gets which bits of which AArch64 register it is: <c>FAR_EL1[63:32]</c>, <c>all of TTBR0_EL1</c>, or null when unmapped.</summary>
    public string? Mapping => MapsTo is null ? null : RegisterViews.Notation(View, MapsTo);

    /// <summary>Describes the register with its instruction form: <c>IFAR (MCR p15, 0, c6, c0, 2)</c>.</summary>
    public string Describe() => Name + " (" + Encoding.Describe() + ")";
}
