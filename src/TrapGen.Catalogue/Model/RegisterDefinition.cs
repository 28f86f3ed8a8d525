using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Collections;
using TrapGen.Catalogue.Diagnostics;

namespace TrapGen.Catalogue.Model;

/// <summary>
/// A system register and everything TrapGen knows about trapping it: an AArch64 register with its AArch32
/// views, or a register AArch32 alone has (JIDR, FPSID), catalogued by its AArch32 name, whose one form is
/// its only alias.
/// </summary>
/// <param name="Name">The AArch64 name, such as <c>SCTLR_EL1</c>, or the AArch32 name of a register AArch64 does not have (<c>JIDR</c>).</param>
/// <param name="Description">What the register is.</param>
/// <param name="Encoding">op0, op1, CRn, CRm, op2: declared, or the architecture's; null for a register of AArch32 alone.</param>
/// <param name="Width">32 or 64: declared, or the architecture's (32 for a register of AArch32 alone).</param>
/// <param name="Access">Which accesses the architecture allows: declared, or the architecture's.</param>
/// <param name="ExceptionLevel">The Exception level it belongs to: the architecture's, or from op1 for an IMPLEMENTATION DEFINED register.</param>
/// <param name="ImplementationDefined">True when the catalogue marks it as IMPLEMENTATION DEFINED, outside the architecture's table.</param>
/// <param name="Handling">What the hypervisor does with a trapped access.</param>
/// <param name="Emulator">The emulator's name when <see cref="Handling"/> is emulated.</param>
/// <param name="AfterWrite">The hook run after every write, through any alias, or null.</param>
/// <param name="ResetValue">The value the register file starts with.</param>
/// <param name="OtherNames">Other architectural names of the same encoding.</param>
/// <param name="Traps">The trap groups that trap it, per direction.</param>
/// <param name="GuestAarch32State">
/// True for EL2 registers that hold the guest's AArch32 state (DACR32_EL2): only their AArch32 aliases
/// are dispatched, never the AArch64 encoding.
/// </param>
/// <param name="Aliases">The AArch32 views of this register.</param>
/// <param name="Span">The register entry's name.</param>
/// <param name="EncodingSpan">The encoding node, or the name when the architecture supplies it.</param>
/// <param name="WidthSpan">The width node, or the name.</param>
/// <param name="AccessSpan">The access node, or the name.</param>
/// <param name="OtherNamesSpan">The other_names node, or the name.</param>
/// <param name="HandlingSpan">The handling node.</param>
/// <param name="EmulatorSpan">The emulator node, or the entry when there is none.</param>
/// <param name="AfterWriteSpan">The after_write node, or the entry when there is none.</param>
public sealed record RegisterDefinition(
    string Name,
    string Description,
    Aarch64Encoding? Encoding,
    int Width,
    RegisterAccess Access,
    int ExceptionLevel,
    bool ImplementationDefined,
    RegisterHandling Handling,
    string? Emulator,
    string? AfterWrite,
    ulong ResetValue,
    EquatableArray<string> OtherNames,
    EquatableArray<TrapMembership> Traps,
    bool GuestAarch32State,
    EquatableArray<AliasDefinition> Aliases,
    SourceSpan Span,
    SourceSpan EncodingSpan,
    SourceSpan WidthSpan,
    SourceSpan AccessSpan,
    SourceSpan OtherNamesSpan,
    SourceSpan HandlingSpan,
    SourceSpan EmulatorSpan,
    SourceSpan AfterWriteSpan)
{
    /// <summary>Gets the value reads return when <see cref="Handling"/> is constant, or null when the catalogue gives none.</summary>
    public ulong? Value { get; init; }

    /// <summary>Gets the value node, or the entry when there is none.</summary>
    public SourceSpan ValueSpan { get; init; }

    /// <summary>Gets the fields a sanitised register overrides, in catalogue order.</summary>
    public EquatableArray<FieldOverride> Fields { get; init; } = EquatableArray<FieldOverride>.Empty;

    /// <summary>Gets the fields node, or the entry when there is none.</summary>
    public SourceSpan FieldsSpan { get; init; }

    /// <summary>
    /// Gets whether the entry lists its AArch32 forms under <c>aarch32</c>; false when the architecture supplied
    /// them (every AArch32 register mapped onto it), so that the entry did not choose them.
    /// </summary>
    public bool AliasesWritten { get; init; }

    /// <summary>Gets the bits the catalogue's <see cref="Fields"/> replace.</summary>
    public ulong OverriddenMask => Fields.Where(f => f.Field is not null).Aggregate(0UL, (mask, f) => mask | f.Field!.Mask);

    /// <summary>Gets the values of the catalogue's <see cref="Fields"/>, in place.</summary>
    public ulong OverriddenValue => Fields.Where(f => f.Field is not null).Aggregate(0UL, (value, f) => f.Field!.Insert(value, f.Value));

    /// <summary>Gets whether the register can be read.</summary>
    public bool IsReadable => Access != RegisterAccess.WriteOnly;

    /// <summary>Gets whether the register can be written.</summary>
    public bool IsWritable => Access != RegisterAccess.ReadOnly;

    /// <summary>Gets whether the register is one AArch32 alone has (JIDR, FPSID): no AArch64 encoding reaches it.</summary>
    public bool IsAarch32Only => Encoding is null;

    /// <summary>Gets whether a trapped AArch64 MSR/MRS may reach this register.</summary>
    public bool IsAarch64Dispatched => Encoding is not null && !GuestAarch32State;

    /// <summary>Gets where the register is, for messages and comments: its AArch64 encoding (<c>s3_0_c1_c0_0</c>), or its AArch32 form (<c>MCR p14, 7, c0, c0, 0</c>).</summary>
    public string Location => Encoding?.ToString() ?? (Aliases.Count > 0 ? Aliases[0].Encoding.Describe() : Name);

    /// <summary>
    /// Gets whether the register is EL2 or EL3 state, which a passthrough must never expose to a guest.
    /// </summary>
    public bool IsHypervisorState => El1Access.IsAboveEl1(ExceptionLevel);
}
