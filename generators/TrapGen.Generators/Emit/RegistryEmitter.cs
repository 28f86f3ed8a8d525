using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Encoding;
using TrapGen.Catalogue.Model;

namespace TrapGen.Generators.Emit;

/// <summary>
/// Emits the register registry: the <c>SystemRegister</c> enum, trap groups as flags, and metadata for
/// every register and alias (encodings, width, handling, groups per direction, keys), usable at run time.
/// </summary>
internal static class RegistryEmitter
{
    public static string Emit(EmitContext context)
    {
        var catalogue = context.Catalogue;
        var writer = context.NewFile("the register registry.");
        EmitTrapGroups(writer, context);
        EmitEnum(writer, context, "TrapHandling", "What the hypervisor does with a trapped access.",
        [
            ("Passthrough", "The value moves to or from the real register."),
            ("Emulated", "The runtime's emulator owns the value."),
            ("RazWi", "Reads as zero, writes ignored."),
            ("Constant", "Reads return a value the catalogue fixes; writes are ignored."),
            ("Sanitised", "Reads return the hardware's value with the catalogue's fields replaced; writes are ignored."),
            ("Undefined", "The guest gets an UNDEFINED exception."),
        ]);
        EmitEnum(writer, context, "AliasView", "Which bits of its AArch64 register an AArch32 access reaches.",
        [
            ("Whole", "All bits."),
            ("Lo", "Bits [31:0]; a write keeps [63:32]."),
            ("Hi", "Bits [63:32]; a write keeps [31:0]."),
            ("ZeroExtend", "Reads bits [31:0]; a write clears [63:32]."),
        ]);
        EmitEnum(writer, context, "Cp15AccessForm", "How an AArch32 cp15 register is accessed.",
        [
            ("Mcr", "32-bit MCR/MRC."),
            ("Mcrr", "64-bit MCRR/MRRC."),
        ]);

        writer.Summary("Every register in the catalogue, in catalogue order.");
        writer.Line(context.GeneratedCodeAttribute);
        using (writer.Block("public enum " + GeneratedNames.RegisterEnum))
        {
            for (var i = 0; i < catalogue.Registers.Count; i++)
            {
                var register = catalogue.Registers[i];
                writer.Summary(register.Name + ": " + (register.Description.Length > 0 ? register.Description : register.Encoding.ToString()) + ".");
                writer.Line(register.Name + " = " + CSharpLiterals.Int(i) + ",");
            }
        }

        writer.Line();
        EmitRecords(writer, context);
        writer.Line();
        EmitTable(writer, context);
        return writer.ToString();
    }

    private static void EmitTrapGroups(SourceWriter writer, EmitContext context)
    {
        var groups = context.Catalogue.TrapGroups;
        writer.Summary("The trap groups of " + context.FileName + ", as flags.");
        writer.Line("[global::System.Flags]");
        writer.Line(context.GeneratedCodeAttribute);
        using (writer.Block("public enum " + GeneratedNames.TrapGroupsEnum + " : uint"))
        {
            writer.Summary("No group.");
            writer.Line("None = 0,");
            for (var i = 0; i < groups.Count; i++)
            {
                writer.Line();
                writer.Summary(groups[i].Name + " (HCR_EL2 bit " + groups[i].HcrBit + ")" + (groups[i].Description.Length > 0 ? ": " + groups[i].Description : "."));
                writer.Line(groups[i].Name + " = 1u << " + CSharpLiterals.Int(i) + ",");
            }
        }

        writer.Line();
    }

    private static void EmitEnum(SourceWriter writer, EmitContext context, string name, string summary, (string Name, string Summary)[] members)
    {
        writer.Summary(summary);
        writer.Line(context.GeneratedCodeAttribute);
        using (writer.Block("public enum " + name))
        {
            foreach (var member in members)
            {
                writer.Summary(member.Summary);
                writer.Line(member.Name + ",");
            }
        }

        writer.Line();
    }

