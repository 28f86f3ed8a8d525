using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Encoding;
using TrapGen.Catalogue.Model;

namespace TrapGen.Generators.Emit;

/// <summary>
/// Emits the trap dispatch: per trap class a table indexed by the perfect hash of the register key,
/// whose entries say as data how each register form moves its value (<see cref="DispatchTable"/>), one
/// shared, branch-light path that serves every plain register, and a handler of its own only for a
/// register with a hook or an emulator and a System instruction with a hook or forward; hooks,
/// emulators and the general-purpose registers are partial members the runtime implements.
/// </summary>
internal static class DispatchEmitter
{
    private static readonly string Result = GeneratedNames.TrapResult;
    private static readonly string Halves = GeneratedNames.RegisterHalves;
    private static readonly string Entry = "TrapEntry";

    public static string Emit(EmitContext context)
    {
        var catalogue = context.Catalogue;
        var writer = context.NewFile("the trap dispatch and passthrough handlers.");
        EmitResult(writer, context);
        InstructionEmitter.EmitEnum(writer, context);
        EmitEntry(writer, context);
        writer.Summary("Handles trapped system-register accesses: decodes the syndrome, finds the register by its key and moves the value.");
        writer.Line(context.GeneratedCodeAttribute);
        using (writer.Block("public sealed partial class " + GeneratedNames.Dispatcher))
        {
            EmitTopLevel(writer, catalogue);
            foreach (var layout in catalogue.Syndrome.Classes)
            {
                var rows = context.RowsOf(layout.Kind);
                writer.Line();
                EmitClassDispatch(writer, context, layout.Kind, rows);
                if (context.HashOf(layout.Kind) is { } hash)
                {
                    writer.Line();
                    EmitTable(writer, layout.Kind, rows, hash);
                }

                if (rows.Any(r => r.Special is not null))
                {
                    writer.Line();
                    EmitSpecials(writer, layout.Kind, rows);
                }
            }

            foreach (var register in catalogue.Registers.Where(DispatchTable.NeedsHandler))
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
                    if (alias.Encoding.Form == TrapClassKind.Mcr)
                    {
                        EmitMcrHandler(writer, storage, alias);
                    }
                    else
                    {
                        EmitMcrrHandler(writer, storage, alias);
                    }
                }
            }

            foreach (var instruction in catalogue.Instructions.Where(DispatchTable.NeedsHandler))
            {
                writer.Line();
                InstructionEmitter.EmitHandler(writer, instruction);
            }

