using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Collections;
using TrapGen.Catalogue.Diagnostics;
using TrapGen.Catalogue.Model;
using TrapGen.Catalogue.Parsing;
using static TrapGen.Catalogue.Validation.ArchitectureMessages;

namespace TrapGen.Catalogue.Validation;

/// <summary>
/// The checks that span entries: layouts against the architecture, unique names and encodings,
/// alias views, references to groups, hooks and emulators, and trap groups against HCR_EL2's facts.
/// </summary>
internal sealed class CatalogueValidator(DiagnosticBag diagnostics)
{
    /// <summary>Runs every check. Completeness against the architecture needs the whole catalogue, so it
    /// is skipped when the parser already had to drop entries (it would only repeat those errors).</summary>
    public void Validate(RegisterCatalogue catalogue, bool parsedCompletely)
    {
        ValidateLayouts(catalogue.Syndrome);
        ValidateIdentifiers(catalogue);
        ValidateNames(catalogue);
        ValidateEncodings(catalogue);
        ValidateViews(catalogue);
        ValidateHandling(catalogue, parsedCompletely);
        new InstructionValidator(diagnostics).Validate(catalogue);
        new FieldOverrideValidator(diagnostics).Validate(catalogue);
        new TrapGroupValidator(diagnostics).Validate(catalogue, parsedCompletely);
        new ArchitectureValidator(diagnostics).Validate(catalogue);
    }

    private void ValidateLayouts(SyndromeLayouts syndrome)
    {
        ValidateFields("syndrome.esr", syndrome.EsrFields, syndrome.EsrFieldSpans, syndrome.EsrWidth, Layouts.Esr.Layout);
        var iss = syndrome.EsrFields.FirstOrDefault(f => f.Name == SyndromeLayouts.ISS);
        foreach (var layout in syndrome.Classes)
        {
            var name = "syndrome." + CatalogueSpelling.Of(layout.Kind);
            var expectedEc = TrapClasses.ExceptionClass(layout.Kind);
            if (layout.ExceptionClass != expectedEc)
            {
                diagnostics.Report(
                    CatalogueRules.ContradictsArchitecture,
                    layout.Span,
                    string.Format(
                        CultureInfo.InvariantCulture,
                        "{0} declares ec: 0x{1:X2}, but the Arm ARM reports {2} traps with EC 0x{3:X2}",
                        name, layout.ExceptionClass, TrapClasses.Instructions(layout.Kind), expectedEc));
            }

            ValidateFields(name, layout.Fields, layout.FieldSpans, iss?.Width ?? Layouts.Esr.ISS.Width, TrapClasses.Iss(layout.Kind));
        }
    }

    private void ValidateFields(string layoutName, EquatableArray<BitField> fields, EquatableArray<SourceSpan> spans, int containerWidth, BitLayout architecture)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            var span = spans[i];
            if (field.Msb >= containerWidth)
            {
                diagnostics.Report(
                    CatalogueRules.FieldOutsideContainer, span, field.Name, field.BitRange, layoutName,
                    containerWidth.ToString(CultureInfo.InvariantCulture), (containerWidth - 1).ToString(CultureInfo.InvariantCulture));
            }

            for (var j = 0; j < i; j++)
            {
                if (field.Overlaps(fields[j]))
                {
                    var common = field.Mask & fields[j].Mask;
                    diagnostics.Report(
                        CatalogueRules.OverlappingFields, span, field.Name, field.BitRange, layoutName, fields[j].Name,
                        fields[j].BitRange, BitField.FormatMask(common, containerWidth));
                }
            }

