using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Collections;
using TrapGen.Catalogue.Diagnostics;
using TrapGen.Catalogue.Model;
using TrapGen.Catalogue.Parsing;
using TrapGen.Catalogue.Validation;
using TrapGen.Generators.Emit;

namespace TrapGen.Generators.Spec;

/// <summary>
/// Decides everything about the generated code once, from a validated catalogue: which keys each trap class
/// dispatches and how each moves its value, the perfect hash of every class and the slot of every row, the
/// register file's slots, the ids of emulators and actions, and every phrase. The emitters only format the
/// <see cref="EmitSpec"/> it returns.
/// </summary>
internal static class EmitSpecBuilder
{
    /// <summary>The generated code names the catalogue file in comments: printable, and this long at most.</summary>
    private const int MaxFileNameLength = 200;

    private const ulong All = ulong.MaxValue;

    public static EmitSpec Build(RegisterCatalogue catalogue, string catalogueFileName, string targetNamespace, string version)
    {
        var stored = catalogue.Registers.Where(HasStorage).ToList();
        var slots = stored.Select((register, slot) => (register.Name, slot)).ToDictionary(p => p.Name, p => p.slot);
        var emulators = Emulators(catalogue);
        var actions = Actions(catalogue);
        var others = OtherAccesses.Of(catalogue).Where(o => o.IsDispatched).ToList();
        var context = new Context(catalogue, slots, stored.Count, emulators, actions);
        var classes = TrapClasses.Dispatchable.Select(trapClass => Class(context, trapClass, others)).ToEquatableArray();
        return new EmitSpec(
            PrintableText.Of(Path.GetFileName(catalogueFileName), MaxFileNameLength),
            Path.GetFileNameWithoutExtension(catalogueFileName),
            targetNamespace,
            version,
            catalogue.Registers.Select(r => Register(r, classes)).ToEquatableArray(),
            stored.Select((r, slot) => Storage(r, slot)).ToEquatableArray(),
            classes,
            catalogue.Instructions.Select(i => new InstructionSpec(i.Identifier, i.Name + " (" + InstructionForm(i) + " " + i.EncodingText + ")" + (i.Description.Length > 0 ? ": " + i.Description : "."))).ToEquatableArray(),
            catalogue.Instructions.Select(i => new DispatchedSpec(i.Name, (int)i.TrapClass.ExceptionClass, KeyOf(i.TrapClass, i.Identifier), IsInstruction: true, InstructionHandlingPhrase(i)))
                .Concat(others.Select(o => new DispatchedSpec(o.ArchitecturalName, (int)o.TrapClass.ExceptionClass, KeyOf(o.TrapClass, o.Name), IsInstruction: false, "others: " + OthersPhrases.Of(o))))
                .ToEquatableArray(),
            emulators.Values.OrderBy(e => e.Id).ToEquatableArray(),
            actions.Values.OrderBy(a => a.Id).ToEquatableArray(),
            catalogue.Hooks.Select(h => new HookSpec(h.Name, "Hook " + h.Name + ", run " + WhenHookRuns(catalogue, h.Name) + (h.Description.Length > 0 ? ": " + h.Description : "."))).ToEquatableArray());
    }

    /// <summary>Gets whether the register file holds a value for <paramref name="register"/>: a sanitised register's value is the hardware's, which reads mask.</summary>
    public static bool HasStorage(RegisterDefinition register) => register.Handling is RegisterHandling.Passthrough or RegisterHandling.Sanitised;

    /// <summary>The C# of a key constant: <c>McrKeys.SCTLR</c>.</summary>
    private static string KeyOf(TrapClass trapClass, string name) => GeneratedNames.Keys(trapClass.Name) + "." + name;

    private static ClassSpec Class(Context context, TrapClass trapClass, IReadOnlyList<OtherAccess> others)
    {
        var rows = Rows(context, trapClass, others).ToEquatableArray();
        var hash = PerfectHash.Find([.. rows.Select(r => r.Key)]);
        var slotRows = new int[hash?.SlotCount ?? 0];
        for (var slot = 0; slot < slotRows.Length; slot++)
        {
            slotRows[slot] = -1;
        }

        for (var i = 0; i < rows.Count && hash is not null; i++)
        {
            slotRows[hash.SlotOf(rows[i].Key)] = i;
        }

        return new ClassSpec(trapClass.Name, trapClass.Instructions, trapClass.Coprocessor, trapClass.Form!.Value, rows, hash, new EquatableArray<int>(slotRows));
    }