            writer.Line();
            EmitPartials(writer, catalogue);
        }

        return writer.ToString();
    }

    /// <summary>The entry type of the dispatch tables.</summary>
    private static void EmitEntry(SourceWriter writer, EmitContext context)
    {
        writer.Summary(
            "One entry of a dispatch table: how a trapped access of one register form moves its value. A read returns "
            + "((file[Slot] & ReadAnd) | ReadOr) >> Shift; a write stores (file[Slot] & ~WriteMask) | ((value << Shift) & WriteMask). "
            + "A nonzero Special names the handler of a register with a hook or an emulator instead.");
        writer.Line(context.GeneratedCodeAttribute);
        using (writer.Block("internal readonly struct " + Entry))
        {
            writer.Summary("All bits.");
            writer.Line("public const ulong All = ulong.MaxValue;");
            writer.Line();
            writer.Summary("The key, or uint.MaxValue (no key's value) for a free slot.");
            writer.Line("public readonly uint Key;");
            writer.Summary("The register file's slot.");
            writer.Line("public readonly ushort Slot;");
            writer.Summary("0, or 32 for the HI view of an AArch32 alias.");
            writer.Line("public readonly byte Shift;");
            writer.Summary("The handler of a register with a hook or an emulator, or 0.");
            writer.Line("public readonly byte Special;");
            writer.Summary("What a read does: Handled (the value moves), Undefined or Unhandled.");
            writer.Line("public readonly " + Result + " Read;");
            writer.Summary("What a write does: Handled (the value is stored under WriteMask), Undefined or Unhandled.");
            writer.Line("public readonly " + Result + " Write;");
            writer.Summary("The bits of the kept value a read returns.");
            writer.Line("public readonly ulong ReadAnd;");
            writer.Summary("The bits a read sets: a constant, a sanitised field's value.");
            writer.Line("public readonly ulong ReadOr;");
            writer.Summary("The bits a write replaces; 0 for an ignored write.");
            writer.Line("public readonly ulong WriteMask;");
            writer.Line();
            writer.Summary("A free slot: no key matches it.");
            writer.Line("public static readonly " + Entry + " Free = new(uint.MaxValue, 0, 0, " + Result + ".Unhandled, " + Result + ".Unhandled, 0, 0, 0, 0);");
            writer.Line();
            writer.Summary("Creates an entry.");
            writer.Line("public " + Entry + "(uint key, ushort slot, byte shift, " + Result + " read, " + Result + " write, ulong readAnd, ulong readOr, ulong writeMask, byte special)");
            writer.Line("{");
            writer.Line("    Key = key;");
            writer.Line("    Slot = slot;");
            writer.Line("    Shift = shift;");
            writer.Line("    Read = read;");
            writer.Line("    Write = write;");
            writer.Line("    ReadAnd = readAnd;");
            writer.Line("    ReadOr = readOr;");
            writer.Line("    WriteMask = writeMask;");
            writer.Line("    Special = special;");
            writer.Line("}");
        }

        writer.Line();
    }

    private static void EmitTable(SourceWriter writer, TrapClassKind kind, IReadOnlyList<DispatchTableRow> rows, PerfectHash hash)
    {
        var bySlot = rows.ToDictionary(r => hash.SlotOf(r.Key));
        var specials = Specials(rows);
        writer.Summary("The " + TrapClasses.Instructions(kind) + " dispatch table, indexed by " + GeneratedNames.Keys(kind) + ".Slot(key); built once, never per trap.");
        writer.Line("private static readonly " + Entry + "[] " + TableName(kind) + " =");
        writer.Line("[");
        for (var slot = 0; slot < hash.SlotCount; slot++)
        {
            if (!bySlot.TryGetValue(slot, out var row))
            {
                writer.Line("    " + Entry + ".Free,");
                continue;
            }

            writer.Line("    // " + row.Comment);
            writer.Line(
                "    new(" + GeneratedNames.Keys(kind) + "." + row.Name + ", slot: " + CSharpLiterals.Int(row.FileSlot) + ", shift: " + CSharpLiterals.Int(row.Shift)
                + ", read: " + Result + "." + row.Read + ", write: " + Result + "." + row.Write
                + ", readAnd: " + Mask(row.ReadAnd) + ", readOr: " + Mask(row.ReadOr) + ", writeMask: " + Mask(row.WriteMask)
                + ", special: " + CSharpLiterals.Int(row.Special is null ? 0 : specials.IndexOf(row.Special) + 1) + "),");
        }

        writer.Line("];");
    }

    /// <summary>The switch from a table entry's Special to the handler of a register with a hook or an emulator.</summary>
    private static void EmitSpecials(SourceWriter writer, TrapClassKind kind, IReadOnlyList<DispatchTableRow> rows)
    {
        var hasRt2 = kind == TrapClassKind.Mcrr;
        writer.Summary("Calls the handler a " + TrapClasses.Instructions(kind) + " table entry's Special names.");
        using (writer.Block("private " + Result + " " + SpecialsName(kind) + "(int special, bool isRead, int rt" + (hasRt2 ? ", int rt2" : string.Empty) + ")"))
        {
            using (writer.Block("switch (special)"))
            {
                var specials = Specials(rows);
                for (var i = 0; i < specials.Count; i++)
                {
                    writer.Line("case " + CSharpLiterals.Int(i + 1) + ": return " + specials[i] + "(isRead, rt" + (hasRt2 ? ", rt2" : string.Empty) + ");");
                }

                writer.Line("default: return " + Result + ".Unhandled;");
            }
        }
    }

    private static List<string> Specials(IEnumerable<DispatchTableRow> rows) => [.. rows.Select(r => r.Special).OfType<string>().Distinct()];

    private static string Mask(ulong value) => value switch
    {
        ulong.MaxValue => Entry + ".All",
        0 => "0",
        _ => CSharpLiterals.Hex64(value),
    };

    private static string TableName(TrapClassKind kind) => GeneratedNames.Prefix(kind) + "Table";

    private static string SpecialsName(TrapClassKind kind) => GeneratedNames.Prefix(kind) + "Special";

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

    private static void EmitClassDispatch(SourceWriter writer, EmitContext context, TrapClassKind kind, IReadOnlyList<DispatchTableRow> rows)
    {
        var iss = GeneratedNames.Iss(kind);
        var keys = GeneratedNames.Keys(kind);
        var hasRt2 = kind == TrapClassKind.Mcrr;
        writer.Summary(
            "Dispatches a trapped " + TrapClasses.Instructions(kind) + " by its ISS: the entry at the key's " + keys
            + ".Slot, if it holds that key, says how the value moves. Any ISS value is safe: unknown registers are " + Result + ".Unhandled.");
        using (writer.Block("public " + Result + " " + GeneratedNames.Dispatch(kind) + "(uint iss)"))
        {
            if (context.HashOf(kind) is null)
            {
                writer.Line("// The catalogue has no " + TrapClasses.Instructions(kind) + " registers.");
                writer.Line("return " + Result + ".Unhandled;");
                return;
            }

            writer.Line("var key = iss & " + iss + ".KeyMask;");
            writer.Line("ref readonly var entry = ref " + TableName(kind) + "[" + keys + ".Slot(key)];");
            using (writer.Block("if (entry.Key != key)"))
            {
                writer.Line("return " + Result + ".Unhandled;");
            }

            writer.Line();
            writer.Line("var isRead = " + iss + ".GetDirection(iss) != 0;");
            writer.Line("var rt = (int)" + iss + ".GetRt(iss);");
            if (hasRt2)
            {
                writer.Line("var rt2 = (int)" + iss + ".GetRt2(iss);");
            }

            if (rows.Any(r => r.Special is not null))
            {
                using (writer.Block("if (entry.Special != 0)"))
                {
                    writer.Line("return " + SpecialsName(kind) + "(entry.Special, isRead, rt" + (hasRt2 ? ", rt2" : string.Empty) + ");");
                }
            }

            writer.Line();
            writer.Line("var file = Registers().Slots;");
            using (writer.Block("if (isRead)"))
            {
                using (writer.Block("if (entry.Read == " + Result + ".Handled)"))
                {
                    var value = "(file[entry.Slot] & entry.ReadAnd) | entry.ReadOr";
                    switch (kind)
                    {
                        case TrapClassKind.Msr:
                            writer.Line("WriteX(rt, " + value + ");");
                            break;
                        case TrapClassKind.Mcrr:
                            writer.Line("var pair = " + value + ";");
                            writer.Line("WriteR(rt, " + Halves + ".Lo(pair));");
                            writer.Line("WriteR(rt2, " + Halves + ".Hi(pair));");
                            break;
                        default:
                            writer.Line("WriteR(rt, (uint)((" + value + ") >> entry.Shift));");
                            break;
                    }
                }

                writer.Line();
                writer.Line("return entry.Read;");
            }

            writer.Line();
            using (writer.Block("if (entry.Write == " + Result + ".Handled)"))
            {
                var written = kind switch
                {
                    TrapClassKind.Msr => "ReadX(rt)",
                    TrapClassKind.Mcrr => Halves + ".Compose(ReadR(rt), ReadR(rt2))",
                    _ => "(ulong)ReadR(rt) << entry.Shift",
                };
                writer.Line("ref var stored = ref file[entry.Slot];");
                writer.Line("stored = (stored & ~entry.WriteMask) | (" + (kind == TrapClassKind.Mcr ? "(" + written + ")" : written) + " & entry.WriteMask);");
            }

            writer.Line();
            writer.Line("return entry.Write;");
        }
    }

    private static void EmitAarch64Handler(SourceWriter writer, RegisterStorage storage)
    {
        var register = storage.Register;
        writer.Summary(register.Name + " (" + register.Encoding + "): " + HandlingPhrases.Of(register) + ".");
        using (writer.Block("private " + Result + " " + GeneratedNames.Handler(TrapClassKind.Msr, register.Name) + "(bool isRead, int rt)"))
        {
            var read = new List<string> { "WriteX(rt, " + storage.Load + ");" };
            var value = register.Width == 64 ? "ReadX(rt)" : Halves + ".Lo(ReadX(rt))";
            EmitBody(writer, storage, read, storage.Store(value));
        }
    }

    private static void EmitMcrHandler(SourceWriter writer, RegisterStorage storage, AliasDefinition alias)
    {
        var register = storage.Register;
        writer.Summary(alias.Name + " (MCR/MRC " + alias.Encoding + "): " + RegisterViews.Of(alias.View, register.Name) + ", " + HandlingPhrases.Of(register) + ".");
        using (writer.Block("private " + Result + " " + GeneratedNames.Handler(TrapClassKind.Mcr, alias.Name) + "(bool isRead, int rt)"))
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
        writer.Summary(alias.Name + " (MCRR/MRRC " + alias.Encoding + "): all of " + register.Name + ", Rt the low word and Rt2 the high; " + HandlingPhrases.Of(register) + ".");
        using (writer.Block("private " + Result + " " + GeneratedNames.Handler(TrapClassKind.Mcrr, alias.Name) + "(bool isRead, int rt, int rt2)"))
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
}