    private static void EmitRecords(SourceWriter writer, EmitContext context)
    {
        writer.Summary("An AArch32 cp15 view of an AArch64 register.");
        writer.Line("/// <param name=\"Name\">The AArch32 name.</param>");
        writer.Line("/// <param name=\"OtherNames\">Other architectural names of the same encoding.</param>");
        writer.Line("/// <param name=\"Form\">MCR/MRC or MCRR/MRRC.</param>");
        writer.Line("/// <param name=\"Opc1\">opc1.</param>");
        writer.Line("/// <param name=\"CRn\">CRn (0 for MCRR).</param>");
        writer.Line("/// <param name=\"CRm\">CRm.</param>");
        writer.Line("/// <param name=\"Opc2\">opc2 (0 for MCRR).</param>");
        writer.Line("/// <param name=\"View\">Which bits of the AArch64 register it reaches.</param>");
        writer.Line("/// <param name=\"ReadTraps\">The trap groups that trap its reads.</param>");
        writer.Line("/// <param name=\"WriteTraps\">The trap groups that trap its writes.</param>");
        writer.Line("/// <param name=\"Key\">Its key among the Cp32Keys or Cp64Keys.</param>");
        writer.Line(context.GeneratedCodeAttribute);
        writer.Line("public sealed record Aarch32AliasInfo(");
        writer.Line("    string Name,");
        writer.Line("    global::System.Collections.Generic.IReadOnlyList<string> OtherNames,");
        writer.Line("    Cp15AccessForm Form,");
        writer.Line("    int Opc1,");
        writer.Line("    int CRn,");
        writer.Line("    int CRm,");
        writer.Line("    int Opc2,");
        writer.Line("    AliasView View,");
        writer.Line("    " + GeneratedNames.TrapGroupsEnum + " ReadTraps,");
        writer.Line("    " + GeneratedNames.TrapGroupsEnum + " WriteTraps,");
        writer.Line("    uint Key);");
        writer.Line();
        writer.Summary("Everything the catalogue says about one AArch64 register.");
        writer.Line("/// <param name=\"Register\">The register.</param>");
        writer.Line("/// <param name=\"Name\">The AArch64 name.</param>");
        writer.Line("/// <param name=\"Description\">What it is.</param>");
        writer.Line("/// <param name=\"Op0\">op0.</param>");
        writer.Line("/// <param name=\"Op1\">op1.</param>");
        writer.Line("/// <param name=\"CRn\">CRn.</param>");
        writer.Line("/// <param name=\"CRm\">CRm.</param>");
        writer.Line("/// <param name=\"Op2\">op2.</param>");
        writer.Line("/// <param name=\"Width\">32 or 64.</param>");
        writer.Line("/// <param name=\"Handling\">What a trapped access does.</param>");
        writer.Line("/// <param name=\"IsReadable\">False for write-only registers.</param>");
        writer.Line("/// <param name=\"IsWritable\">False for read-only registers.</param>");
        writer.Line("/// <param name=\"GuestAarch32State\">True when only the AArch32 aliases reach it.</param>");
        writer.Line("/// <param name=\"ReadTraps\">The trap groups that trap its reads.</param>");
        writer.Line("/// <param name=\"WriteTraps\">The trap groups that trap its writes.</param>");
        writer.Line("/// <param name=\"ResetValue\">The register file's initial value.</param>");
        writer.Line("/// <param name=\"AfterWrite\">The hook run after a write, or null.</param>");
        writer.Line("/// <param name=\"Emulator\">The emulator, for emulated registers, or null.</param>");
        writer.Line("/// <param name=\"OtherNames\">Other architectural names of the same encoding.</param>");
        writer.Line("/// <param name=\"Aliases\">Its AArch32 views.</param>");
        writer.Line("/// <param name=\"Key\">Its key among the SysRegKeys.</param>");
        writer.Line(context.GeneratedCodeAttribute);
        writer.Line("public sealed record SystemRegisterInfo(");
        writer.Line("    " + GeneratedNames.RegisterEnum + " Register,");
        writer.Line("    string Name,");
        writer.Line("    string Description,");
        writer.Line("    int Op0,");
        writer.Line("    int Op1,");
        writer.Line("    int CRn,");
        writer.Line("    int CRm,");
        writer.Line("    int Op2,");
        writer.Line("    int Width,");
        writer.Line("    TrapHandling Handling,");
        writer.Line("    bool IsReadable,");
        writer.Line("    bool IsWritable,");
        writer.Line("    bool GuestAarch32State,");
        writer.Line("    " + GeneratedNames.TrapGroupsEnum + " ReadTraps,");
        writer.Line("    " + GeneratedNames.TrapGroupsEnum + " WriteTraps,");
        writer.Line("    ulong ResetValue,");
        writer.Line("    string? AfterWrite,");
        writer.Line("    string? Emulator,");
        writer.Line("    global::System.Collections.Generic.IReadOnlyList<string> OtherNames,");
        writer.Line("    global::System.Collections.Generic.IReadOnlyList<Aarch32AliasInfo> Aliases,");
        writer.Line("    uint Key);");
        writer.Line();
        writer.Summary("A key the dispatch handles that no register or alias holds: a catalogued System instruction, or an access a trap group's others: handles.");
        writer.Line("/// <param name=\"Name\">The architectural name: <c>DC CISW</c>, <c>DCCISW</c>, <c>ID_AA64MMFR1_EL1</c>.</param>");
        writer.Line("/// <param name=\"ExceptionClass\">The exception class its traps report (0x18, 0x03 or 0x04).</param>");
        writer.Line("/// <param name=\"Key\">Its key in that class.</param>");
        writer.Line("/// <param name=\"IsInstruction\">True for a catalogued System instruction, false for a trap group's others.</param>");
        writer.Line("/// <param name=\"Handling\">How a trap is handled, in words: <c>hook SetWayFlush</c>, <c>TID3 others: reads as zero, writes ignored</c>.</param>");
        writer.Line(context.GeneratedCodeAttribute);
        writer.Line("public sealed record DispatchedAccessInfo(string Name, int ExceptionClass, uint Key, bool IsInstruction, string Handling);");
    }