    /// <summary>The rows of <paramref name="trapClass"/>, in catalogue order: registers and their forms, instructions, then others.</summary>
    private static IEnumerable<RowSpec> Rows(Context context, TrapClass trapClass, IReadOnlyList<OtherAccess> others)
    {
        var catalogue = context.Catalogue;
        foreach (var register in catalogue.Registers)
        {
            var slot = context.Slots.TryGetValue(register.Name, out var s) ? s : context.Spare;
            if (trapClass == TrapClasses.Msr && register.IsAarch64Dispatched)
            {
                var writeMask = RegisterViewBits.WriteMask(RegisterView.Whole, register.Width);
                yield return Row(context, register, register.Name, register.Location, register.Encoding!.Key, slot, 0, writeMask);
            }

            foreach (var alias in register.Aliases.Where(a => a.Class == trapClass))
            {
                var view = register.IsAarch32Only && alias.View == RegisterView.Whole ? string.Empty : ", " + RegisterViews.Of(alias.View, register.Name);
                var form = trapClass.Instructions + " " + alias.Encoding.Operands() + view;
                yield return Row(context, register, alias.Name, form, alias.Encoding.Key, slot, RegisterViewBits.Shift(alias.View), RegisterViewBits.WriteMask(alias.View, register.Width));
            }
        }

        foreach (var instruction in catalogue.Instructions.Where(i => i.TrapClass == trapClass))
        {
            var comment = instruction.Name + ", System instruction: " + InstructionHandlingPhrase(instruction);
            var write = instruction.Handling is InstructionHandling.Undefined ? DispatchResult.Undefined : DispatchResult.Handled;
            var action = context.Actions.TryGetValue(ActionKey(instruction), out var found) ? found.Id : 0;
            // An instruction keeps nothing: its operand goes through the spare slot whole, for its action (0 when it takes none).
            var operand = instruction.TakesRegister ? All : 0;
            yield return new RowSpec(instruction.Key, instruction.Identifier, comment, context.Spare, 0, DispatchResult.Undefined, write, operand, 0, action == 0 ? 0 : All, 0, action);
        }

        foreach (var other in others.Where(o => o.TrapClass == trapClass))
        {
            var comment = other.ArchitecturalName + " (" + other.Encoding + "), not catalogued: its trap group's others: " + OthersPhrases.Of(other);
            yield return new RowSpec(other.Key, other.Name, comment, context.Spare, 0, Result(other.Read), Result(other.Write), 0, 0, 0, 0, 0);
        }
    }

    private static RowSpec Row(Context context, RegisterDefinition register, string name, string form, uint key, int slot, int shift, ulong writeMask)
    {
        var comment = name + " (" + form + "): " + HandlingPhrases.Of(register);
        var read = register.Handling == RegisterHandling.Undefined || !register.IsReadable ? DispatchResult.Undefined : DispatchResult.Handled;
        var write = register.Handling == RegisterHandling.Undefined || !register.IsWritable ? DispatchResult.Undefined : DispatchResult.Handled;
        var action = register.AfterWrite is { } hook && context.Actions.TryGetValue(hook, out var found) ? found.Id : 0;
        return register.Handling switch
        {
            RegisterHandling.Passthrough => new RowSpec(key, name, comment, slot, shift, read, write, All, 0, writeMask, 0, action),
            RegisterHandling.Emulated => new RowSpec(key, name, comment, context.Spare, shift, read, write, All, 0, writeMask, context.Emulators[register.Emulator!].Id, action),
            RegisterHandling.Sanitised => new RowSpec(key, name, comment, slot, shift, read, write, ~register.OverriddenMask, register.OverriddenValue, 0, 0, action),
            RegisterHandling.Constant => new RowSpec(key, name, comment, context.Spare, shift, read, write, 0, register.Value ?? 0, 0, 0, action),
            _ => new RowSpec(key, name, comment, context.Spare, shift, read, write, 0, 0, 0, 0, action),
        };
    }

    private static string Result(OthersHandling? handling) => handling switch
    {
        OthersHandling.RazWi => DispatchResult.Handled,
        OthersHandling.Undefined => DispatchResult.Undefined,
        _ => DispatchResult.Unhandled,
    };

    /// <summary>The emulators the generated code calls, by name: every declared one some register (generated, or left out for its errors) names.</summary>
    private static Dictionary<string, EmulatorSpec> Emulators(RegisterCatalogue catalogue)
    {
        var emulators = new Dictionary<string, EmulatorSpec>(System.StringComparer.Ordinal);
        foreach (var emulator in catalogue.Emulators)
        {
            // A register left out for its errors still has the runtime's emulator methods: they stay declared.
            var users = catalogue.Registers.Concat(catalogue.LeftOut).Where(r => r.Emulator == emulator.Name).ToList();
            if (!emulators.ContainsKey(emulator.Name))
            {
                emulators[emulator.Name] = new EmulatorSpec(emulators.Count + 1, emulator.Name, emulator.Description, users.Any(r => r.IsReadable), users.Any(r => r.IsWritable));
            }
        }

        return emulators;
    }

