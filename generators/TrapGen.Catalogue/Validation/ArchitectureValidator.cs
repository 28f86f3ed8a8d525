using System;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Diagnostics;
using TrapGen.Catalogue.Model;
using TrapGen.Catalogue.Parsing;
using static TrapGen.Catalogue.Validation.ArchitectureMessages;

namespace TrapGen.Catalogue.Validation;

/// <summary>
/// Checks every register and alias against TrapGen.Architecture: an encoding that belongs to another
/// register (TG0021), a name the architecture does not have (TG0022), a width or access that
/// contradicts it (TG0023), and an AArch32 alias whose coordinates, name, register or view disagree
/// with the architectural mapping (TG0024). IMPLEMENTATION DEFINED entries must stay out of the
/// architecture's encodings.
/// </summary>
internal sealed class ArchitectureValidator(DiagnosticBag diagnostics)
{
    public void Validate(RegisterCatalogue catalogue)
    {
        foreach (var register in catalogue.Registers)
        {
            if (register.ImplementationDefined)
            {
                ValidateImplementationDefined(register);
            }
            else
            {
                ValidateRegister(register);
            }

            foreach (var alias in register.Aliases)
            {
                ValidateAlias(register, alias);
            }
        }
    }

    private void ValidateRegister(RegisterDefinition register)
    {
        if (!Aarch64Registers.TryFind(register.Name, out var architectural))
        {
            diagnostics.Report(CatalogueRules.UnknownRegisterName, register.Span, UnknownAarch64Name(register.Name, register.Encoding));
            return;
        }

        if (architectural.Encoding != register.Encoding)
        {
            var there = Aarch64Registers.FirstAt(register.Encoding);
            var which = there is null ? "belongs to no architectural register" : "is " + there.Name;
            diagnostics.Report(
                CatalogueRules.EncodingContradictsArchitecture, register.EncodingSpan,
                Format(
                    "The encoding {0} {1}; {2} is {3}: write {4}, or leave encoding out to take it from the architecture",
                    register.Encoding.Tuple, which, register.Name, architectural.Encoding.Tuple, Yaml(architectural.Encoding)));
            return;
        }

        if (register.Width != architectural.Width)
        {
            diagnostics.Report(
                CatalogueRules.PropertyContradictsArchitecture, register.WidthSpan,
                Format("{0} is a {1}-bit register in the architecture, but width: {2} is declared; write width: {1}, or leave width out", register.Name, architectural.Width, register.Width));
        }

        if (register.Access != architectural.Access)
        {
            diagnostics.Report(
                CatalogueRules.PropertyContradictsArchitecture, register.AccessSpan,
                Format(
                    "{0} is {1} in the architecture, but access: {2} is declared; write access: {3}, or leave access out",
                    register.Name, RegisterAccessRules.Describe(architectural.Access), CatalogueSpelling.Of(register.Access), CatalogueSpelling.Of(architectural.Access)));
        }

        foreach (var other in register.OtherNames.Where(n => !IsNameOf(n, architectural.Name, architectural.OtherNames)))
        {
            diagnostics.Report(
                CatalogueRules.UnknownRegisterName, register.OtherNamesSpan,
                Format("{0} is not another name of {1} in the architecture (its other names: {2}); remove it", other, register.Name, Listing(architectural.OtherNames)));
        }
    }

    private void ValidateImplementationDefined(RegisterDefinition register)
    {
        if (Aarch64Registers.FirstAt(register.Encoding) is { } there)
        {
            diagnostics.Report(
                CatalogueRules.EncodingContradictsArchitecture, register.EncodingSpan,
                Format(
                    "{0} is marked implementation_defined, but {1} is the architectural register {2}: use that name and drop implementation_defined, or choose an encoding in the IMPLEMENTATION DEFINED space (op0 3, CRn 11 or 15)",
                    register.Name, register.Encoding.Tuple, there.Name));
        }
        else if (!IsImplementationDefinedSpace(register.Encoding))
        {
            diagnostics.Report(
                CatalogueRules.EncodingContradictsArchitecture, register.EncodingSpan,
                Format("{0} is marked implementation_defined, but {1} is outside the IMPLEMENTATION DEFINED space (op0 3, CRn 11 or 15)", register.Name, register.Encoding.Tuple));
        }
        else if (Aarch64Registers.TryFind(register.Name, out var named))
        {
            diagnostics.Report(
                CatalogueRules.UnknownRegisterName, register.Span,
                Format("{0} is the architectural register at {1}, not an IMPLEMENTATION DEFINED one; choose another name", register.Name, named.Encoding.Tuple));
        }
    }

