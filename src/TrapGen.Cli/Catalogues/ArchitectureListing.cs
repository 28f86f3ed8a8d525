using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;
using TrapGen.Architecture;
using TrapGen.Catalogue.Parsing;
using TrapGen.Decoding;

namespace TrapGen.Cli.Catalogues;

/// <summary>
/// The architecture's table as <c>trapgen list --architecture --json</c> prints it: every AArch64 System
/// register and System instruction, every AArch32 cp15/cp14 register with its mapping, the instructions that access
/// no register (WFI, SMC), the registers MRRS and MSRR reach, and the trap controls; with <c>--cpu NAME</c>, only what that CPU model has. A contract like <see cref="CatalogueListing"/>
/// (docs/cli.md): fields are added, never renamed.
/// </summary>
/// <param name="TrapControls">The trap controls.</param>
/// <param name="Aarch64Registers">The AArch64 System registers.</param>
/// <param name="SystemInstructions">The AArch64 System instructions.</param>
/// <param name="Aarch32Registers">The AArch32 registers.</param>
/// <param name="Cpu">The CPU model the listing is filtered to, or null for the whole architecture.</param>
/// <param name="TrappedInstructions">The instructions that access no register and the controls that trap them.</param>
/// <param name="RangeTraps">The controls that trap ranges of encodings (range-traps.table), by control.</param>
/// <param name="Aarch64Registers128">The registers MRRS and MSRR reach, with the controls that trap those accesses.</param>
/// <param name="SystemInstructions128">The 128-bit System instructions (TLBIP), with the controls that trap them.</param>
/// <param name="Nv2Memory">The registers whose EL1 accesses FEAT_NV2 turns into memory accesses, with their offsets (nv2-memory.table).</param>
/// <param name="Nv2Redirections">The EL2 registers whose EL1 accesses FEAT_NV2 sends to EL1 registers (nv2-redirections.table).</param>
internal sealed record ArchitectureListing(
    IReadOnlyList<TrapControlListing> TrapControls,
    IReadOnlyList<Aarch64RegisterListing> Aarch64Registers,
    IReadOnlyList<SystemInstructionListing> SystemInstructions,
    IReadOnlyList<Aarch32RegisterListing> Aarch32Registers,
    string? Cpu,
    IReadOnlyList<TrappedInstructionListing> TrappedInstructions,
    IReadOnlyList<RangeTrapListing> RangeTraps,
    [property: JsonPropertyName("aarch64Registers128")] IReadOnlyList<Access128Listing> Aarch64Registers128,
    [property: JsonPropertyName("systemInstructions128")] IReadOnlyList<Access128Listing> SystemInstructions128,
    [property: JsonPropertyName("nv2Memory")] IReadOnlyList<Nv2MemoryListing> Nv2Memory,
    [property: JsonPropertyName("nv2Redirections")] IReadOnlyList<Nv2RedirectionListing> Nv2Redirections)
{
    /// <summary>Lists the whole architecture, or what <paramref name="model"/> has of it.</summary>
    public static ArchitectureListing Create(CpuModel? model = null) => new(
        [.. Architecture.TrapControls.All.Concat(Architecture.FineGrainedTraps.All).Where(c => model is null || c.ExistsOn(model)).Select(TrapControlListing.From)],
        [.. Architecture.Aarch64Registers.All.Where(r => model?.Implements(r) ?? true).Select(r => Aarch64RegisterListing.From(r, model))],
        [.. Architecture.SystemInstructions.All.Where(i => model?.Implements(i) ?? true).Select(i => SystemInstructionListing.From(i, model))],
        [.. Architecture.Aarch32Registers.All.Where(r => model?.Implements(r) ?? true).Select(r => Aarch32RegisterListing.From(r, model))],
        model?.Name,
        [.. Architecture.TrappedInstructions.All.Where(i => model is null || (i.ExistsOn(model) && ClassExistsOn(i.Class, model))).Select(i => TrappedInstructionListing.From(i, model))],
        [.. Architecture.RangeTraps.All.Where(r => model is null || (r.Control.ExistsOn(model) && ClassExistsOn(r.Class, model))).OrderBy(r => r.Control.QualifiedName, System.StringComparer.Ordinal).Select(RangeTrapListing.From)],
        Access128Listing.AllOf(Architecture.Aarch64Registers128.All, model),
        Access128Listing.AllOf(Architecture.SystemInstructions128.All, model),
        [.. Architecture.Nv2Memory.All.Where(m => model is null || (model.Has(NestedVirtualisation.MemoryFeature) && model.Implements(m.Register))).Select(Nv2MemoryListing.From)],
        [.. Architecture.Nv2Redirections.All.Where(r => model is null || (model.Has(NestedVirtualisation.MemoryFeature) && model.Implements(r.Register))).Select(Nv2RedirectionListing.From)]);

    /// <summary>Whether a guest on <paramref name="model"/> can make accesses of <paramref name="trapClass"/> at all: an AArch32 class needs AArch32 at EL1, MRRS and MSRR FEAT_SYSREG128.</summary>
    private static bool ClassExistsOn(TrapClass trapClass, CpuModel model) =>
        (!trapClass.IsAarch32 || model.HasAarch32El1) && (!trapClass.TransfersRegisterPair || model.Has(PairedAccess.Feature));
}

