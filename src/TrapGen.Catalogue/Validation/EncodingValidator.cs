using System.Collections.Generic;
using System.Globalization;
using TrapGen.Architecture;
using TrapGen.Catalogue.Diagnostics;
using TrapGen.Catalogue.Model;
using TrapGen.Catalogue.Parsing;

namespace TrapGen.Catalogue.Validation;

/// <summary>
/// The registers' and aliases' encodings: each one entry's (TG0006), and no passthrough of EL2 or EL3
/// state at them (TG0020), checked in the same pass over the registers.
/// </summary>
internal sealed class EncodingValidator(DiagnosticBag diagnostics)
{
    public void Validate(RegisterCatalogue catalogue)
    {
        var aarch64 = new Dictionary<Aarch64Encoding, string>();
        foreach (var register in catalogue.Registers)
        {
            if (register.Encoding is null)
            {
                // A register AArch32 alone has: its forms are checked with the aliases.
            }
            else if (aarch64.TryGetValue(register.Encoding, out var previous))
            {
                diagnostics.Report(CatalogueRules.DuplicateEncoding, register.EncodingSpan, register.Name, register.Encoding.ToString(), previous);
            }
            else
            {
                aarch64[register.Encoding] = register.Name;
            }

            if (register.IsHypervisorState && register.Handling == RegisterHandling.Passthrough && !register.GuestAarch32State)
            {
                var rule = register.ImplementationDefined ? CatalogueRules.ImplementationDefinedHypervisorPassthrough : CatalogueRules.HypervisorRegisterPassthrough;
                diagnostics.Report(rule, register.Span, register.Name, register.Location, register.ExceptionLevel.ToString(CultureInfo.InvariantCulture));
            }
        }

        var aarch32 = new Dictionary<Aarch32Encoding, string>();
        foreach (var (_, alias) in CatalogueAliases.Of(catalogue))
        {
            if (aarch32.TryGetValue(alias.Encoding, out var previous))
            {
                diagnostics.Report(
                    CatalogueRules.DuplicateEncoding, alias.EncodingSpan, alias.Name,
                    alias.Encoding.Describe(), previous);
            }
            else
            {
                aarch32[alias.Encoding] = alias.Name;
            }
        }
    }
}
