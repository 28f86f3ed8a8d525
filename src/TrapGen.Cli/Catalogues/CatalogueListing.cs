using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Serialization;
using TrapGen.Architecture;
using TrapGen.Catalogue.Model;
using TrapGen.Catalogue.Parsing;
using TrapGen.Decoding;

namespace TrapGen.Cli.Catalogues;

/// <summary>
/// The registry as <c>trapgen list --json</c> prints it. This shape is a contract (docs/cli.md): fields
/// are added, never renamed or removed. Enumerated values are spelled as in registers.yaml; keys and
/// 64-bit values are hexadecimal strings, since JSON numbers lose precision above 2^53.
/// </summary>
/// <param name="Source">The catalogue file.</param>
/// <param name="TrapGroups">The trap groups, in catalogue order.</param>
/// <param name="Registers">The registers, in catalogue order.</param>
/// <param name="Instructions">The System instructions, in catalogue order.</param>
internal sealed record CatalogueListing(string Source, IReadOnlyList<TrapGroupListing> TrapGroups, IReadOnlyList<RegisterListing> Registers, IReadOnlyList<InstructionListing> Instructions)
{
    public static CatalogueListing From(string source, RegisterCatalogue catalogue) => new(
        source,
        [.. catalogue.TrapGroups.Select(g => new TrapGroupListing(g.Name, g.Register == HcrEl2.Name ? g.Bit : null, g.Register, g.Bit, g.Description, g.Control?.Name, g.Others is { } others ? CatalogueSpelling.Of(others) : null, g.IfImplemented))],
        [.. catalogue.Registers.Select(RegisterListing.From)],
        [.. catalogue.Instructions.Select(InstructionListing.From)]);
}

/// <summary>
/// One System instruction of the listing. <see cref="Kind"/> names its trap class as registers.yaml does
/// (<c>msr</c> or <c>mcr</c>); <see cref="Encoding"/> is the AArch64 one, or null for an AArch32 instruction, whose
/// coordinates are <see cref="Cp15"/>.
/// </summary>
internal sealed record InstructionListing(
    string Name,
    string Description,
    string Kind,
    EncodingListing? Encoding,
    string? Cp15,
    bool TakesRegister,
    string Handling,
    string? Hook,
    IReadOnlyList<TrapListing> Traps,
    string SyndromeKey)
{
    public static InstructionListing From(InstructionDefinition instruction) => new(
        instruction.Name,
        instruction.Description,
        CatalogueSpelling.Of(instruction.TrapClass.Form!.Value),
        instruction.Aarch64 is { } e ? EncodingListing.From(e) : null,
        instruction.Aarch32?.ToString(),
        instruction.TakesRegister,
        CatalogueSpelling.Of(instruction.Handling),
        instruction.Hook,
        TrapListing.From(instruction.Traps),
        Hex.Word(instruction.Key));
}

/// <summary>A field a sanitised register overrides: its name, bits and the value the guest reads in it.</summary>
internal sealed record FieldListing(string Name, [property: JsonPropertyName("lsb")] int Lsb, int Width, string Value)
{
    public static IReadOnlyList<FieldListing> From(RegisterDefinition register) =>
        [.. register.Fields.Where(f => f.Field is not null).Select(f => new FieldListing(f.Field!.Name, f.Field.Lsb, f.Field.Width, Hex.Doubleword(f.Value)))];
}

/// <summary>A trap group: an EL2 register's trap bit, HCR_EL2's or any control's of the architecture.</summary>
/// <param name="Name">The group's name in the catalogue.</param>
/// <param name="HcrBit">Its HCR_EL2 bit, or null for a group of another register's control (MDCR_EL2.TDA).</param>
/// <param name="Register">The register that holds its bit.</param>
/// <param name="Bit">Its bit there.</param>
/// <param name="Description">What it traps.</param>
/// <param name="Control">The architectural trap control it is (TVM, TDA: <see cref="Register"/> holds it), or null.</param>
/// <param name="Others">Its <c>others:</c> as spelled in registers.yaml, or null when the catalogue lists everything.</param>
/// <param name="IfImplemented">Whether the hypervisor sets the control only on CPUs that have it (<c>if_implemented: true</c>).</param>
internal sealed record TrapGroupListing(string Name, int? HcrBit, string Register, int Bit, string Description, string? Control, string? Others, bool IfImplemented);

/// <summary>A trap group membership: which group traps which direction.</summary>
internal sealed record TrapListing(string Group, string Direction)
{
    public static IReadOnlyList<TrapListing> From(IEnumerable<TrapMembership> traps) =>
        [.. traps.Select(t => new TrapListing(t.Group, CatalogueSpelling.Of(t.Direction)))];
}

