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
        var seen = new Dictionary<(TrapClassKind, uint), string>();
        foreach (var instruction in catalogue.Instructions)
        {
            if (seen.TryGetValue((instruction.TrapClass, instruction.Key), out var first))
            {
                diagnostics.Report(CatalogueRules.DuplicateName, instruction.Span, instruction.Name, "another entry of instructions (" + first + "): list each instruction once");
            }
            else
            {
                seen[(instruction.TrapClass, instruction.Key)] = instruction.Name;
            }

            if (El1Access.IsAboveEl1(instruction.ExceptionLevel))
            {
                diagnostics.Report(CatalogueRules.UnknownInstruction, instruction.Span, InstructionMessages.NotEl1(instruction.Name, instruction.ExceptionLevel));
            }

            if (instruction.Handling == InstructionHandling.Hook && instruction.Hook is null)
            {
                diagnostics.Report(
                    CatalogueRules.UnknownHandler, instruction.HandlingSpan, instruction.Name,
                    "handling: hook needs 'hook: <Name>', naming one of the hooks declared under 'hooks'; the hook runs with the instruction's operand");
            }
            else if (instruction.Handling != InstructionHandling.Hook && instruction.Hook is not null)
            {
                diagnostics.Report(
                    CatalogueRules.UnknownHandler, instruction.HookSpan, instruction.Name,
                    "'hook' is only used with handling: hook (it is " + CatalogueSpelling.Of(instruction.Handling) + "); remove it or change the handling");
            }
        }
    }
}