    private void ValidateAlias(RegisterDefinition register, AliasDefinition alias)
    {
        var architectural = ArchitecturalDefaults.Aarch32Row(alias.Name, alias.Encoding.Form);
        Aarch32Registers.TryFind(alias.Encoding, out var there);
        if (architectural is null)
        {
            if (there is not null)
            {
                diagnostics.Report(
                    CatalogueRules.AliasContradictsArchitecture, alias.Span,
                    Format("{0} is {1} in the architecture, not {2}: name it {1}", alias.Encoding.Describe(), there.Name, alias.Name));
            }
            else if (!register.ImplementationDefined)
            {
                diagnostics.Report(CatalogueRules.AliasContradictsArchitecture, alias.Span, UnknownAarch32Name(alias.Name, register.Name));
            }

            return;
        }

        if (architectural.Encoding != alias.Encoding)
        {
            var which = there is null ? string.Empty : ", which is " + there.Name;
            diagnostics.Report(
                CatalogueRules.AliasContradictsArchitecture, alias.EncodingSpan,
                Format(
                    "{0} is {1} in the architecture, but the catalogue gives {2}{3}: write {4}, or leave it out to take it from the architecture",
                    alias.Name, architectural.Encoding.Describe(), alias.Encoding.Describe(), which, Yaml(architectural.Encoding)));
            return;
        }

        if (!string.Equals(architectural.MapsTo, register.Name, StringComparison.OrdinalIgnoreCase))
        {
            var where = architectural.MapsTo is null
                ? "is not mapped to any AArch64 register"
                : "is mapped to " + architectural.MapsTo + ", not " + register.Name + ": list it under " + architectural.MapsTo;
            diagnostics.Report(CatalogueRules.AliasContradictsArchitecture, alias.Span, Format("In the architecture {0} {1}", alias.Name, where));
            return;
        }

        if (!Agrees(alias.View, architectural.View))
        {
            diagnostics.Report(
                CatalogueRules.AliasContradictsArchitecture, alias.ViewSpan,
                Format(
                    "{0} is {1} in the architecture, but view: {2} is declared; write view: {3}, or leave view out to take it from the architecture",
                    alias.Name, architectural.Mapping ?? "unmapped", CatalogueSpelling.Of(alias.View), Spelling(architectural.View)));
        }

        foreach (var other in alias.OtherNames.Where(n => !IsNameOf(n, architectural.Name, architectural.OtherNames)))
        {
            diagnostics.Report(
                CatalogueRules.AliasContradictsArchitecture, alias.Span,
                Format("{0} is not another name of {1} in the architecture (its other names: {2}); remove it", other, alias.Name, Listing(architectural.OtherNames)));
        }
    }

    /// <summary>Gets whether an alias the architecture maps declares another view than the architecture's (TG0024).</summary>
    internal static bool ViewContradictsArchitecture(AliasDefinition alias) =>
        ArchitecturalDefaults.Aarch32Row(alias.Name, alias.Encoding.Form) is { } architectural
            && architectural.Encoding == alias.Encoding
            && !Agrees(alias.View, architectural.View);

    /// <summary>A view agrees when it reaches the same bits; zero-extend reads [31:0] as lo does and differs only in what a write clears.</summary>
    private static bool Agrees(RegisterView view, Aarch32View architectural) => architectural switch
    {
        Aarch32View.Lo => view is RegisterView.Lo or RegisterView.ZeroExtend,
        Aarch32View.Hi => view == RegisterView.Hi,
        _ => view == RegisterView.Whole,
    };

    private static bool IsNameOf(string name, string canonical, System.Collections.Generic.IReadOnlyList<string> otherNames) =>
        string.Equals(name, canonical, StringComparison.OrdinalIgnoreCase) || otherNames.Contains(name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The space the Arm ARM reserves for IMPLEMENTATION DEFINED registers: op0 3, CRn 11 or 15.</summary>
    private static bool IsImplementationDefinedSpace(Aarch64Encoding encoding) => encoding.Op0 == 3 && encoding.CRn is 11 or 15;
}