/// <summary>An AArch64 encoding, with the keys registers.yaml uses.</summary>
internal sealed record EncodingListing(
    [property: JsonPropertyName("op0")] int Op0,
    [property: JsonPropertyName("op1")] int Op1,
    [property: JsonPropertyName("crn")] int CRn,
    [property: JsonPropertyName("crm")] int CRm,
    [property: JsonPropertyName("op2")] int Op2,
    string Generic)
{
    public static EncodingListing From(Aarch64Encoding e) => new(e.Op0, e.Op1, e.CRn, e.CRm, e.Op2, e.ToString());
}

/// <summary>
/// One register of the listing; <see cref="HandlingPhrase"/>, for the table, is left out of the JSON (its parts are there).
/// <see cref="Encoding"/> is null for a register AArch32 alone has (JIDR), whose one form is its alias.
/// </summary>
internal sealed record RegisterListing(
    string Name,
    IReadOnlyList<string> OtherNames,
    string Description,
    EncodingListing? Encoding,
    int Width,
    string Access,
    string Handling,
    string? Emulator,
    string? AfterWrite,
    string ResetValue,
    IReadOnlyList<TrapListing> Traps,
    bool GuestAarch32State,
    bool Aarch64Dispatched,
    string SyndromeKey,
    IReadOnlyList<AliasListing> Aliases,
    string? Value,
    IReadOnlyList<FieldListing> Fields,
    [property: JsonIgnore] string HandlingPhrase)
{
    public static RegisterListing From(RegisterDefinition register)
    {
        var e = register.Encoding;
        return new RegisterListing(
            register.Name,
            [.. register.OtherNames],
            register.Description,
            e is null ? null : EncodingListing.From(e),
            register.Width,
            CatalogueSpelling.Of(register.Access),
            CatalogueSpelling.Of(register.Handling),
            register.Emulator,
            register.AfterWrite,
            Hex.Doubleword(register.ResetValue),
            TrapListing.From(register.Traps),
            register.GuestAarch32State,
            register.IsAarch64Dispatched,
            Hex.Word(e?.Key ?? 0),
            [.. register.Aliases.Select(AliasListing.From)],
            register.Value is { } value ? Hex.Doubleword(value) : null,
            FieldListing.From(register),
            HandlingPhrases.Of(register));
    }
}

/// <summary>
/// One AArch32 form of a register. <see cref="Kind"/> names its form as registers.yaml does (<c>mcr</c>, <c>mcrr</c>
/// or <c>ldc</c>), <see cref="Coprocessor"/> its coprocessor (15, 14 or 10), which with the form picks the exception
/// class its traps report (<see cref="ExceptionClass"/>) and its trap class (<see cref="TrapClass"/>, as decode's
/// <c>trapClass</c> names it); <see cref="CRn"/> and <see cref="Opc2"/> are null for the
/// 64-bit (MCRR) form, and <see cref="CRn"/> is CRd for LDC/STC.
/// </summary>
internal sealed record AliasListing(
    string Name,
    IReadOnlyList<string> OtherNames,
    string Kind,
    string TrapClass,
    [property: JsonPropertyName("opc1")] int Opc1,
    [property: JsonPropertyName("crn")] int? CRn,
    [property: JsonPropertyName("crm")] int CRm,
    [property: JsonPropertyName("opc2")] int? Opc2,
    string View,
    int AccessWidth,
    IReadOnlyList<TrapListing> Traps,
    string SyndromeKey,
    int Coprocessor,
    string ExceptionClass,
    [property: JsonIgnore] Aarch32Encoding Encoding)
{
    /// <summary>Gets the encoding as the text table shows it: <c>mcr p15, 0, c1, c0, 0</c>, <c>mrrc p14, 0, c1</c>, <c>ldc p14, c5</c>, <c>vmrs reg 7</c>.</summary>
    [JsonIgnore]
    public string Text => Encoding.FormName.ToLowerInvariant() + " " + Encoding.Operands();

    public static AliasListing From(AliasDefinition alias)
    {
        var e = alias.Encoding;
        var pair = e.Form == AccessForm.Mcrr;
        return new AliasListing(
            alias.Name,
            [.. alias.OtherNames],
            CatalogueSpelling.Of(e.Form),
            alias.Class.Name.ToLowerInvariant(),
            e.Opc1,
            pair ? null : e.CRn,
            e.CRm,
            pair ? null : e.Opc2,
            CatalogueSpelling.Of(alias.View),
            e.AccessWidth,
            TrapListing.From(alias.Traps),
            Hex.Word(e.Key),
            e.Coprocessor,
            "0x" + alias.Class.ExceptionClass.ToString("X2", CultureInfo.InvariantCulture),
            e);
    }
}
