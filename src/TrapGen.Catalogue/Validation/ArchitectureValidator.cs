using System;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Diagnostics;
using TrapGen.Catalogue.Model;
using TrapGen.Catalogue.Parsing;
using static TrapGen.Catalogue.Diagnostics.MessageArgument;
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
            else if (!register.IsAarch32Only)
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
        if (register.Encoding is null || !Aarch64Registers.TryFind(register.Name, out var architectural))
        {
            diagnostics.Report(register.Span, UnknownAarch64Name(register.Name, register.Encoding));
            return;
        }

        if (architectural.Encoding != register.Encoding)
        {
            if (Aarch64Registers.FirstAt(register.Encoding) is { } there)
            {
                diagnostics.Report(
                    CatalogueRules.EncodingOfAnotherRegister, register.EncodingSpan,
                    register.Encoding.Tuple, there.Name, register.Name, architectural.Encoding.Tuple, Yaml(architectural.Encoding));
            }
            else
            {
                diagnostics.Report(
                    CatalogueRules.EncodingOfNoRegister, register.EncodingSpan,
                    register.Encoding.Tuple, register.Name, architectural.Encoding.Tuple, Yaml(architectural.Encoding));
            }

            return;
        }

        if (register.Width != architectural.Width)
        {
            diagnostics.Report(CatalogueRules.WidthDiffers, register.WidthSpan, register.Name, Decimal(architectural.Width), Decimal(register.Width));
        }

        if (register.Access != architectural.Access)
        {
            diagnostics.Report(
                CatalogueRules.AccessDiffers, register.AccessSpan,
                register.Name, RegisterAccessRules.Describe(architectural.Access), CatalogueSpelling.Of(register.Access), CatalogueSpelling.Of(architectural.Access));
        }

        foreach (var other in register.OtherNames.Where(n => !IsNameOf(n, architectural.Name, architectural.OtherNames)))
        {
            diagnostics.Report(CatalogueRules.NotAnotherRegisterName, register.OtherNamesSpan, other, register.Name, Listing(architectural.OtherNames));
        }
    }

    private void ValidateImplementationDefined(RegisterDefinition register)
    {
        if (register.Encoding is null)
        {
            return;
        }

        if (Aarch64Registers.FirstAt(register.Encoding) is { } there)
        {
            diagnostics.Report(CatalogueRules.ImplementationDefinedAtArchitectural, register.EncodingSpan, register.Name, register.Encoding.Tuple, there.Name);
        }
        else if (!IsImplementationDefinedSpace(register.Encoding))
        {
            diagnostics.Report(CatalogueRules.ImplementationDefinedOutsideSpace, register.EncodingSpan, register.Name, register.Encoding.Tuple);
        }
        else if (Aarch64Registers.TryFind(register.Name, out var named))
        {
            diagnostics.Report(CatalogueRules.ArchitecturalNameImplementationDefined, register.Span, register.Name, named.Encoding.Tuple);
        }
    }

    private void ValidateAlias(RegisterDefinition register, AliasDefinition alias)
    {
        var architectural = ArchitecturalDefaults.Aarch32Row(alias.Name, alias.Encoding.Form);
        Aarch32Registers.TryFind(alias.Encoding, out var there);
        if (register.IsAarch32Only && architectural is not null && architectural.Encoding == alias.Encoding && architectural.IsAarch32Only
            && string.Equals(architectural.Name, register.Name, StringComparison.OrdinalIgnoreCase))
        {
            // A form of a register AArch32 alone has, catalogued under its own name: it is the register.
            return;
        }

        if (architectural is null)
        {
            if (there is not null)
            {
                diagnostics.Report(CatalogueRules.AliasNameDiffers, alias.Span, alias.Encoding.Describe(), there.Name, alias.Name);
            }
            else if (!register.ImplementationDefined)
            {
                diagnostics.Report(alias.Span, UnknownAarch32Name(alias.Name, register.Name));
            }

            return;
        }

        if (architectural.Encoding != alias.Encoding)
        {
            if (there is not null)
            {
                diagnostics.Report(
                    CatalogueRules.AliasEncodingOfAnother, alias.EncodingSpan,
                    alias.Name, architectural.Encoding.Describe(), alias.Encoding.Describe(), there.Name, Yaml(architectural.Encoding));
            }
            else
            {
                diagnostics.Report(
                    CatalogueRules.AliasEncodingDiffers, alias.EncodingSpan,
                    alias.Name, architectural.Encoding.Describe(), alias.Encoding.Describe(), Yaml(architectural.Encoding));
            }

            return;
        }

        if (!string.Equals(architectural.MapsTo, register.Name, StringComparison.OrdinalIgnoreCase))
        {
            if (architectural.MapsTo is null)
            {
                diagnostics.Report(CatalogueRules.AliasUnmapped, alias.Span, alias.Name);
            }
            else
            {
                diagnostics.Report(CatalogueRules.AliasOfAnotherRegister, alias.Span, alias.Name, architectural.MapsTo, register.Name);
            }

            return;
        }

        if (!Agrees(alias.View, architectural.View))
        {
            diagnostics.Report(
                CatalogueRules.AliasViewDiffers, alias.ViewSpan, alias.Name, architectural.Mapping ?? "unmapped", CatalogueSpelling.Of(alias.View), CatalogueSpelling.Of(architectural.View));
        }

        foreach (var other in alias.OtherNames.Where(n => !IsNameOf(n, architectural.Name, architectural.OtherNames)))
        {
            diagnostics.Report(CatalogueRules.NotAnotherAliasName, alias.Span, other, alias.Name, Listing(architectural.OtherNames));
        }
    }

    /// <summary>Gets whether an alias the architecture maps declares another view than the architecture's (TG0024).</summary>
    internal static bool ViewContradictsArchitecture(AliasDefinition alias) =>
        ArchitecturalDefaults.Aarch32Row(alias.Name, alias.Encoding.Form) is { } architectural
            && architectural.Encoding == alias.Encoding
            && !Agrees(alias.View, architectural.View);

    /// <summary>A view agrees when it reaches the same bits; zero-extend reads [31:0] as lo does and differs only in what a write clears.</summary>
    private static bool Agrees(RegisterView view, RegisterView architectural) => architectural switch
    {
        RegisterView.Lo => view is RegisterView.Lo or RegisterView.ZeroExtend,
        RegisterView.Hi => view == RegisterView.Hi,
        _ => view == RegisterView.Whole,
    };

    private static bool IsNameOf(string name, string canonical, System.Collections.Generic.IReadOnlyList<string> otherNames) =>
        string.Equals(name, canonical, StringComparison.OrdinalIgnoreCase) || otherNames.Contains(name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The space the Arm ARM reserves for IMPLEMENTATION DEFINED registers: op0 3, CRn 11 or 15.</summary>
    private static bool IsImplementationDefinedSpace(Aarch64Encoding encoding) => encoding.Op0 == 3 && encoding.CRn is 11 or 15;
}