    private static void EmitTable(SourceWriter writer, EmitContext context)
    {
        var catalogue = context.Catalogue;
        writer.Summary("The catalogue at run time.");
        writer.Line(context.GeneratedCodeAttribute);
        using (writer.Block("public static partial class " + GeneratedNames.Registry))
        {
            writer.SummaryXml("Every register, indexed by <see cref=\"" + GeneratedNames.RegisterEnum + "\"/>.");
            writer.Line("public static global::System.Collections.Generic.IReadOnlyList<SystemRegisterInfo> All { get; } =");
            writer.Line("[");
            foreach (var register in catalogue.Registers)
            {
                EmitRegister(writer, catalogue, register);
            }

            writer.Line("];");
            writer.Line();
            EmitInstructionsAndOthers(writer, context);
            writer.SummaryXml("Gets the metadata of <paramref name=\"register\"/>.");
            writer.Line("public static SystemRegisterInfo Get(" + GeneratedNames.RegisterEnum + " register) => All[(int)register];");
            writer.Line();
            writer.SummaryXml("Gets the HCR_EL2 bits that enable <paramref name=\"groups\"/>.");
            using (writer.Block("public static ulong HcrMask(" + GeneratedNames.TrapGroupsEnum + " groups)"))
            {
                writer.Line("ulong mask = 0;");
                foreach (var group in catalogue.TrapGroups)
                {
                    writer.Line("if ((groups & " + GeneratedNames.TrapGroupsEnum + "." + group.Name + ") != 0) mask |= 1UL << " + CSharpLiterals.Int(group.HcrBit) + ";");
                }

                writer.Line("return mask;");
            }
        }
    }

    private static void EmitInstructionsAndOthers(SourceWriter writer, EmitContext context)
    {
        var instructions = context.Catalogue.Instructions;
        var others = context.Others.Where(o => o.IsDispatched).ToList();
        const string Property = "public static global::System.Collections.Generic.IReadOnlyList<DispatchedAccessInfo> InstructionsAndOthers { get; } =";
        writer.Summary("What else the dispatch handles: the catalogue's System instructions, then what trap groups' others: handle.");
        if (instructions.Count == 0 && others.Count == 0)
        {
            writer.Line(Property + " [];");
            writer.Line();
            return;
        }

        writer.Line(Property);
        writer.Line("[");
        foreach (var instruction in instructions)
        {
            writer.Line("    new(" + CSharpLiterals.String(instruction.Name) + ", " + ExceptionClass(instruction.TrapClass)
                + ", " + GeneratedNames.Keys(instruction.TrapClass) + "." + instruction.Identifier + ", IsInstruction: true, " + CSharpLiterals.String(InstructionEmitter.Handling(instruction)) + "),");
        }

        foreach (var other in others)
        {
            writer.Line("    new(" + CSharpLiterals.String(other.ArchitecturalName) + ", " + ExceptionClass(other.TrapClass)
                + ", " + GeneratedNames.Keys(other.TrapClass) + "." + other.Name + ", IsInstruction: false, " + CSharpLiterals.String("others: " + OthersEmitter.Describe(other)) + "),");
        }

        writer.Line("];");
        writer.Line();
    }

