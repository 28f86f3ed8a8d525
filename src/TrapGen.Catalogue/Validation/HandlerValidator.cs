using System.Collections.Generic;
using System.Linq;
using TrapGen.Catalogue.Diagnostics;
using TrapGen.Catalogue.Model;
using TrapGen.Catalogue.Parsing;
using static TrapGen.Catalogue.Validation.ArchitectureMessages;

namespace TrapGen.Catalogue.Validation;

/// <summary>
/// References to hooks and emulators: each named one declared (TG0015, TG0016), the keys that go with a
/// handling present exactly with it (TG0016), and each declared one used (TG0019).
/// </summary>
internal sealed class HandlerValidator(DiagnosticBag diagnostics)
{
    /// <summary>Runs the checks; "declared but not used" only when the parser read every entry (a dropped one may have been the user).</summary>
    public void Validate(RegisterCatalogue catalogue, bool parsedCompletely)
    {
        var hooks = catalogue.Hooks.Select(h => h.Name).ToList();
        var emulators = catalogue.Emulators.Select(e => e.Name).ToList();
        var usedHooks = new HashSet<string>();
        var usedEmulators = new HashSet<string>();
        foreach (var register in catalogue.Registers)
        {
            if (register.AfterWrite is { } hook)
            {
                usedHooks.Add(hook);
                if (!hooks.Contains(hook))
                {
                    diagnostics.Report(CatalogueRules.UnknownHook, register.AfterWriteSpan, register.Name, hook, Listing(hooks));
                }
            }

            if (register.Value is not null && register.Handling != RegisterHandling.Constant)
            {
                diagnostics.Report(CatalogueRules.ValueWithoutConstant, register.ValueSpan, register.Name);
            }

            if (register.Handling == RegisterHandling.Emulated && register.Emulator is null)
            {
                diagnostics.Report(CatalogueRules.EmulatedWithoutEmulator, register.HandlingSpan, register.Name, Listing(emulators));
            }
            else if (register.Handling != RegisterHandling.Emulated && register.Emulator is not null)
            {
                diagnostics.Report(CatalogueRules.EmulatorWithoutEmulated, register.EmulatorSpan, register.Name);
            }
            else if (register.Emulator is { } emulator)
            {
                usedEmulators.Add(emulator);
                if (!emulators.Contains(emulator))
                {
                    diagnostics.Report(CatalogueRules.UnknownEmulator, register.EmulatorSpan, register.Name, emulator, Listing(emulators));
                }
            }
        }

        foreach (var instruction in catalogue.Instructions.Where(i => i.Handling == InstructionHandling.Hook && i.Hook is not null))
        {
            usedHooks.Add(instruction.Hook!);
            if (!hooks.Contains(instruction.Hook!))
            {
                diagnostics.Report(CatalogueRules.UnknownHook, instruction.HookSpan, instruction.Name, instruction.Hook!, Listing(hooks));
            }
        }

        // An entry the parser dropped may have used them: no "declared but not used" after a parse error.
        if (!parsedCompletely)
        {
            return;
        }

        foreach (var hook in catalogue.Hooks.Where(h => !usedHooks.Contains(h.Name)))
        {
            diagnostics.Report(CatalogueRules.Unused, hook.Span, "hook", hook.Name);
        }

        foreach (var emulator in catalogue.Emulators.Where(e => !usedEmulators.Contains(e.Name)))
        {
            diagnostics.Report(CatalogueRules.Unused, emulator.Span, "emulator", emulator.Name);
        }
    }
}