            if (architecture.FindField(field.Name) is { } expected && expected != field)
            {
                diagnostics.Report(
                    CatalogueRules.FieldDiffersFromArchitecture, span, field.Name, layoutName, field.BitRange,
                    BitField.FormatMask(field.Mask, 32), expected.BitRange, BitField.FormatMask(expected.Mask, 32),
                    expected.Lsb.ToString(CultureInfo.InvariantCulture), expected.Width.ToString(CultureInfo.InvariantCulture));
            }
        }
    }

    private void ValidateIdentifiers(RegisterCatalogue catalogue)
    {
        var names = catalogue.TrapGroups.Select(g => (g.Name, g.Span))
            .Concat(catalogue.Hooks.Select(h => (h.Name, h.Span)))
            .Concat(catalogue.Emulators.Select(e => (e.Name, e.Span)))
            .Concat(catalogue.Registers.Select(r => (r.Name, r.Span)))
            .Concat(catalogue.Registers.SelectMany(r => r.Aliases).Select(a => (a.Name, a.Span)))
            .Concat(catalogue.Instructions.Select(i => (i.Identifier, i.Span)));
        foreach (var (name, span) in names)
        {
            if (!CSharpIdentifier.IsValid(name))
            {
                diagnostics.Report(CatalogueRules.InvalidIdentifier, span, name);
            }
        }
    }

    private void ValidateNames(RegisterCatalogue catalogue)
    {
        var aarch64 = new Dictionary<string, string>(System.StringComparer.OrdinalIgnoreCase);
        foreach (var register in catalogue.Registers)
        {
            Claim(aarch64, register.Name, "the register " + register.Name, register.Span);
            foreach (var other in register.OtherNames)
            {
                Claim(aarch64, other, "the register " + register.Name, register.Span);
            }
        }

        foreach (var form in new[] { Cp15Form.Mcr, Cp15Form.Mcrr })
        {
            var aarch32 = new Dictionary<string, string>(System.StringComparer.OrdinalIgnoreCase);
            foreach (var (register, alias) in Aliases(catalogue).Where(a => a.Alias.Encoding.Form == form))
            {
                var owner = "the " + (form == Cp15Form.Mcr ? "MCR" : "MCRR") + " alias " + alias.Name + " of " + register.Name;
                if (aarch64.TryGetValue(alias.Name, out var register64))
                {
                    diagnostics.Report(CatalogueRules.DuplicateName, alias.Span, alias.Name, register64);
                }

                Claim(aarch32, alias.Name, owner, alias.Span);
                foreach (var other in alias.OtherNames)
                {
                    Claim(aarch32, other, owner, alias.Span);
                }
            }
        }

        ValidateUnique(catalogue.TrapGroups.Select(g => (g.Name, g.Span)), "trap group");
        ValidateUnique(catalogue.Hooks.Select(h => (h.Name, h.Span)), "hook");
        ValidateUnique(catalogue.Emulators.Select(e => (e.Name, e.Span)), "emulator");
    }

    private void Claim(Dictionary<string, string> claimed, string name, string owner, SourceSpan span)
    {
        if (claimed.TryGetValue(name, out var previous))
        {
            diagnostics.Report(CatalogueRules.DuplicateName, span, name, previous);
            return;
        }

        claimed[name] = owner;
    }

    private void ValidateUnique(IEnumerable<(string Name, SourceSpan Span)> entries, string kind)
    {
        var claimed = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (var (name, span) in entries)
        {
            Claim(claimed, name, "another " + kind, span);
        }
    }

    private void ValidateEncodings(RegisterCatalogue catalogue)
    {
        var aarch64 = new Dictionary<Aarch64Encoding, string>();
        foreach (var register in catalogue.Registers)
        {
            if (aarch64.TryGetValue(register.Encoding, out var previous))
            {
                diagnostics.Report(CatalogueRules.DuplicateEncoding, register.EncodingSpan, register.Name, register.Encoding.ToString(), previous);
            }
            else
            {
                aarch64[register.Encoding] = register.Name;
            }

            if (register.IsHypervisorState && register.Handling == RegisterHandling.Passthrough && !register.GuestAarch32State)
            {
                var fix = register.ImplementationDefined
                    ? "if it holds a guest's AArch32 state, mark it guest_aarch32_state: true so that only its AArch32 aliases reach it, otherwise emulate it"
                    : "EL1 cannot access it, so a guest never traps on it: remove it, or emulate it";
                diagnostics.Report(
                    CatalogueRules.HypervisorStatePassthrough, register.Span, register.Name, register.Encoding.ToString(),
                    register.ExceptionLevel.ToString(CultureInfo.InvariantCulture), fix);
            }
        }

        var aarch32 = new Dictionary<Cp15Encoding, string>();
        foreach (var (_, alias) in Aliases(catalogue))
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

    private void ValidateViews(RegisterCatalogue catalogue)
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

    private void ValidateHandling(RegisterCatalogue catalogue, bool parsedCompletely)
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
                diagnostics.Report(
                    CatalogueRules.UnknownHandler, register.ValueSpan, register.Name,
                    "'value' is only used with handling: constant; remove it or change the handling");
            }

            if (register.Handling == RegisterHandling.Emulated && register.Emulator is null)
            {
                diagnostics.Report(
                    CatalogueRules.UnknownHandler, register.HandlingSpan, register.Name,
                    "handling: emulated needs 'emulator: <Name>', naming one of the emulators declared under 'emulators' (" + Listing(emulators) + ")");
            }
            else if (register.Handling != RegisterHandling.Emulated && register.Emulator is not null)
            {
                diagnostics.Report(
                    CatalogueRules.UnknownHandler, register.EmulatorSpan, register.Name,
                    "'emulator' is only used with handling: emulated; remove it or change the handling");
            }
            else if (register.Emulator is { } emulator)
            {
                usedEmulators.Add(emulator);
                if (!emulators.Contains(emulator))
                {
                    diagnostics.Report(
                        CatalogueRules.UnknownHandler, register.EmulatorSpan, register.Name,
                        "the emulator '" + emulator + "' is not declared under 'emulators' (declared: " + Listing(emulators) + ")");
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
            diagnostics.Report(CatalogueRules.Unused, hook.Span, "The hook", hook.Name);
        }

        foreach (var emulator in catalogue.Emulators.Where(e => !usedEmulators.Contains(e.Name)))
        {
            diagnostics.Report(CatalogueRules.Unused, emulator.Span, "The emulator", emulator.Name);
        }
    }

    private static IEnumerable<(RegisterDefinition Register, AliasDefinition Alias)> Aliases(RegisterCatalogue catalogue) =>
        catalogue.Registers.SelectMany(r => r.Aliases.Select(a => (r, a)));
}