    /// <summary>The actions, by hook name or <see cref="ActionKey"/>: every declared hook, then every forwarded instruction.</summary>
    private static Dictionary<string, ActionSpec> Actions(RegisterCatalogue catalogue)
    {
        var actions = new Dictionary<string, ActionSpec>(System.StringComparer.Ordinal);
        foreach (var hook in catalogue.Hooks.Where(h => !actions.ContainsKey(h.Name)))
        {
            actions[hook.Name] = new ActionSpec(actions.Count + 1, hook.Name, null);
        }

        foreach (var instruction in catalogue.Instructions.Where(i => i.Handling == InstructionHandling.Forward && !actions.ContainsKey(ActionKey(i))))
        {
            actions[ActionKey(instruction)] = new ActionSpec(actions.Count + 1, null, instruction.Identifier);
        }

        return actions;
    }

    /// <summary>The key of an instruction's action: its hook's name, or a name no hook can have for its forward.</summary>
    private static string ActionKey(InstructionDefinition instruction) =>
        instruction.Handling == InstructionHandling.Hook ? instruction.Hook ?? string.Empty : "forward " + instruction.Identifier;

    private static RegisterSpec Register(RegisterDefinition register, EquatableArray<ClassSpec> classes)
    {
        var e = register.Encoding;
        var aliases = register.Aliases.Select(a => new AliasSpec(
            a.Name, a.OtherNames, (int)a.Class.ExceptionClass, a.Encoding.Coprocessor, a.Encoding.Form, a.Encoding.Opc1, a.Encoding.CRn, a.Encoding.CRm, a.Encoding.Opc2, a.View,
            KeyOf(a.Class, a.Name))).ToEquatableArray();
        var key = register.IsAarch64Dispatched ? KeyOf(TrapClasses.Msr, register.Name) : e is null ? "0u" : CSharpLiterals.Hex32(e.Key);
        return new RegisterSpec(
            register.Name, register.Description, register.Name + ": " + (register.Description.Length > 0 ? register.Description : register.Location) + ".",
            register.IsAarch32Only, e?.Op0 ?? 0, e?.Op1 ?? 0, e?.CRn ?? 0, e?.CRm ?? 0, e?.Op2 ?? 0, register.Width, register.Handling, HandlingPhrases.Of(register),
            register.IsReadable, register.IsWritable, register.GuestAarch32State, register.ResetValue, register.AfterWrite, register.Emulator, register.OtherNames, aliases, key);
    }

    private static StorageSpec Storage(RegisterDefinition register, int slot)
    {
        var summary = register.Name + " (" + register.Location + ")" + (register.Description.Length > 0 ? ": " + register.Description : string.Empty) + "; slot " + slot.ToString(CultureInfo.InvariantCulture) + ".";
        return new StorageSpec(
            register.Name, slot, register.Width, register.ResetValue, summary,
            register.Aliases.Where(a => a.View is RegisterView.Lo or RegisterView.ZeroExtend && a.Encoding.AccessWidth == 32).Select(a => a.Name).Distinct().ToEquatableArray(),
            register.Aliases.Where(a => a.View == RegisterView.Hi).Select(a => a.Name).Distinct().ToEquatableArray());
    }

    /// <summary>When a hook runs, for its doc comment: after register writes, on trapped instructions, or both.</summary>
    private static string WhenHookRuns(RegisterCatalogue catalogue, string hook)
    {
        var afterWrite = catalogue.Registers.Any(r => r.AfterWrite == hook) || catalogue.Instructions.All(i => i.Hook != hook);
        var instructions = catalogue.Instructions.Where(i => i.Hook == hook).Select(i => i.Name).ToList();
        var onInstructions = instructions.Count == 0 ? null : "when " + string.Join(", ", instructions) + " trap" + (instructions.Count == 1 ? "s" : string.Empty) + ", with the operand";
        var onWrites = afterWrite ? "after every write to a register that names it, with the register's new value" : null;
        return onWrites is not null && onInstructions is not null ? onWrites + ", and " + onInstructions : onWrites ?? onInstructions!;
    }

    /// <summary>How an instruction's trap is handled, in words: <c>hook SetWayFlush</c>, <c>forward</c>.</summary>
    private static string InstructionHandlingPhrase(InstructionDefinition instruction) => instruction.Handling == InstructionHandling.Hook
        ? "hook " + instruction.Hook
        : CatalogueSpelling.Of(instruction.Handling);

    private static string InstructionForm(InstructionDefinition instruction) => instruction.TrapClass == TrapClasses.Msr ? "SYS" : "MCR";

    /// <summary>What every row needs from the catalogue, decided once.</summary>
    private sealed record Context(
        RegisterCatalogue Catalogue, IReadOnlyDictionary<string, int> Slots, int Spare, IReadOnlyDictionary<string, EmulatorSpec> Emulators, IReadOnlyDictionary<string, ActionSpec> Actions);
}
