using System.Collections.Generic;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Diagnostics;
using TrapGen.Catalogue.Model;

namespace TrapGen.Generators.Emit;

/// <summary>
/// Emits the register file the passthrough handlers read and write (the seed's READ_SYSREG and
/// WRITE_SYSREG), with HI/LO accessors for every 64-bit register (on TrapGen.Abstractions' RegisterHalves).
/// </summary>
internal static class RegisterFileEmitter
{
    /// <summary>The low half of a 64-bit register.</summary>
    public static BitField Lo => Layouts.RegisterHalves.Lo;

    /// <summary>The high half of a 64-bit register.</summary>
    public static BitField Hi => Layouts.RegisterHalves.Hi;

    public static string Emit(EmitContext context)
    {
        var writer = context.NewFile("the register file and its HI/LO accessors.");
        EmitRegisterFile(writer, context);
        return writer.ToString();
    }

    /// <summary>Gets whether the register file holds a value for <paramref name="register"/>.</summary>
    /// <remarks>A sanitised register's value is the hardware's, which handlers mask.</remarks>
    public static bool HasStorage(RegisterDefinition register) => register.Handling is RegisterHandling.Passthrough or RegisterHandling.Sanitised;

    public static string TypeOf(RegisterDefinition register) => register.Width == 64 ? "ulong" : "uint";

    /// <summary>The register file's slot of each register it holds: its index in the catalogue order of those registers.</summary>
    public static IReadOnlyDictionary<string, int> Slots(RegisterCatalogue catalogue) =>
        catalogue.Registers.Where(HasStorage).Select((register, slot) => (register.Name, slot)).ToDictionary(p => p.Name, p => p.slot);

    private static void EmitRegisterFile(SourceWriter writer, EmitContext context)
    {
        var registers = context.Catalogue.Registers.Where(HasStorage).ToList();
        var spare = CSharpLiterals.Int(registers.Count);
        writer.Summary(
            "The system registers passthrough handlers move values to and from, at their reset values: one array indexed by slot (each "
            + "register's number below), which the dispatch table addresses, with a named property over each slot.");
        writer.Line(context.GeneratedCodeAttribute);
        using (writer.Block("public sealed partial class " + GeneratedNames.RegisterFile))
        {
            writer.Summary(
                "The values, by slot; a 32-bit register holds its value zero-extended. The last slot, " + spare
                + ", holds no register: the dispatch reads it (as zero) for registers whose value is a constant, and writes it for writes it ignores.");
            writer.Line("internal readonly ulong[] Slots = new ulong[" + CSharpLiterals.Int(registers.Count + 1) + "];");
            writer.Line();
            writer.Summary("Creates a register file at the registers' reset values.");
            writer.Line("public " + GeneratedNames.RegisterFile + "() => Reset();");
            writer.Line();
            for (var slot = 0; slot < registers.Count; slot++)
            {
                var register = registers[slot];
                var type = TypeOf(register);
                var index = CSharpLiterals.Int(slot);
                writer.Summary(register.Name + " (" + register.Encoding + ")" + (register.Description.Length > 0 ? ": " + register.Description : string.Empty) + "; slot " + index + ".");
                writer.Line("public " + type + " " + register.Name);
                writer.Line("{");
                writer.Line("    get => " + (register.Width == 64 ? "Slots[" + index + "]" : "(uint)Slots[" + index + "]") + ";");
                writer.Line("    set => Slots[" + index + "] = value;");
                writer.Line("}");
                writer.Line();
                if (register.Width != 64)
                {
                    continue;
                }

                foreach (var half in new[] { Lo, Hi })
                {
                    var users = register.Aliases.Where(a => a.View.ToString() == half.Name).Select(a => a.Name).ToList();
                    var viewOf = users.Count > 0 ? " (AArch32 " + string.Join(", ", users) + ")" : string.Empty;
                    var other = half == Lo ? "[63:32]" : "[31:0]";
                    writer.Summary(register.Name + " bits [" + half.BitRange + "]" + viewOf + "; setting it keeps bits " + other + ".");
                    writer.Line("public uint " + register.Name + "_" + half.Name + "");
                    writer.Line("{");
                    writer.Line("    get => " + GeneratedNames.RegisterHalves + "." + half.Name + "(" + register.Name + ");");
                    writer.Line("    set => " + register.Name + " = " + GeneratedNames.RegisterHalves + ".With" + half.Name + "(" + register.Name + ", value);");
                    writer.Line("}");
                    writer.Line();
                }
            }

            writer.Summary("Puts every register back to its reset value.");
            using (writer.Block("public void Reset()"))
            {
                foreach (var register in registers)
                {
                    writer.Line(register.Name + " = " + Reset(register) + ";");
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
                    foreach (var register in registers)
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
                    foreach (var register in registers)
                    {
                        var value = register.Width == 64 ? "value" : GeneratedNames.RegisterHalves + ".Lo(value)";
                        writer.Line("case " + GeneratedNames.RegisterEnum + "." + register.Name + ": " + register.Name + " = " + value + "; return true;");
                    }

                    writer.Line("default: return false;");
                }
            }
        }
    }

    private static string Reset(RegisterDefinition register) =>
        register.Width == 64 ? CSharpLiterals.Hex64(register.ResetValue) : CSharpLiterals.Hex32(register.ResetValue);
}
