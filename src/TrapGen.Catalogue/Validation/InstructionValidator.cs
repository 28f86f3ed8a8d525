using System.Collections.Generic;
using TrapGen.Architecture;
using TrapGen.Catalogue.Diagnostics;
using TrapGen.Catalogue.Model;
using TrapGen.Catalogue.Parsing;

namespace TrapGen.Catalogue.Validation;

/// <summary>
/// The <c>instructions:</c> entries: each once, each one EL1 can execute, and a hook exactly when the
/// handling is hook (hook names are checked with the registers' after_write hooks).
/// </summary>
internal sealed class InstructionValidator(DiagnosticBag diagnostics)
{
    public void Validate(RegisterCatalogue catalogue)
    {
        var seen = new Dictionary<(TrapClass, uint), string>();
        foreach (var instruction in catalogue.Instructions)
        {
            if (seen.TryGetValue((instruction.TrapClass, instruction.Key), out var first))
            {
                diagnostics.Report(CatalogueRules.InstructionListedTwice, instruction.Span, instruction.Name, first);
            }
            else
            {
                seen[(instruction.TrapClass, instruction.Key)] = instruction.Name;
            }

            if (El1Access.IsAboveEl1(instruction.ExceptionLevel))
            {
                diagnostics.Report(CatalogueRules.InstructionAboveEl1, instruction.Span, instruction.Name, MessageArgument.Decimal(instruction.ExceptionLevel));
            }

            if (instruction.Handling == InstructionHandling.Hook && instruction.Hook is null)
            {
                diagnostics.Report(CatalogueRules.HookHandlingWithoutHook, instruction.HandlingSpan, instruction.Name);
            }
            else if (instruction.Handling != InstructionHandling.Hook && instruction.Hook is not null)
            {
                diagnostics.Report(CatalogueRules.HookWithoutHookHandling, instruction.HookSpan, instruction.Name, CatalogueSpelling.Of(instruction.Handling));
            }
        }
    }
}
