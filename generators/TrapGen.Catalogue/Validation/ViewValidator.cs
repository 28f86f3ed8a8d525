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
/// aliases on the same half of a register (TG0010).
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
                var problem = ViewProblem(alias, register.Width);
                if (problem is not null)
                {
                    diagnostics.Report(
                        CatalogueRules.InvalidView, alias.ViewSpan, alias.Name, alias.Encoding.AccessWidth.ToString(CultureInfo.InvariantCulture),
                        register.Width.ToString(CultureInfo.InvariantCulture), register.Name, problem);
                    continue;
                }

                // A view that contradicts the architecture is TG0024; the half it wrongly claims is no second error.
                if (alias.Encoding.Form == Cp15Form.Mcr && !ArchitectureValidator.ViewContradictsArchitecture(alias))
                {
                    var half = alias.View == RegisterView.Hi ? "[63:32]" : "[31:0]";
                    if (claimedHalves.TryGetValue(half, out var other))
                    {
                        diagnostics.Report(CatalogueRules.ConflictingViews, alias.ViewSpan, other.Name, alias.Name, half, register.Name);
                    }
                    else
                    {
                        claimedHalves[half] = alias;
                    }
                }
            }
        }
    }

    private static string? ViewProblem(AliasDefinition alias, int registerWidth) => (alias.Encoding.Form, registerWidth, alias.View) switch
    {
        (Cp15Form.Mcr, 64, RegisterView.Whole) => "say which bits it reaches: view: lo ([31:0], keeping [63:32]), hi ([63:32], keeping [31:0]) or zero-extend (writes clear [63:32])",
        (Cp15Form.Mcr, 32, not RegisterView.Whole) => "both are 32 bits wide, so the view must be whole (remove 'view')",
        (Cp15Form.Mcrr, 32, _) => "a 64-bit MCRR/MRRC access needs a 64-bit register",
        (Cp15Form.Mcrr, 64, not RegisterView.Whole) => "a 64-bit MCRR/MRRC access moves the whole register (remove 'view')",
        _ => null,
    };
}