/// <summary>
/// A 128-bit access (EC 0x14): the MRRS and MSRR of an AArch64 System register, or a TLBIP (SYSP's alias); its name, encoding
/// and Exception level, the feature that adds it and its register's or TLBI's requirement, the controls that trap it, and its
/// key in that class.
/// </summary>
internal sealed record Access128Listing(
    string Name,
    EncodingListing Encoding,
    [property: JsonPropertyName("el")] int ExceptionLevel,
    string? Feature,
    string? Requires,
    IReadOnlyList<TrapRuleListing> Traps,
    string SyndromeKey,
    string? Section)
{
    /// <summary>Lists each of <paramref name="accesses"/> that <paramref name="model"/> has (every one when null).</summary>
    public static IReadOnlyList<Access128Listing> AllOf(IEnumerable<IAccess128> accesses, CpuModel? model) =>
        [.. accesses.Where(access => model is null || Accesses128.Implements(model, access)).Select(access => From(access, model))];

    public static Access128Listing From(IAccess128 access, CpuModel? model) => new(
        access.Name, EncodingListing.From(access.Encoding), access.ExceptionLevel, access.Feature, access.BaseRequirement,
        TrapRuleListing.From(access.Traps, model), Hex.Word(access.Key), access.Section);
}

/// <summary>
/// An instruction that accesses no register (WFI, SMC): the exception class a trap of it reports, its state (a64, a32 or
/// any), the values of the class's key fields that identify it in the syndrome, what makes it exist, and its traps.
/// </summary>
internal sealed record TrappedInstructionListing(
    string Name,
    [property: JsonPropertyName("ec")] string ExceptionClass,
    string State,
    IReadOnlyDictionary<string, int> Key,
    string? Needs,
    IReadOnlyList<TrapRuleListing> Traps)
{
    public static TrappedInstructionListing From(TrappedInstruction instruction, CpuModel? model) => new(
        instruction.Name,
        "0x" + instruction.Class.ExceptionClass.ToString("X2", System.Globalization.CultureInfo.InvariantCulture),
        instruction.Class.State switch
        {
            TrapClassState.Aarch64 => "a64",
            TrapClassState.Aarch32 => "a32",
            _ => "any",
        },
        instruction.Class.KeyFields.Select((field, i) => (field.Name, Value: instruction.KeyValues[i])).ToDictionary(pair => pair.Name, pair => pair.Value),
        instruction.Needs,
        TrapRuleListing.From(instruction.Traps, model));
}

/// <summary>
/// A control that traps a range of encodings (a row of range-traps.table): the control in full (<c>HCR_EL2.TID3</c>), the
/// state (aarch64, cp15, cp14, vmrs) and the exception class a trap reports, the values of each key field
/// (<c>{"CRm": "2-7"}</c>) and the range as the Arm ARM writes it, the direction it traps, the feature that makes the trap
/// required (null: every CPU with the control) and the Arm ARM sections.
/// </summary>
internal sealed record RangeTrapListing(
    string Control,
    string State,
    [property: JsonPropertyName("ec")] string ExceptionClass,
    IReadOnlyDictionary<string, string> Fields,
    string Encoding,
    string Direction,
    string? Feature,
    string Section)
{
    public static RangeTrapListing From(RangeTrap range) => new(
        range.Control.QualifiedName,
        range.State,
        "0x" + range.Class.ExceptionClass.ToString("X2", System.Globalization.CultureInfo.InvariantCulture),
        range.Fields.ToDictionary(field => field.Spelling, field => field.Text),
        range.Encoding,
        RegisterAccessRules.Spelling(range.Direction),
        range.Feature,
        range.Section);
}

