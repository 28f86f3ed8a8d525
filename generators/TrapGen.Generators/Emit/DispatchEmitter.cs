using System.Linq;
using TrapGen.Generators.Spec;

namespace TrapGen.Generators.Emit;

/// <summary>
/// Emits the trap dispatch: per trap class with registers, a table indexed by the perfect hash of the key
/// whose entries (TrapGen.Abstractions' <c>TrapEntry</c>) say as data how each register form moves its
/// value, and a method that moves the value between the class's transfer registers (or memory, for
/// LDC/STC) and one shared read and write path that serves every register of every class: the register
/// file or an emulator, the view's bits, then a hook or a forward. Hooks, emulators, the general-purpose
/// registers and guest memory are partial members the runtime implements.
/// </summary>
internal static class DispatchEmitter
{
    private static readonly string Result = GeneratedNames.TrapResult;
    private static readonly string Entry = GeneratedNames.Entry;
    private static readonly string Halves = GeneratedNames.RegisterHalves;

    public static string Emit(EmitSpec spec)
    {
        var writer = SourceWriter.NewFile(spec, "the trap dispatch.");
        EmitInstructionEnum(writer, spec);
        writer.Summary("Handles trapped system-register accesses: decodes the syndrome, finds the register by its key and moves the value as its table entry says.");
        writer.Line(SourceWriter.GeneratedCode(spec));
        using (writer.Block("public sealed partial class " + GeneratedNames.Dispatcher))
        {
            var classes = spec.Classes.Where(c => c.Hash is not null).ToList();
            EmitTopLevel(writer, classes);
            foreach (var trapClass in classes)
            {
                writer.Line();
                EmitClassDispatch(writer, trapClass);
                writer.Line();
                EmitTable(writer, trapClass);
            }

            writer.Line();
            EmitRead(writer, spec);
            writer.Line();
            EmitWrite(writer, spec);
            EmitSwitches(writer, spec);
            writer.Line();
            EmitPartials(writer, spec, classes.Any(c => c.Form == AccessForm.LdcStc));
        }

        return writer.ToString();
    }

    /// <summary>The enum of the catalogue's System instructions: always, even empty, so that a runtime's <c>Forward</c> compiles whatever the catalogue lists.</summary>
    private static void EmitInstructionEnum(SourceWriter writer, EmitSpec spec)
    {
        writer.Summary("The System instructions the catalogue lists, as the dispatch names them to the runtime's Forward.");
        writer.Line(SourceWriter.GeneratedCode(spec));
        using (writer.Block("public enum " + GeneratedNames.InstructionEnum))
        {
            foreach (var instruction in spec.Instructions)
            {
                writer.Summary(instruction.Summary);
                writer.Line(instruction.Identifier + ",");
            }
        }

        writer.Line();
    }

    private static void EmitTopLevel(SourceWriter writer, System.Collections.Generic.IReadOnlyList<ClassSpec> classes)
    {
        writer.SummaryXml("Dispatches a trap by its whole syndrome (ESR_EL2 / HSR); an exception class the catalogue has no register of is <see cref=\"" + Result + ".Unhandled\"/>.");
        using (writer.Block("public " + Result + " Dispatch(uint esr)"))
        {
            writer.Line("var iss = " + GeneratedNames.EsrFields + ".GetISS(esr);");
            using (writer.Block("switch (" + GeneratedNames.EsrFields + ".GetEC(esr))"))
            {
                foreach (var trapClass in classes)
                {
                    writer.Line("case " + GeneratedNames.Iss(trapClass.Name) + ".ExceptionClass: return " + GeneratedNames.Dispatch(trapClass.Name) + "(iss);");
                }

                writer.Line("default: return " + Result + ".Unhandled;");
            }
        }
    }

