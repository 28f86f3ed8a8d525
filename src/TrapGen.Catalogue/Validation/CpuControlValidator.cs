using System.Collections.Generic;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Diagnostics;
using TrapGen.Catalogue.Model;
using TrapGen.Catalogue.Parsing;

namespace TrapGen.Catalogue.Validation;

/// <summary>
/// TG0035 for a trap group whose control (a later HCR_EL2 bit, HCRX_EL2's enables, a fine-grained field of FEAT_FGT or
/// FEAT_FGT2) some of the catalogue's <c>cpus:</c> lack. Unlike a register, which a catalogue for several CPUs may
/// handle for the one that has it, a group is the hypervisor's mechanism: on a CPU without its control the field is
/// RES0, the hypervisor cannot set it, and nothing reaches the group through it. So one model lacking it is enough.
/// A group with <c>if_implemented: true</c> is the exception: the hypervisor sets it only where the CPU has it (KVM's
/// fine-grained UNDEF), so a model without it is expected. Without <c>cpus:</c> it does not run.
/// </summary>
internal sealed class CpuControlValidator(DiagnosticBag diagnostics)
{
    /// <summary>Checks <paramref name="catalogue"/>'s groups against <paramref name="models"/>, the models it names.</summary>
    public void Validate(RegisterCatalogue catalogue, IReadOnlyList<CpuModel> models)
    {
        foreach (var group in catalogue.TrapGroups)
        {
            if (group.Control is not { } control || group.IfImplemented)
            {
                continue;
            }

            var lacking = models.Where(model => !control.ExistsOn(model)).Select(model => model.Name + " (" + CpuAbsence.Of(model, control) + ")").ToList();
            if (lacking.Count > 0)
            {
                diagnostics.Report(CatalogueRules.ControlNotOnCpus, group.Span, control.QualifiedName, CpuAbsence.Join(lacking));
            }
        }
    }
}
