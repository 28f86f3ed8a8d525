using System.Collections.Generic;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Diagnostics;
using TrapGen.Catalogue.Model;
using TrapGen.Catalogue.Parsing;

namespace TrapGen.Catalogue.Validation;

/// <summary>
/// TG0035: a register, AArch32 register or System instruction the catalogue handles that none of its <c>cpus:</c>
/// implements. On those CPUs an access UNDEFs at EL1 before any EL2 trap, so the entry is dead code. Checked are
/// the entries the catalogue writes: a register entry, the AArch32 forms it lists under <c>aarch32</c>, and each
/// instruction; the AArch32 views the architecture supplies to an entry that lists none (TCR_EL1's TTBCR2) are
/// not, since the entry did not choose them. Without <c>cpus:</c> it does not run.
/// </summary>
internal sealed class CpuPresenceValidator(DiagnosticBag diagnostics)
{
    /// <summary>Checks <paramref name="catalogue"/> against <paramref name="models"/>, the models it names.</summary>
    public void Validate(RegisterCatalogue catalogue, IReadOnlyList<CpuModel> models)
    {
        foreach (var register in catalogue.Registers)
        {
            ValidateRegister(models, register);
        }

        foreach (var instruction in catalogue.Instructions)
        {
            Report(instruction.Span, "the System instruction " + instruction.Name, CpuAbsence.OfAll(models, model => Absence(model, instruction)));
        }
    }

    private void ValidateRegister(IReadOnlyList<CpuModel> models, RegisterDefinition register)
    {
        if (register.IsAarch32Only)
        {
            // A register AArch32 alone has (JIDR) is its forms: it exists where any form does.
            Report(register.Span, "the AArch32 register " + register.Name, CpuAbsence.OfAll(models, model => AbsenceOfEveryForm(model, register)));
            return;
        }

        if (register.ImplementationDefined && register.Encoding is { } encoding)
        {
            Report(register.Span, "the IMPLEMENTATION DEFINED register " + register.Name + " (" + encoding + ")", CpuAbsence.OfAll(models, model => CpuAbsence.Of(model, encoding)));
        }
        else if (Aarch64Registers.TryFind(register.Name, out var architectural))
        {
            Report(register.Span, "the register " + register.Name, CpuAbsence.OfAll(models, model => CpuAbsence.Of(model, architectural)));
        }

        if (!register.AliasesWritten)
        {
            return;
        }

        foreach (var alias in register.Aliases)
        {
            Report(alias.Span, "the AArch32 register " + alias.Name + " (" + alias.Encoding.Describe() + ")", CpuAbsence.OfAll(models, model => Absence(model, alias)));
        }
    }

    /// <summary>Why <paramref name="model"/> lacks an AArch32 form: the architecture's register at its encoding, or an IMPLEMENTATION DEFINED one.</summary>
    private static string? Absence(CpuModel model, AliasDefinition alias) =>
        Aarch32Registers.TryFind(alias.Encoding, out var row) ? CpuAbsence.Of(model, row) : CpuAbsence.Of(model, alias.Encoding);

    /// <summary>Why <paramref name="model"/> lacks every form of a register AArch32 alone has, or null when it has one.</summary>
    private static string? AbsenceOfEveryForm(CpuModel model, RegisterDefinition register) =>
        register.Aliases.Count > 0 && register.Aliases.All(form => Absence(model, form) is not null) ? Absence(model, register.Aliases[0]) : null;

    private static string? Absence(CpuModel model, InstructionDefinition instruction)
    {
        if (instruction.Aarch32 is { } aarch32)
        {
            return Aarch32Registers.TryFind(aarch32, out var row) ? CpuAbsence.Of(model, row) : null;
        }

        return SystemInstructions.TryFind(instruction.Name, out var aarch64) ? CpuAbsence.Of(model, aarch64) : null;
    }

    private void Report(SourceSpan span, string entry, string? absence)
    {
        if (absence is not null)
        {
            diagnostics.Report(CatalogueRules.NoCpuImplements, span, entry, absence);
        }
    }
}