    private static void EmitClassDispatch(SourceWriter writer, ClassSpec trapClass)
    {
        var iss = GeneratedNames.Iss(trapClass.Name);
        var keys = GeneratedNames.Keys(trapClass.Name);
        writer.Summary(
            "Dispatches a trapped " + KeysEmitter.ClassPhrase(trapClass) + " by its ISS: the entry at the key's " + keys
            + ".Slot, if it holds that key, says how the value moves. Any ISS value is safe: unknown registers are Unhandled.");
        using (writer.Block("public " + Result + " " + GeneratedNames.Dispatch(trapClass.Name) + "(uint iss)"))
        {
            writer.Line("var key = iss & " + iss + ".KeyMask;");
            writer.Line("ref readonly var entry = ref " + GeneratedNames.Table(trapClass.Name) + "[" + keys + ".Slot(key)];");
            using (writer.Block("if (entry.Key != key)"))
            {
                writer.Line("return " + Result + ".Unhandled;");
            }

            writer.Line();
            if (trapClass.Form == AccessForm.LdcStc)
            {
                EmitMemoryTransfer(writer, iss);
                return;
            }

            writer.Line("var rt = (int)" + iss + ".GetRt(iss);");
            if (trapClass.Form == AccessForm.Mcrr)
            {
                writer.Line("var rt2 = (int)" + iss + ".GetRt2(iss);");
            }

            using (writer.Block("if (" + iss + ".IsRead(iss))"))
            {
                using (writer.Block("if (entry.Read != " + Result + ".Handled)"))
                {
                    writer.Line("return entry.Read;");
                }

                writer.Line();
                switch (trapClass.Form)
                {
                    case AccessForm.Msr:
                        writer.Line("WriteX(rt, ReadValue(in entry));");
                        break;
                    case AccessForm.Mcrr:
                        writer.Line("var value = ReadValue(in entry);");
                        writer.Line("WriteR(rt, " + Halves + ".Lo(value));");
                        writer.Line("WriteR(rt2, " + Halves + ".Hi(value));");
                        break;
                    default:
                        writer.Line("WriteR(rt, (uint)ReadValue(in entry));");
                        break;
                }

                writer.Line("return " + Result + ".Handled;");
            }

            writer.Line();
            using (writer.Block("if (entry.Write != " + Result + ".Handled)"))
            {
                writer.Line("return entry.Write;");
            }

            writer.Line();
            writer.Line("Write(in entry, " + trapClass.Form switch
            {
                AccessForm.Msr => "ReadX(rt)",
                AccessForm.Mcrr => Halves + ".Compose(ReadR(rt), ReadR(rt2))",
                _ => "ReadR(rt)",
            } + ");");
            writer.Line("return " + Result + ".Handled;");
        }
    }

    /// <summary>LDC and STC: the word at the address the addressing mode gives moves to or from the register; a pre- or post-indexed form writes the moved base back to Rn.</summary>
    private static void EmitMemoryTransfer(SourceWriter writer, string iss)
    {
        writer.Line("var rn = (int)" + iss + ".GetRn(iss);");
        writer.Line("var literal = " + iss + ".IsLiteral(iss);");
        writer.Line("var address = " + iss + ".Address(iss, literal ? LiteralBase() : ReadR(rn), out var writtenBack);");
        writer.Line(Result + " result;");
        using (writer.Block("if (" + iss + ".IsRead(iss))"))
        {
            writer.Line("// STC: the register's value is stored to memory.");
            writer.Line("result = entry.Read;");
            using (writer.Block("if (result == " + Result + ".Handled)"))
            {
                writer.Line("WriteGuestWord(address, (uint)ReadValue(in entry));");
            }
        }

        using (writer.Block("else"))
        {
            writer.Line("// LDC: the word in memory is written to the register.");
            writer.Line("result = entry.Write;");
            using (writer.Block("if (result == " + Result + ".Handled)"))
            {
                writer.Line("Write(in entry, ReadGuestWord(address));");
            }
        }

        writer.Line();
        using (writer.Block("if (result == " + Result + ".Handled && " + iss + ".WritesBack(iss))"))
        {
            writer.Line("WriteR(rn, writtenBack);");
        }

        writer.Line();
        writer.Line("return result;");
    }

    private static void EmitTable(SourceWriter writer, ClassSpec trapClass)
    {
        var keys = GeneratedNames.Keys(trapClass.Name);
        writer.Summary("The " + KeysEmitter.ClassPhrase(trapClass) + " dispatch table, indexed by " + keys + ".Slot(key); built once, never per trap.");
        writer.Line("private static readonly " + Entry + "[] " + GeneratedNames.Table(trapClass.Name) + " =");
        writer.Line("[");
        foreach (var index in trapClass.SlotRows)
        {
            if (index < 0)
            {
                writer.Line("    " + Entry + ".Free,");
                continue;
            }

            var row = trapClass.Rows[index];
            writer.Line("    // " + row.Comment);
            var extras = (row.Emulator != 0 ? ", emulator: " + CSharpLiterals.Int(row.Emulator) : string.Empty) + (row.Action != 0 ? ", action: " + CSharpLiterals.Int(row.Action) : string.Empty);
            writer.Line(
                "    new(" + keys + "." + row.Name + ", slot: " + CSharpLiterals.Int(row.FileSlot) + ", shift: " + CSharpLiterals.Int(row.Shift)
                + ", read: " + Result + "." + row.Read + ", write: " + Result + "." + row.Write
                + ", readAnd: " + Mask(row.ReadAnd) + ", readOr: " + Mask(row.ReadOr) + ", writeMask: " + Mask(row.WriteMask) + extras + "),");
        }

        writer.Line("];");
    }

