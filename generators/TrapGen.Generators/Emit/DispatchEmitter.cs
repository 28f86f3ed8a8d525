using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Model;

namespace TrapGen.Generators.Emit;

/// <summary>
/// Emits the trap dispatch: per trap class a <c>switch</c> on the register key calling one handler per
/// register or alias; handlers move values with exact width semantics; hooks, emulators and the
/// general-purpose registers are partial members the runtime implements.
/// </summary>
internal static class DispatchEmitter
{
    private static readonly string Result = GeneratedNames.TrapResult;
    private static readonly string Halves = GeneratedNames.RegisterHalves;

    public static string Emit(EmitContext context)
    {
        var catalogue = context.Catalogue;
        var writer = context.NewFile("the trap dispatch and passthrough handlers.");
        EmitResult(writer, context);
        InstructionEmitter.EmitEnum(writer, context);
        writer.Summary("Handles trapped system-register accesses: decodes the syndrome, finds the register by its key and moves the value.");
        writer.Line(context.GeneratedCodeAttribute);
        using (writer.Block("public sealed partial class " + GeneratedNames.Dispatcher))
        {
            EmitTopLevel(writer, catalogue);
            foreach (var layout in catalogue.Syndrome.Classes)
            {
                writer.Line();
                EmitClassDispatch(writer, context, layout.Kind);
            }

            foreach (var register in catalogue.Registers)
            {
                var storage = new RegisterStorage(register);
                if (register.IsAarch64Dispatched)
                {
                    writer.Line();
                    EmitAarch64Handler(writer, storage);
                }

                foreach (var alias in register.Aliases)
                {
                    writer.Line();
                    if (alias.Encoding.Form == Cp15Form.Mcr)
                    {
                        EmitMcrHandler(writer, storage, alias);
                    }
                    else
                    {
                        EmitMcrrHandler(writer, storage, alias);
                    }
                }
            }

            foreach (var instruction in catalogue.Instructions)
            {
                writer.Line();
                InstructionEmitter.EmitHandler(writer, instruction);
            }

            OthersEmitter.EmitHelpers(writer, context.Others.Where(o => o.IsDispatched));
            writer.Line();
            EmitPartials(writer, catalogue);
        }

        return writer.ToString();
    }

    private static void EmitResult(SourceWriter writer, EmitContext context)
    {
        writer.Summary("What the dispatch did with a trap.");
        writer.Line(context.GeneratedCodeAttribute);
        using (writer.Block("public enum " + Result))
        {
            writer.Summary("The access was performed; the runtime advances the PC.");
            writer.Line("Handled,");
            writer.Summary("The access is UNDEFINED (catalogue handling, or a read-only or write-only register); the runtime injects UNDEF.");
            writer.Line("Undefined,");
            writer.Summary("No catalogue entry matches; the runtime's default path logs it and injects UNDEF or crashes the domain.");
            writer.Line("Unhandled,");
        }

        writer.Line();
    }

    private static void EmitTopLevel(SourceWriter writer, RegisterCatalogue catalogue)
    {
        writer.SummaryXml("Dispatches a trap by its whole syndrome (ESR_EL2 / HSR); exception classes other than the system-register traps are <see cref=\"" + Result + ".Unhandled\"/>.");
        using (writer.Block("public " + Result + " Dispatch(uint esr)"))
        {
            writer.Line("var iss = " + GeneratedNames.EsrFields + ".GetISS(esr);");
            using (writer.Block("switch (" + GeneratedNames.EsrFields + ".GetEC(esr))"))
            {
                foreach (var layout in catalogue.Syndrome.Classes)
                {
                    writer.Line("case " + GeneratedNames.Iss(layout.Kind) + ".ExceptionClass: return " + GeneratedNames.Dispatch(layout.Kind) + "(iss);");
                }

                writer.Line("default: return " + Result + ".Unhandled;");
            }
        }
    }

