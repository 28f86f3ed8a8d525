using System.Linq;
using TrapGen.Architecture;
using TrapGen.Generators.Spec;

namespace TrapGen.Generators.Emit;

/// <summary>
/// Emits the register file the dispatch reads and writes (the seed's READ_SYSREG and WRITE_SYSREG): one
/// array of slots, with a property per register it holds and HI/LO accessors for every 64-bit one (on
/// TrapGen.Abstractions' RegisterHalves).
/// </summary>
internal static class RegisterFileEmitter
{
    /// <summary>The halves of a 64-bit register, as the architecture's layouts declare them.</summary>
    private static readonly BitField[] Halves = [Layouts.RegisterHalves.Lo, Layouts.RegisterHalves.Hi];

    public static string Emit(EmitSpec spec)
    {
        var writer = SourceWriter.NewFile(spec, "the register file and its HI/LO accessors.");
        var spare = CSharpLiterals.Int(spec.SpareSlot);
        writer.Summary(
            "The system registers passthrough handlers move values to and from, at their reset values: one array indexed by slot (each "
            + "register's number below), which the dispatch table addresses, with a named property over each slot.");
        writer.Line(SourceWriter.GeneratedCode(spec));
        using (writer.Block("public sealed partial class " + GeneratedNames.RegisterFile))
        {
            writer.Summary(
                "The values, by slot; a 32-bit register holds its value zero-extended. The last slot, " + spare
                + ", holds no register: the dispatch reads it masked to nothing (a constant's value is the table's), writes it under an empty mask "
                + "(an ignored write), and passes a System instruction's operand through it to its hook or forward.");
            writer.Line("internal readonly ulong[] Slots = new ulong[" + CSharpLiterals.Int(spec.SpareSlot + 1) + "];");
            writer.Line();
            writer.Summary("The name of the register each slot holds, by slot (null for the spare slot): what the runtime masks each slot's writes by.");
            var names = new string?[spec.SpareSlot + 1];
            foreach (var register in spec.Storage)
            {
                names[register.Slot] = CSharpLiterals.String(register.Name);
            }

            writer.Line("internal static readonly string?[] SlotNames = [" + string.Join(", ", names.Select(n => n ?? "null")) + "];");
            writer.Line();
            writer.Summary("Creates a register file at the registers' reset values.");
            writer.Line("public " + GeneratedNames.RegisterFile + "() => Reset();");
            writer.Line();
            foreach (var register in spec.Storage)
            {
                EmitProperty(writer, register);
            }

            writer.Summary("Puts every register back to its reset value.");
            using (writer.Block("public void Reset()"))
            {
                foreach (var register in spec.Storage)
                {
                    writer.Line(register.Name + " = " + Literal(register, register.Reset) + ";");
                }

                writer.Line("Slots[" + spare + "] = 0;");
            }

            writer.Line();
            writer.SummaryXml("Copies every register into <paramref name=\"destination\"/> (a context switch's save or restore).");
            using (writer.Block("public void CopyTo(" + GeneratedNames.RegisterFile + " destination)"))
            {
                writer.Line("global::System.ArgumentNullException.ThrowIfNull(destination);");
                writer.Line("global::System.Array.Copy(Slots, destination.Slots, Slots.Length);");
            }

            writer.Line();
            writer.SummaryXml("Reads <paramref name=\"register\"/>; false when the file holds no value for it (it is not passed through).");
            using (writer.Block("public bool TryRead(" + GeneratedNames.RegisterEnum + " register, out ulong value)"))
            {
                using (writer.Block("switch (register)"))
                {
                    foreach (var register in spec.Storage)
                    {
                        writer.Line("case " + GeneratedNames.RegisterEnum + "." + register.Name + ": value = " + register.Name + "; return true;");
                    }

                    writer.Line("default: value = 0; return false;");
                }
            }

            writer.Line();
            writer.SummaryXml("Writes <paramref name=\"register\"/>, truncating to its width; false when the file holds no value for it.");
            using (writer.Block("public bool TryWrite(" + GeneratedNames.RegisterEnum + " register, ulong value)"))
            {
                using (writer.Block("switch (register)"))
                {
                    foreach (var register in spec.Storage)
                    {
                        var value = register.Width == 64 ? "value" : GeneratedNames.RegisterHalves + ".Lo(value)";
                        writer.Line("case " + GeneratedNames.RegisterEnum + "." + register.Name + ": " + register.Name + " = " + value + "; return true;");
                    }

                    writer.Line("default: return false;");
                }
            }
        }

        return writer.ToString();
    }

    private static void EmitProperty(SourceWriter writer, StorageSpec register)
    {
        var index = CSharpLiterals.Int(register.Slot);
        writer.Summary(register.Summary);
        writer.Line("public " + (register.Width == 64 ? "ulong" : "uint") + " " + register.Name);
        writer.Line("{");
        writer.Line("    get => " + (register.Width == 64 ? "Slots[" + index + "]" : "(uint)Slots[" + index + "]") + ";");
        writer.Line("    set => Slots[" + index + "] = value;");
        writer.Line("}");
        writer.Line();
        if (register.Width != 64)
        {
            return;
        }

        foreach (var half in Halves)
        {
            var isLo = half == Layouts.RegisterHalves.Lo;
            var users = isLo ? register.LoViews : register.HiViews;
            var viewOf = users.Count > 0 ? " (AArch32 " + string.Join(", ", users) + ")" : string.Empty;
            var other = isLo ? Layouts.RegisterHalves.Hi : Layouts.RegisterHalves.Lo;
            writer.Summary(register.Name + " bits [" + half.BitRange + "]" + viewOf + "; setting it keeps bits [" + other.BitRange + "].");
            writer.Line("public uint " + register.Name + "_" + half.Name);
            writer.Line("{");
            writer.Line("    get => " + GeneratedNames.RegisterHalves + "." + half.Name + "(" + register.Name + ");");
            writer.Line("    set => " + register.Name + " = " + GeneratedNames.RegisterHalves + ".With" + half.Name + "(" + register.Name + ", value);");
            writer.Line("}");
            writer.Line();
        }
    }

    private static string Literal(StorageSpec register, ulong value) => register.Width == 64 ? CSharpLiterals.Hex64(value) : CSharpLiterals.Hex32(value);
}
