using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Diagnostics;
using TrapGen.Catalogue.Model;
using TrapGen.Catalogue.Parsing;

namespace TrapGen.Catalogue.Validation;

/// <summary>
/// The aliases' views of their registers: a view that fits the widths (TG0009), and no two 32-bit
/// aliases on the same half of a register (TG0010); the MCR and LDC/STC forms of one AArch32 register
/// (DBGDTRTXint) are one alias for this.
/// </summary>
internal sealed class ViewValidator(DiagnosticBag diagnostics)
{
    public void Validate(RegisterCatalogue catalogue)
    {
        // A width that contradicts the architecture is TG0023; its aliases' views would only repeat it.
        foreach (var register in catalogue.Registers.Where(r => !(Aarch64Registers.TryFind(r.Name, out var architectural) && architectural.Width != r.Width)))
        {
            var claimedHalves = new Dictionary<string, AliasDefinition>();
            foreach (var alias in register.Aliases)
            {
                if (ViewProblem(alias, register.Width) is { } problem)
                {
                    diagnostics.Report(
                        problem, alias.ViewSpan, alias.Name, alias.Encoding.AccessWidth.ToString(CultureInfo.InvariantCulture),
                        register.Width.ToString(CultureInfo.InvariantCulture), register.Name);
                    continue;
                }

                // A view that contradicts the architecture is TG0024; the half it wrongly claims is no second error.
                if (alias.Encoding.AccessWidth == 32 && !ArchitectureValidator.ViewContradictsArchitecture(alias))
                {
                    var half = alias.View == RegisterView.Hi ? "[63:32]" : "[31:0]";
                    if (claimedHalves.TryGetValue(half, out var other) && !string.Equals(other.Name, alias.Name, System.StringComparison.OrdinalIgnoreCase))
                    {
                        diagnostics.Report(CatalogueRules.ConflictingViews, alias.ViewSpan, other.Name, alias.Name, half, register.Name);
                    }
                    else if (other is null)
                    {
                        claimedHalves[half] = alias;
                    }
                }
            }
        }
    }

    /// <summary>The TG0009 case of a view that does not fit the widths, or null when it fits.</summary>
    private static DiagnosticRule? ViewProblem(AliasDefinition alias, int registerWidth) => (alias.Encoding.AccessWidth, registerWidth, alias.View) switch
    {
        (32, 64, RegisterView.Whole) => CatalogueRules.HalfNotChosen,
        (32, 32, not RegisterView.Whole) => CatalogueRules.ViewOfSameWidth,
        (64, 32, _) => CatalogueRules.WideAccessOfNarrowRegister,
        (64, 64, not RegisterView.Whole) => CatalogueRules.ViewOfWholeAccess,
        _ => null,
    };
}