    private static void EmitClassDispatch(SourceWriter writer, EmitContext context, TrapClassKind kind)
    {
        var catalogue = context.Catalogue;
        var iss = GeneratedNames.Iss(kind);
        var keys = GeneratedNames.Keys(kind);
        var hasRt2 = kind == TrapClassKind.Cp15Register64;
        writer.Summary(
            "Dispatches a trapped " + TrapClasses.Instructions(kind) + " by its ISS: one jump table on the key's "
            + keys + ".Slot, then a comparison with the one key that slot can hold. Any ISS value is safe: unknown registers are " + Result + ".Unhandled.");
        using (writer.Block("public " + Result + " " + GeneratedNames.Dispatch(kind) + "(uint iss)"))
        {
            if (context.HashOf(kind) is not { } hash)
            {
                writer.Line("// The catalogue has no " + TrapClasses.Instructions(kind) + " registers.");
                writer.Line("return " + Result + ".Unhandled;");
                return;
            }

            writer.Line("var key = iss & " + iss + ".KeyMask;");
            writer.Line("var isRead = " + iss + ".GetDirection(iss) != 0;");
            writer.Line("var rt = (int)" + iss + ".GetRt(iss);");
            if (hasRt2)
            {
                writer.Line("var rt2 = (int)" + iss + ".GetRt2(iss);");
            }

            var arguments = "(isRead, rt" + (hasRt2 ? ", rt2" : string.Empty) + ")";
            using (writer.Block("switch (" + keys + ".Slot(key))"))
            {
                foreach (var (slot, entry) in KeysEmitter.Entries(context, kind).Select(entry => (Slot: hash.SlotOf(entry.Key), entry)).OrderBy(pair => pair.Slot))
                {
                    var handled = entry.Other is { } other ? OthersEmitter.Expression(kind, other) : GeneratedNames.Handler(kind, entry.Name) + arguments;
                    writer.Line(
                        "case " + slot.ToString(CultureInfo.InvariantCulture) + ": return key == " + keys + "." + entry.Name + " ? "
                        + handled + " : " + Result + ".Unhandled;");
                }

                writer.Line("default: return " + Result + ".Unhandled;");
            }
        }
    }

    private static void EmitAarch64Handler(SourceWriter writer, RegisterStorage storage)
    {
        var register = storage.Register;
        writer.Summary(register.Name + " (" + register.Encoding + "): " + Describe(register) + ".");
        using (writer.Block("private " + Result + " " + GeneratedNames.Handler(TrapClassKind.Aarch64, register.Name) + "(bool isRead, int rt)"))
        {
            var read = new List<string> { "WriteX(rt, " + storage.Load + ");" };
            var value = register.Width == 64 ? "ReadX(rt)" : Halves + ".Lo(ReadX(rt))";
            EmitBody(writer, storage, read, storage.Store(value));
        }
    }

    private static void EmitMcrHandler(SourceWriter writer, RegisterStorage storage, AliasDefinition alias)
    {
        var register = storage.Register;
        writer.Summary(alias.Name + " (MCR/MRC " + alias.Encoding + "): " + KeysEmitter.Describe(alias.View) + " of " + register.Name + ", " + Describe(register) + ".");
        using (writer.Block("private " + Result + " " + GeneratedNames.Handler(TrapClassKind.Cp15Register32, alias.Name) + "(bool isRead, int rt)"))
        {
            string load;
            string? store;
            switch (alias.View)
            {
                case RegisterView.Lo:
                case RegisterView.Hi:
                    load = storage.LoadHalf(alias.View);
                    store = storage.StoreHalf(alias.View, "ReadR(rt)");
                    break;
                case RegisterView.ZeroExtend:
                    load = storage.LoadHalf(RegisterView.Lo);
                    store = storage.Store("(ulong)ReadR(rt)");
                    break;
                default:
                    load = storage.Load;
                    store = storage.Store("ReadR(rt)");
                    break;
            }

            EmitBody(writer, storage, ["WriteR(rt, " + (storage.IsRazWi ? "0u" : load) + ");"], store);
        }
    }

    private static void EmitMcrrHandler(SourceWriter writer, RegisterStorage storage, AliasDefinition alias)
    {
        var register = storage.Register;
        writer.Summary(alias.Name + " (MCRR/MRRC " + alias.Encoding + "): all of " + register.Name + ", Rt the low word and Rt2 the high; " + Describe(register) + ".");
        using (writer.Block("private " + Result + " " + GeneratedNames.Handler(TrapClassKind.Cp15Register64, alias.Name) + "(bool isRead, int rt, int rt2)"))
        {
            List<string> read = storage.IsRazWi
                ? ["WriteR(rt, 0u);", "WriteR(rt2, 0u);"]
                : ["var value = " + storage.Load + ";", "WriteR(rt, " + Halves + ".Lo(value));", "WriteR(rt2, " + Halves + ".Hi(value));"];
            EmitBody(writer, storage, read, storage.Store(Halves + ".Compose(ReadR(rt), ReadR(rt2))"));
        }
    }