    private static void EmitRead(SourceWriter writer, EmitSpec spec)
    {
        writer.Summary("What a handled read through one register form gives: the kept value (the register file's slot, or the emulator's), as the guest sees it, moved to the form's bits.");
        writer.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        writer.Line("private ulong ReadValue(in " + Entry + " entry) =>");
        writer.Line(spec.Emulators.Any(e => e.Readable)
            ? "    entry.ReadValue(entry.Emulator == 0 ? Registers().Slots[entry.Slot] : ReadEmulated(entry.Emulator));"
            : "    entry.ReadValue(Registers().Slots[entry.Slot]);");
    }

    private static void EmitWrite(SourceWriter writer, EmitSpec spec)
    {
        var emulated = spec.Emulators.Any(e => e.Writable);
        var special = emulated || spec.Actions.Count > 0;
        writer.Summary("A handled write through one register form: the form's bits of the kept value replaced; an emulator's register or an entry with a hook or forward takes the out-of-line path.");
        writer.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        using (writer.Block("private void Write(in " + Entry + " entry, ulong value)"))
        {
            if (special)
            {
                using (writer.Block("if ((entry.Emulator | entry.Action) != 0)"))
                {
                    writer.Line("WriteAndAct(in entry, value);");
                    writer.Line("return;");
                }

                writer.Line();
            }

            writer.Line("ref var slot = ref Registers().Slots[entry.Slot];");
            writer.Line("var kept = entry.Merge(slot, value);");
            writer.Line("KeepImplemented(entry.Slot, ref kept);");
            writer.Line("slot = kept;");
        }

        if (!special)
        {
            return;
        }

        writer.Line();
        writer.Summary("A write to an emulator's register, or one with a hook or forward after it: the kept value merged, then the entry's action with the register's new value (or an instruction's operand).");
        writer.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]");
        using (writer.Block("private void WriteAndAct(in " + Entry + " entry, ulong value)"))
        {
            if (emulated)
            {
                writer.Line("ulong kept;");
                using (writer.Block("if (entry.Emulator == 0)"))
                {
                    writer.Line("ref var slot = ref Registers().Slots[entry.Slot];");
                    writer.Line("kept = entry.Merge(slot, value);");
                    writer.Line("KeepImplemented(entry.Slot, ref kept);");
                    writer.Line("slot = kept;");
                }

                using (writer.Block("else"))
                {
                    writer.Line("// A form of part of an emulated register keeps the rest of the emulator's value.");
                    writer.Line("kept = entry.Merge(entry.WriteMask == " + Entry + ".All ? 0 : " + (spec.Emulators.Any(e => e.Readable) ? "ReadEmulated(entry.Emulator)" : "0") + ", value);");
                    writer.Line("WriteEmulated(entry.Emulator, kept);");
                }
            }
            else
            {
                writer.Line("ref var slot = ref Registers().Slots[entry.Slot];");
                writer.Line("var kept = entry.Merge(slot, value);");
                writer.Line("KeepImplemented(entry.Slot, ref kept);");
                writer.Line("slot = kept;");
            }

            if (spec.Actions.Count > 0)
            {
                writer.Line();
                using (writer.Block("if (entry.Action != 0)"))
                {
                    writer.Line("Act(entry.Action, entry.Visible(kept));");
                }
            }
        }
    }

    /// <summary>The switches from an entry's emulator and action ids to the runtime's partial members.</summary>
    private static void EmitSwitches(SourceWriter writer, EmitSpec spec)
    {
        if (spec.Emulators.Any(e => e.Readable))
        {
            writer.Line();
            writer.Summary("Reads the value of the emulator an entry names.");
            using (writer.Block("private ulong ReadEmulated(int emulator)"))
            {
                using (writer.Block("switch (emulator)"))
                {
                    foreach (var emulator in spec.Emulators.Where(e => e.Readable))
                    {
                        writer.Line("case " + CSharpLiterals.Int(emulator.Id) + ": return Read" + emulator.Name + "();");
                    }

                    writer.Line("default: return 0;");
                }
            }
        }

        if (spec.Emulators.Any(e => e.Writable))
        {
            writer.Line();
            writer.Summary("Writes the value of the emulator an entry names.");
            using (writer.Block("private void WriteEmulated(int emulator, ulong value)"))
            {
                using (writer.Block("switch (emulator)"))
                {
                    foreach (var emulator in spec.Emulators.Where(e => e.Writable))
                    {
                        writer.Line("case " + CSharpLiterals.Int(emulator.Id) + ": Write" + emulator.Name + "(value); break;");
                    }
                }
            }
        }

        if (spec.Actions.Count > 0)
        {
            writer.Line();
            writer.Summary("Runs the hook, or forwards the instruction, an entry names after a handled write.");
            using (writer.Block("private void Act(int action, ulong value)"))
            {
                using (writer.Block("switch (action)"))
                {
                    foreach (var action in spec.Actions)
                    {
                        var call = action.Hook is { } hook ? hook + "(value)" : "Forward(" + GeneratedNames.InstructionEnum + "." + action.Forwarded + ", value)";
                        writer.Line("case " + CSharpLiterals.Int(action.Id) + ": " + call + "; break;");
                    }
                }
            }
        }
    }

    private static string Mask(ulong value) => value switch
    {
        ulong.MaxValue => Entry + ".All",
        0 => "0",
        _ => CSharpLiterals.Hex64(value),
    };

    private static void EmitPartials(SourceWriter writer, EmitSpec spec, bool memory)
    {
        // A partial method, not a partial property (C# 13): the generated code compiles at C# 12, net8.0's default.
        writer.Summary("The register file passthrough handlers read and write.");
        writer.Line("private partial " + GeneratedNames.RegisterFile + " Registers();");
        writer.Line();
        writer.SummaryXml(
            "What the hardware keeps of a handled write to the register in slot <paramref name=\"slot\"/>: <paramref name=\"value\"/> is the "
            + "register's whole new value (a half written through an AArch32 view already merged with the other half), to be masked as the CPU "
            + "implements the register (its RES0 and RES1 bits, the fields of features it lacks). Optional: without an implementation every bit is kept.");
        writer.Line("partial void KeepImplemented(int slot, ref ulong value);");
        writer.Line();
        writer.SummaryXml("Reads AArch64 general-purpose register X<paramref name=\"index\"/>; index 31 is XZR and reads as zero.");
        writer.Line("private partial ulong ReadX(int index);");
        writer.Line();
        writer.SummaryXml("Writes AArch64 general-purpose register X<paramref name=\"index\"/>; a write to index 31 (XZR) is discarded.");
        writer.Line("private partial void WriteX(int index, ulong value);");
        writer.Line();
        writer.SummaryXml("Reads AArch32 general-purpose register R<paramref name=\"index\"/> (in its AArch64 view: the ISS's Rt).");
        writer.Line("private partial uint ReadR(int index);");
        writer.Line();
        writer.SummaryXml("Writes AArch32 general-purpose register R<paramref name=\"index\"/> (in its AArch64 view: the ISS's Rt).");
        writer.Line("private partial void WriteR(int index, uint value);");
        if (memory)
        {
            writer.Line();
            writer.SummaryXml("Reads the word at the guest's <paramref name=\"address\"/>, as its EL1 sees it, for a trapped LDC.");
            writer.Line("private partial uint ReadGuestWord(uint address);");
            writer.Line();
            writer.SummaryXml("Writes <paramref name=\"value\"/> to the word at the guest's <paramref name=\"address\"/>, as its EL1 sees it, for a trapped STC.");
            writer.Line("private partial void WriteGuestWord(uint address, uint value);");
            writer.Line();
            writer.Summary("The base of a literal LDC: the trapped instruction's PC as it reads it (its address plus 8 in A32, plus 4 in T32), aligned down to a word.");
            writer.Line("private partial uint LiteralBase();");
        }

        foreach (var hook in spec.Hooks)
        {
            writer.Line();
            writer.Summary(hook.Summary);
            writer.Line("private partial void " + hook.Name + "(ulong value);");
        }

        writer.Line();
        writer.SummaryXml(
            "Performs the trapped <paramref name=\"instruction\"/> on the hardware for the guest, with its operand (Xt or Rt; 0 when it takes none): "
            + "the handling of instructions the catalogue marks forward. Optional: without an implementation a forwarded instruction completes and does nothing.");
        writer.Line("partial void Forward(" + GeneratedNames.InstructionEnum + " instruction, ulong operand);");

        foreach (var emulator in spec.Emulators)
        {
            var summary = emulator.Description.Length > 0 ? ": " + emulator.Description : ".";
            if (emulator.Readable)
            {
                writer.Line();
                writer.Summary("Emulator " + emulator.Name + ", read" + summary);
                writer.Line("private partial ulong Read" + emulator.Name + "();");
            }

            if (emulator.Writable)
            {
                writer.Line();
                writer.Summary("Emulator " + emulator.Name + ", write" + summary);
                writer.Line("private partial void Write" + emulator.Name + "(ulong value);");
            }
        }
    }
}
