using System.Collections.Generic;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Diagnostics;
using static TrapGen.Catalogue.Diagnostics.MessageArgument;

namespace TrapGen.Catalogue.Validation;

/// <summary>
/// The cases of the architecture checks (TG0021–TG0024) that depend on what the architecture has near
/// the entry, and the arguments every case shares: the YAML that writes an encoding, a view's
/// spelling, a list of names. The wordings are the rules' (<see cref="CatalogueRules"/>).
/// </summary>
internal static class ArchitectureMessages
{
    /// <summary>TG0022 for an AArch64 name the architecture does not have; <paramref name="encoding"/> is what the entry declares, if anything.</summary>
    public static DiagnosticMessage UnknownAarch64Name(string name, Aarch64Encoding? encoding)
    {
        if (encoding is not null && Aarch64Registers.FirstAt(encoding) is { } atEncoding)
        {
            return new(CatalogueRules.NameOfEncodedRegister, name, encoding.Tuple, atEncoding.Name);
        }

        var suggestion = ClosestName.Find(name, Aarch64Registers.Names);
        return encoding is null
            ? DiagnosticMessage.Suggesting(suggestion, CatalogueRules.UnknownAarch64Name, CatalogueRules.UnknownAarch64NameSuggesting, name)
            : DiagnosticMessage.Suggesting(suggestion, CatalogueRules.UnknownAarch64NameAndEncoding, CatalogueRules.UnknownAarch64NameAndEncodingSuggesting, name, encoding.Tuple);
    }

    /// <summary>TG0024 for an AArch32 name the architecture does not have; <paramref name="register"/> is the entry it is listed under, if known.</summary>
    public static DiagnosticMessage UnknownAarch32Name(string name, string? register)
    {
        var candidates = Aarch32Registers.All.Select(r => r.Name).Distinct();
        var suggestion = ClosestName.Find(name, candidates);
        return register is null
            ? DiagnosticMessage.Suggesting(suggestion, CatalogueRules.UnknownAarch32Name, CatalogueRules.UnknownAarch32NameSuggesting, name)
            : DiagnosticMessage.Suggesting(
                suggestion, CatalogueRules.UnknownAarch32NameOf, CatalogueRules.UnknownAarch32NameOfSuggesting,
                name, Listing(Aarch32Registers.MappedOnto(register).Select(r => r.Name)), register);
    }

    /// <summary>The YAML that writes <paramref name="encoding"/>.</summary>
    public static string Yaml(Aarch64Encoding encoding) =>
        "encoding: { op0: " + Decimal(encoding.Op0) + ", op1: " + Decimal(encoding.Op1) + ", crn: " + Decimal(encoding.CRn)
        + ", crm: " + Decimal(encoding.CRm) + ", op2: " + Decimal(encoding.Op2) + " }";

    /// <summary>
    /// The YAML that writes <paramref name="encoding"/>: its coordinates for cp15 (<c>mcr: { … }</c>, <c>mcrr: { … }</c>);
    /// a cp14 or cp10 register, or an LDC/STC form, is written by its name alone.
    /// </summary>
    public static string Yaml(Aarch32Encoding encoding) => encoding.Coprocessor != Aarch32Constants.Cp15 || encoding.Form == AccessForm.LdcStc
        ? "no encoding (its name alone)"
        : encoding.Form == AccessForm.Mcr
            ? "mcr: { opc1: " + Decimal(encoding.Opc1) + ", crn: " + Decimal(encoding.CRn) + ", crm: " + Decimal(encoding.CRm) + ", opc2: " + Decimal(encoding.Opc2) + " }"
            : "mcrr: { opc1: " + Decimal(encoding.Opc1) + ", crm: " + Decimal(encoding.CRm) + " }";

    /// <summary>The names, comma-separated, or <c>nothing</c>.</summary>
    public static string Listing(IEnumerable<string> names)
    {
        var list = string.Join(", ", names);
        return list.Length == 0 ? "nothing" : list;
    }
}
