using System.Collections.Generic;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Diagnostics;
using TrapGen.Catalogue.Model;
using TrapGen.Catalogue.Parsing;
using static TrapGen.Catalogue.Diagnostics.MessageArgument;

namespace TrapGen.Catalogue.Validation;

/// <summary>
/// TG0036: a sanitised feature ID register (op0 3, op1 0, CRn 0, CRm 1-7) whose <c>fields:</c> give the guest a
/// value one of the catalogue's <c>cpus:</c> cannot hold. A sanitised ID value may only hide features: each field the
/// architecture's table names must be at most the model's (in <see cref="IdFieldOrder"/>), else the guest is told of
/// a feature the hardware lacks and UNDEFs when it uses it. A register a model gives no value reads as zero there
/// (the ID space is RAZ where nothing is implemented). Fields declared with their bits are IMPLEMENTATION DEFINED
/// in meaning, and are not compared.
/// </summary>
internal sealed class CpuFieldValidator(DiagnosticBag diagnostics)
{
    /// <summary>Checks <paramref name="catalogue"/> against <paramref name="models"/>, the models it names.</summary>
    public void Validate(RegisterCatalogue catalogue, IReadOnlyList<CpuModel> models)
    {
        foreach (var register in catalogue.Registers.Where(r => r.Handling == RegisterHandling.Sanitised && !r.ImplementationDefined && IsFeatureIdRegister(r.Encoding)))
        {
            foreach (var entry in register.Fields.Where(f => !f.Declared && f.Field is { } bits && f.Value <= bits.MaxValue))
            {
                Validate(models, register, entry, entry.Field!);
            }
        }
    }

    private void Validate(IReadOnlyList<CpuModel> models, RegisterDefinition register, FieldOverride entry, BitField field)
    {
        var signed = RegisterFields.IsSigned(register.Name, field.Name);
        var guest = IdFieldOrder.Rank(field, entry.Value, signed);
        var below = new List<(CpuModel Model, ulong Value)>();
        foreach (var model in models)
        {
            var hardware = field.Extract(model.ValueOf(register.Name) ?? 0);
            if (guest > IdFieldOrder.Rank(field, hardware, signed))
            {
                below.Add((model, hardware));
            }
        }

        if (below.Count == 0)
        {
            return;
        }

        var least = models.Select(m => field.Extract(m.ValueOf(register.Name) ?? 0)).OrderBy(v => IdFieldOrder.Rank(field, v, signed)).First();
        var lacking = string.Join(" and ", below.Select(b => b.Model.Name + " (" + field.Name + " = " + FieldValue(b.Value) + ")"));
        var order = signed ? "; " + field.Name + " is a signed field, where " + FieldValue(field.MaxValue) + " means not implemented" : string.Empty;
        diagnostics.Report(CatalogueRules.FieldAboveCpu, entry.ValueSpan, register.Name, field.Name, FieldValue(entry.Value), lacking, FieldValue(least), order);
    }

    /// <summary>The feature ID registers: op0 3, op1 0, CRn 0, CRm 1-7, whose fields follow the Arm ARM's ID scheme.</summary>
    private static bool IsFeatureIdRegister(Aarch64Encoding? encoding) =>
        encoding is { Op0: 3, Op1: 0, CRn: 0, CRm: >= 1 and <= 7 };
}
