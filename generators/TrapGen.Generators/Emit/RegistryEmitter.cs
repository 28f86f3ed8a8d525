using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Encoding;
using TrapGen.Catalogue.Model;

namespace TrapGen.Generators.Emit;

/// <summary>
/// Emits the register registry: the <c>SystemRegister</c> enum and metadata for every register and alias
/// (encodings, width, handling, keys), usable at run time.
/// </summary>
internal static class RegistryEmitter
{
    public static string Emit(EmitContext context)
    {
        var catalogue = context.Catalogue;
        var writer = context.NewFile("the register registry.");
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

    private static void EmitRecords(SourceWriter writer, EmitContext context)
    {
        writer.Summary("An AArch32 cp15 view of an AArch64 register.");
        writer.Line("/// <param name=\"Name\">The AArch32 name.</param>");
        writer.Line("/// <param name=\"OtherNames\">Other architectural names of the same encoding.</param>");
        writer.Line("/// <param name=\"Form\">Its form, which is its trap class: Mcr (MCR/MRC) or Mcrr (MCRR/MRRC).</param>");
        writer.Line("/// <param name=\"Opc1\">opc1.</param>");
        writer.Line("/// <param name=\"CRn\">CRn (0 for MCRR).</param>");
        writer.Line("/// <param name=\"CRm\">CRm.</param>");
        writer.Line("/// <param name=\"Opc2\">opc2 (0 for MCRR).</param>");
        writer.Line("/// <param name=\"View\">Which bits of the AArch64 register it reaches.</param>");
        writer.Line("/// <param name=\"Key\">Its key among the McrKeys or McrrKeys.</param>");
        writer.Line(context.GeneratedCodeAttribute);
        writer.Line("public sealed record Aarch32AliasInfo(");
        writer.Line("    string Name,");
        writer.Line("    global::System.Collections.Generic.IReadOnlyList<string> OtherNames,");
        writer.Line("    " + GeneratedNames.TrapClass + " Form,");
        writer.Line("    int Opc1,");
        writer.Line("    int CRn,");
        writer.Line("    int CRm,");
        writer.Line("    int Opc2,");
        writer.Line("    " + GeneratedNames.View + " View,");
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
        writer.Line("/// <param name=\"HandlingPhrase\">How its traps are handled, in words: <c>passthrough, then UpdateSctlr after a write</c>.</param>");
        writer.Line("/// <param name=\"IsReadable\">False for write-only registers.</param>");
        writer.Line("/// <param name=\"IsWritable\">False for read-only registers.</param>");
        writer.Line("/// <param name=\"GuestAarch32State\">True when only the AArch32 aliases reach it.</param>");
        writer.Line("/// <param name=\"ResetValue\">The register file's initial value.</param>");
        writer.Line("/// <param name=\"AfterWrite\">The hook run after a write, or null.</param>");
        writer.Line("/// <param name=\"Emulator\">The emulator, for emulated registers, or null.</param>");
        writer.Line("/// <param name=\"OtherNames\">Other architectural names of the same encoding.</param>");
        writer.Line("/// <param name=\"Aliases\">Its AArch32 views.</param>");
        writer.Line("/// <param name=\"Key\">Its key among the MsrKeys.</param>");
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
        writer.Line("    " + GeneratedNames.Handling + " Handling,");
        writer.Line("    string HandlingPhrase,");
        writer.Line("    bool IsReadable,");
        writer.Line("    bool IsWritable,");
        writer.Line("    bool GuestAarch32State,");
        writer.Line("    ulong ResetValue,");
        writer.Line("    string? AfterWrite,");
        writer.Line("    string? Emulator,");
        writer.Line("    global::System.Collections.Generic.IReadOnlyList<string> OtherNames,");
        writer.Line("    global::System.Collections.Generic.IReadOnlyList<Aarch32AliasInfo> Aliases,");
        writer.Line("    uint Key);");
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
        }
    }

    private static void EmitInstructionsAndOthers(SourceWriter writer, EmitContext context)
    {
        var instructions = context.Catalogue.Instructions;
        var others = context.Others.Where(o => o.IsDispatched).ToList();
        const string Property = "public static global::System.Collections.Generic.IReadOnlyList<" + GeneratedNames.DispatchedAccess + "> InstructionsAndOthers { get; } =";
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
        writer.Line("        " + GeneratedNames.Handling + "." + register.Handling + ", " + CSharpLiterals.String(HandlingPhrases.Of(register)) + ",");
        writer.Line("        IsReadable: " + CSharpLiterals.Bool(register.IsReadable) + ", IsWritable: " + CSharpLiterals.Bool(register.IsWritable) + ", GuestAarch32State: " + CSharpLiterals.Bool(register.GuestAarch32State) + ",");
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
                writer.Line("            new(" + CSharpLiterals.String(alias.Name) + ", " + Strings(alias.OtherNames) + ", " + GeneratedNames.TrapClass + "." + a.Form
                    + ", Opc1: " + a.Opc1 + ", CRn: " + a.CRn + ", CRm: " + a.CRm + ", Opc2: " + a.Opc2 + ", " + GeneratedNames.View + "." + alias.View + ",");
                writer.Line("                Key: " + GeneratedNames.Keys(a.Form) + "." + alias.Name + "),");
            }

            writer.Line("        ],");
        }

        var key = register.IsAarch64Dispatched
            ? GeneratedNames.Keys(TrapClassKind.Msr) + "." + register.Name
            : CSharpLiterals.Hex32(SyndromeKeys.Of(catalogue.Syndrome, register.Encoding));
        writer.Line("        Key: " + key + "),");
    }

    private static string Nullable(string? value) => value is null ? "null" : CSharpLiterals.String(value);

    private static string Strings(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(CSharpLiterals.String)) + "]";
}