/// <summary>
/// A trap control: <c>HCR_EL2.TVM</c>, bit 26, trapping when set; what makes it exist (<c>FEAT_EVT</c>, null for every CPU
/// with EL2), and whether it is at that bit only while HCR_EL2.E2H is 0; a field's width (MDCR_EL2.HPMN, bits [4:0]: 5), the
/// control that must be set too (HCR_EL2.NV1's <c>HCR_EL2.NV</c>), the bit that must be clear (HCR_EL2.NV1's
/// <c>HCR_EL2.NV2</c>) and the one that forces it (MDCR_EL2.TDA's <c>MDCR_EL2.TDE</c>), each left out when there is none.
/// </summary>
internal sealed record TrapControlListing(
    string Register,
    string Name,
    int Bit,
    string TrapsWhen,
    string? Needs,
    bool DependsOnE2h,
    string Description,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Width = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Requires = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ForcedBy = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RequiresClear = null)
{
    /// <summary>Lists <paramref name="control"/>.</summary>
    public static TrapControlListing From(TrapControl control) => new(
        control.Register,
        control.Name,
        control.Bit,
        control.IsQualifier ? "qualifies-clear" : control.IsCounterLimit ? "index-at-or-above" : control.TrapsWhenSet ? "set" : "clear",
        control.Needs,
        control.DependsOnE2h,
        control.Description,
        control.Width > 1 ? control.Width : null,
        control.Requires is { } required ? NameOfBit(control.Register, required.Set) : null,
        control.ForcedBy is { } forcing ? NameOfBit(control.Register, forcing) : null,
        control.Requires is { Clear: { } clear } ? NameOfBit(control.Register, clear) : null);

    /// <summary>What the text table's TRAPS WHEN says: <c>set</c>, or <c>set, with HCR_EL2.NV and without HCR_EL2.NV2</c>, <c>set, or by MDCR_EL2.TDE</c>.</summary>
    [JsonIgnore]
    public string TrapsWhenText =>
        TrapsWhen + (Requires is { } required ? ", with " + required : string.Empty) + (RequiresClear is { } clear ? " and without " + clear : string.Empty)
            + (ForcedBy is { } forcing ? ", or by " + forcing : string.Empty);

    /// <summary>
    /// The qualified name of the control at <paramref name="bit"/> of <paramref name="register"/>; MDCR_EL2.TDE or HCR_EL2.NV2,
    /// which trap nothing themselves and so are no controls; or <c>REGISTER bit N</c>.
    /// </summary>
    private static string NameOfBit(string register, int bit) =>
        Architecture.TrapControls.All.FirstOrDefault(c => c.Register == register && c.Bit == bit)?.QualifiedName
        ?? (register == MdcrEl2.Name && bit == MdcrEl2.TDE ? MdcrEl2.Name + ".TDE"
            : register == HcrEl2.Name && bit == Layouts.HcrEl2Nested.NV2.Lsb ? HcrEl2.Name + "." + Layouts.HcrEl2Nested.NV2.Name
            : register + " bit " + bit.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>
/// One trap rule of a register: the control and the direction it traps; the qualifier that must be in effect as well
/// (<c>HCRX_EL2.FGTnXS</c> on an nXS TLBI's HFGITR_EL2 rule, which traps only while it is clear), or null; and for an event
/// counter limit's rule (MDCR_EL2.HPMN) the counter its access reaches, <c>5</c>, or <c>SEL</c> for the one PMSELR_EL0.SEL
/// selects (left out for any other rule); and for a rule that traps only under FEAT_NV2 the HCR_EL2.&lt;NV2,NV1,NV&gt; it
/// needs, <c>101</c> or <c>1x1</c> (left out for any other).
/// </summary>
internal sealed record TrapRuleListing(
    string Control,
    string Direction,
    string? Qualifier,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Counter = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Nvx = null)
{
    /// <summary>The rules, of the controls <paramref name="model"/> has (every control when null).</summary>
    public static IReadOnlyList<TrapRuleListing> From(IReadOnlyList<TrapRule> rules, CpuModel? model) =>
        [.. rules.Where(r => model is null || r.ExistsOn(model)).Select(r => new TrapRuleListing(r.Control.QualifiedName, RegisterAccessRules.Spelling(r.Direction), r.Qualifier?.QualifiedName, CounterOf(r), r.Nvx?.Pattern()))];

    /// <summary>What the tables write in a counter rule's brackets: <c>5</c> of <c>HPMN[5]</c>, <c>SEL</c>; null for another rule.</summary>
    public static string? CounterOf(TrapRule rule) =>
        rule.CounterSelected ? "SEL" : rule.Counter?.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>An AArch64 System register of the architecture.</summary>
internal sealed record Aarch64RegisterListing(
    string Name,
    IReadOnlyList<string> OtherNames,
    EncodingListing Encoding,
    int Width,
    string Access,
    [property: JsonPropertyName("el")] int ExceptionLevel,
    string? Feature,
    IReadOnlyList<TrapRuleListing> Traps,
    string SyndromeKey,
    string? Requires)
{
    public static Aarch64RegisterListing From(Aarch64Register register, CpuModel? model) => new(
        register.Name,
        register.OtherNames,
        EncodingListing.From(register.Encoding),
        register.Width,
        RegisterAccessRules.Spelling(register.Access).ToLowerInvariant(),
        register.ExceptionLevel,
        register.Feature,
        TrapRuleListing.From(register.Traps, model),
        Hex.Word(register.Encoding.Key),
        Requirements.Of(register));
}

/// <summary>An AArch64 System instruction (op0 = 1) of the architecture.</summary>
internal sealed record SystemInstructionListing(
    string Name,
    EncodingListing Encoding,
    bool TakesRegister,
    [property: JsonPropertyName("el")] int ExceptionLevel,
    string? Feature,
    IReadOnlyList<TrapRuleListing> Traps,
    string SyndromeKey,
    string? Requires,
    bool WritesRegister)
{
    public static SystemInstructionListing From(SystemInstruction instruction, CpuModel? model) => new(
        instruction.FullName,
        EncodingListing.From(instruction.Encoding),
        instruction.TakesRegister,
        instruction.ExceptionLevel,
        instruction.Feature,
        TrapRuleListing.From(instruction.Traps, model),
        Hex.Word(instruction.Encoding.Key),
        Requirements.Of(instruction),
        instruction.WritesRegister);
}

/// <summary>An AArch32 cp15, cp14 or cp10 register of the architecture; <see cref="CRn"/> and <see cref="Opc2"/> are null for the MCRR form, and <see cref="CRn"/> is CRd for LDC/STC.</summary>
internal sealed record Aarch32RegisterListing(
    string Name,
    IReadOnlyList<string> OtherNames,
    int Coprocessor,
    string Form,
    [property: JsonPropertyName("opc1")] int Opc1,
    [property: JsonPropertyName("crn")] int? CRn,
    [property: JsonPropertyName("crm")] int CRm,
    [property: JsonPropertyName("opc2")] int? Opc2,
    int Width,
    string Access,
    [property: JsonPropertyName("el")] int ExceptionLevel,
    string? MapsTo,
    string? View,
    IReadOnlyList<TrapRuleListing> Traps,
    string? Requires,
    [property: JsonIgnore] Aarch32Encoding Encoding)
{
    /// <summary>Gets the encoding as the text table shows it: <c>mcr p15, 0, c1, c0, 0</c>, <c>ldc p14, c5</c>, <c>vmrs reg 7</c>.</summary>
    [JsonIgnore]
    public string Text => Encoding.FormName.ToLowerInvariant() + " " + Encoding.Operands();

    public static Aarch32RegisterListing From(Aarch32Register register, CpuModel? model)
    {
        var e = register.Encoding;
        var pair = e.Form == AccessForm.Mcrr;
        return new Aarch32RegisterListing(
            register.Name,
            register.OtherNames,
            register.Coprocessor,
            CatalogueSpelling.Of(e.Form),
            e.Opc1,
            pair ? null : e.CRn,
            e.CRm,
            pair ? null : e.Opc2,
            e.AccessWidth,
            RegisterAccessRules.Spelling(register.Access).ToLowerInvariant(),
            register.ExceptionLevel,
            register.MapsTo,
            register.MapsTo is null ? null : CatalogueSpelling.Of(register.View),
            TrapRuleListing.From(register.Traps, model),
            Requirements.Of(register),
            e);
    }
}

/// <summary>
/// A register whose EL1 accesses HCR_EL2.NV2 turns into loads and stores of the VNCR page: its name, its offset in the page
/// (<c>0x110</c>), and the HCR_EL2.&lt;NV2,NV1,NV&gt; that does it (<c>111</c>, <c>101</c> or <c>1x1</c>).
/// </summary>
internal sealed record Nv2MemoryListing(string Register, string Offset, string Nvx, string Section)
{
    public static Nv2MemoryListing From(Nv2MemoryAccess access) =>
        new(access.Name, "0x" + access.Offset.ToString("X3", System.Globalization.CultureInfo.InvariantCulture), access.Condition.Pattern(), access.Section);
}

/// <summary>An EL2 register whose EL1 accesses HCR_EL2.NV2 sends to an EL1 register: both names, under HCR_EL2.&lt;NV2,NV1,NV&gt; 1x1.</summary>
internal sealed record Nv2RedirectionListing(string Register, string To, string Nvx, string Section)
{
    public static Nv2RedirectionListing From(Nv2Redirection redirection) =>
        new(redirection.Register.Name, redirection.To.Name, Nv2Redirection.Condition.Pattern(), redirection.Section);
}