    private static string ExceptionClass(TrapClassKind kind) => "0x" + TrapClasses.ExceptionClass(kind).ToString("X2", CultureInfo.InvariantCulture);

    private static void EmitRegister(SourceWriter writer, RegisterCatalogue catalogue, RegisterDefinition register)
    {
        var e = register.Encoding;
        writer.Line("    new(");
        writer.Line("        " + GeneratedNames.RegisterEnum + "." + register.Name + ", " + CSharpLiterals.String(register.Name) + ", " + CSharpLiterals.String(register.Description) + ",");
        writer.Line("        Op0: " + e.Op0 + ", Op1: " + e.Op1 + ", CRn: " + e.CRn + ", CRm: " + e.CRm + ", Op2: " + e.Op2 + ", Width: " + register.Width + ",");
        writer.Line("        TrapHandling." + register.Handling + ", IsReadable: " + CSharpLiterals.Bool(register.IsReadable) + ", IsWritable: " + CSharpLiterals.Bool(register.IsWritable) + ", GuestAarch32State: " + CSharpLiterals.Bool(register.GuestAarch32State) + ",");
        writer.Line("        ReadTraps: " + Groups(register.Traps, AccessDirection.Read) + ", WriteTraps: " + Groups(register.Traps, AccessDirection.Write) + ",");
        writer.Line("        ResetValue: " + CSharpLiterals.Hex64(register.ResetValue) + ", AfterWrite: " + Nullable(register.AfterWrite) + ", Emulator: " + Nullable(register.Emulator) + ",");
        writer.Line("        OtherNames: " + Strings(register.OtherNames) + ",");
        if (register.Aliases.Count == 0)
        {
            writer.Line("        Aliases: [],");
        }
        else
        {
            writer.Line("        Aliases:");
            writer.Line("        [");
            foreach (var alias in register.Aliases)
            {
                var a = alias.Encoding;
                writer.Line("            new(" + CSharpLiterals.String(alias.Name) + ", " + Strings(alias.OtherNames) + ", Cp15AccessForm." + a.Form
                    + ", Opc1: " + a.Opc1 + ", CRn: " + a.CRn + ", CRm: " + a.CRm + ", Opc2: " + a.Opc2 + ", AliasView." + alias.View + ",");
                writer.Line("                ReadTraps: " + Groups(alias.Traps, AccessDirection.Read) + ", WriteTraps: " + Groups(alias.Traps, AccessDirection.Write)
                    + ", Key: " + GeneratedNames.Keys(a.TrapClass) + "." + alias.Name + "),");
            }

            writer.Line("        ],");
        }

        var key = register.IsAarch64Dispatched
            ? GeneratedNames.Keys(TrapClassKind.Aarch64) + "." + register.Name
            : CSharpLiterals.Hex32(SyndromeKeys.Of(catalogue.Syndrome, register.Encoding));
        writer.Line("        Key: " + key + "),");
    }

    private static string Groups(IEnumerable<TrapMembership> traps, AccessDirection direction)
    {
        var names = traps.Where(t => t.Covers(direction)).Select(t => GeneratedNames.TrapGroupsEnum + "." + t.Group).ToList();
        return names.Count == 0 ? GeneratedNames.TrapGroupsEnum + ".None" : string.Join(" | ", names);
    }

    private static string Nullable(string? value) => value is null ? "null" : CSharpLiterals.String(value);

    private static string Strings(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(CSharpLiterals.String)) + "]";
}