    /// <summary>The common shape: access checks, the read path, then the write path and its hook.</summary>
    private static void EmitBody(SourceWriter writer, RegisterStorage storage, IReadOnlyList<string> read, string? store)
    {
        var register = storage.Register;
        if (register.Handling == RegisterHandling.Undefined)
        {
            writer.Line("return " + Result + ".Undefined;");
            return;
        }

        using (writer.Block("if (isRead)"))
        {
            if (!register.IsReadable)
            {
                writer.Line("return " + Result + ".Undefined;");
            }
            else
            {
                foreach (var line in read)
                {
                    writer.Line(line);
                }

                writer.Line("return " + Result + ".Handled;");
            }
        }

        writer.Line();
        if (!register.IsWritable)
        {
            writer.Line("return " + Result + ".Undefined;");
            return;
        }

        if (store is not null)
        {
            writer.Line(store);
        }

        if (storage.AfterWrite is { } hook)
        {
            writer.Line(hook);
        }

        writer.Line("return " + Result + ".Handled;");
    }

    private static void EmitPartials(SourceWriter writer, RegisterCatalogue catalogue)
    {
        // A partial method, not a partial property (C# 13): the generated code compiles at C# 12, net8.0's default.
        writer.Summary("The register file passthrough handlers read and write.");
        writer.Line("private partial " + GeneratedNames.RegisterFile + " Registers();");
        writer.Line();
        writer.SummaryXml("Reads AArch64 general-purpose register X<paramref name=\"index\"/>; index 31 is XZR and reads as zero.");
        writer.Line("private partial ulong ReadX(int index);");
        writer.Line();
        writer.SummaryXml("Writes AArch64 general-purpose register X<paramref name=\"index\"/>; a write to index 31 (XZR) is discarded.");
        writer.Line("private partial void WriteX(int index, ulong value);");
        writer.Line();
        writer.SummaryXml("Reads AArch32 general-purpose register R<paramref name=\"index\"/>.");
        writer.Line("private partial uint ReadR(int index);");
        writer.Line();
        writer.SummaryXml("Writes AArch32 general-purpose register R<paramref name=\"index\"/>.");
        writer.Line("private partial void WriteR(int index, uint value);");
        foreach (var hook in catalogue.Hooks)
        {
            writer.Line();
            writer.Summary("Hook " + hook.Name + ", run " + InstructionEmitter.WhenHookRuns(catalogue, hook.Name) + (hook.Description.Length > 0 ? ": " + hook.Description : "."));
            writer.Line("private partial void " + hook.Name + "(ulong value);");
        }

        InstructionEmitter.EmitForwardPartial(writer);

        foreach (var emulator in catalogue.Emulators)
        {
            // A register left out for its errors still has the runtime's emulator methods: they stay declared.
            var users = catalogue.Registers.Concat(catalogue.LeftOut).Where(r => r.Emulator == emulator.Name).ToList();
            var summary = emulator.Description.Length > 0 ? ": " + emulator.Description : ".";
            if (users.Any(r => r.IsReadable))
            {
                writer.Line();
                writer.Summary("Emulator " + emulator.Name + ", read" + summary);
                writer.Line("private partial ulong Read" + emulator.Name + "();");
            }

            if (users.Any(r => r.IsWritable))
            {
                writer.Line();
                writer.Summary("Emulator " + emulator.Name + ", write" + summary);
                writer.Line("private partial void Write" + emulator.Name + "(ulong value);");
            }
        }
    }

    private static string WritesIgnored(RegisterDefinition register) => register.IsWritable ? ", writes ignored" : string.Empty;

    private static string Overrides(RegisterDefinition register) => register.Fields.Count == 0
        ? string.Empty
        : " with " + string.Join(", ", register.Fields.Where(f => f.Field is not null).Select(f => f.Field!.Name + " [" + f.Field.BitRange + "] = " + CSharpLiterals.Hex(f.Value)));

    private static string Describe(RegisterDefinition register)
    {
        var handling = register.Handling switch
        {
            RegisterHandling.Passthrough => "passthrough",
            RegisterHandling.Emulated => "emulated by " + register.Emulator,
            RegisterHandling.RazWi => "reads as zero, writes ignored",
            RegisterHandling.Constant => "reads " + new RegisterStorage(register).Load + WritesIgnored(register),
            RegisterHandling.Sanitised => "reads the hardware's value" + Overrides(register) + WritesIgnored(register),
            _ => "UNDEFINED",
        };
        var access = register.Access switch
        {
            RegisterAccess.ReadOnly => ", read-only",
            RegisterAccess.WriteOnly => ", write-only",
            _ => string.Empty,
        };
        var hook = register.AfterWrite is { } name ? "; after a write, " + name : string.Empty;
        return handling + access + hook;
    }
}
