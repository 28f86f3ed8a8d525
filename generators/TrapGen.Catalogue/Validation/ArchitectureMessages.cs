using System.Globalization;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Model;

namespace TrapGen.Catalogue.Validation;

/// <summary>The messages of the architecture checks (TG0021–TG0024), each saying how to fix the entry.</summary>
internal static class ArchitectureMessages
{
    /// <summary>TG0022 for an AArch64 name the architecture does not have; <paramref name="encoding"/> is what the entry declares, if anything.</summary>
    public static string UnknownAarch64Name(string name, Aarch64Encoding? encoding)
    {
        var atEncoding = encoding is null ? null : Aarch64Registers.FirstAt(encoding);
        if (atEncoding is not null)
        {
            return Format("{0} is not an architectural register name: {1} is {2}; name it {2}", name, encoding!.Tuple, atEncoding.Name);
        }

        var suggestion = ClosestName.Find(name, Aarch64Registers.Names);
        var hint = suggestion is null ? string.Empty : Format(" Did you mean {0}?", suggestion);
        return encoding is null
            ? Format("The architecture has no AArch64 register named {0}.{1} Use an architectural name, or give its encoding and mark it implementation_defined: true", name, hint)
            : Format(
                "The architecture has no AArch64 register named {0}, and none at {1}.{2} If it is IMPLEMENTATION DEFINED, mark it implementation_defined: true",
                name, encoding.Tuple, hint);
    }

    /// <summary>TG0024 for an AArch32 name the architecture does not have.</summary>
    public static string UnknownAarch32Name(string name, string? register)
    {
        var candidates = Aarch32Registers.All.Where(r => r.Coprocessor == Aarch32Constants.Cp15).Select(r => r.Name).Distinct();
        var suggestion = ClosestName.Find(name, candidates);
        var mapped = register is null ? string.Empty : Format(" (the architecture maps {0} onto {1})", Listing(Aarch32Registers.MappedOnto(register).Select(r => r.Name)), register);
        return Format(
            "The architecture has no AArch32 cp15 register named {0}{1}.{2}",
            name, mapped, suggestion is null ? string.Empty : Format(" Did you mean {0}?", suggestion));
    }

    /// <summary>The YAML that writes <paramref name="encoding"/>.</summary>
    public static string Yaml(Aarch64Encoding encoding) =>
        Format("encoding: {{ op0: {0}, op1: {1}, crn: {2}, crm: {3}, op2: {4} }}", encoding.Op0, encoding.Op1, encoding.CRn, encoding.CRm, encoding.Op2);

    /// <summary>The YAML that writes <paramref name="encoding"/>.</summary>
    public static string Yaml(Cp15Encoding encoding) => encoding.Form == Cp15Form.Mcr
        ? Format("mcr: {{ opc1: {0}, crn: {1}, crm: {2}, opc2: {3} }}", encoding.Opc1, encoding.CRn, encoding.CRm, encoding.Opc2)
        : Format("mcrr: {{ opc1: {0}, crm: {1} }}", encoding.Opc1, encoding.CRm);

    /// <summary>The catalogue spelling that matches an architectural view.</summary>
    public static string Spelling(Aarch32View view) => view switch
    {
        Aarch32View.Lo => "lo",
        Aarch32View.Hi => "hi",
        _ => "whole",
    };

    public static string Listing(System.Collections.Generic.IEnumerable<string> names)
    {
        var list = string.Join(", ", names);
        return list.Length == 0 ? "nothing" : list;
    }

    /// <summary>A number as a message argument, invariantly.</summary>
    public static string Decimal(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Format(string format, params object[] arguments) => string.Format(CultureInfo.InvariantCulture, format, arguments);
}
