using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TrapGen.Generators.Spec;

namespace TrapGen.Generators.Emit;

/// <summary>
/// Emits the register registry: the <c>SystemRegister</c> enum and metadata for every register and its
/// AArch32 forms (encodings, width, handling, keys), and what else the dispatch handles, usable at run time.
/// </summary>
internal static class RegistryEmitter
{
    public static string Emit(EmitSpec spec)
    {
        var writer = SourceWriter.NewFile(spec, "the register registry.");
        writer.Summary("Every register in the catalogue, in catalogue order.");
        writer.Line(SourceWriter.GeneratedCode(spec));
        using (writer.Block("public enum " + GeneratedNames.RegisterEnum))
        {
            for (var i = 0; i < spec.Registers.Count; i++)
            {
                writer.Summary(spec.Registers[i].Summary);
                writer.Line(spec.Registers[i].Name + " = " + CSharpLiterals.Int(i) + ",");
            }
        }

        writer.Line();
        EmitRecords(writer, spec);
        writer.Line();
        EmitTable(writer, spec);
        return writer.ToString();
    }

    private static void EmitRecords(SourceWriter writer, EmitSpec spec)
    {
        writer.Summary("An AArch32 form of a register: a cp15, cp14 or cp10 view of an AArch64 register, or the one form of a register AArch32 alone has.");
        writer.Line("/// <param name=\"Name\">The AArch32 name.</param>");
        writer.Line("/// <param name=\"OtherNames\">Other architectural names of the same encoding.</param>");
        writer.Line("/// <param name=\"ExceptionClass\">The exception class its traps report (0x03, 0x04, 0x05, 0x0C, 0x06 or 0x08).</param>");
        writer.Line("/// <param name=\"Coprocessor\">Its coprocessor: 15, 14 or 10.</param>");
        writer.Line("/// <param name=\"Form\">How it is accessed: Mcr (MCR/MRC, VMRS), Mcrr (MCRR/MRRC) or LdcStc (LDC/STC).</param>");
        writer.Line("/// <param name=\"Opc1\">opc1.</param>");
        writer.Line("/// <param name=\"CRn\">CRn (0 for MCRR; CRd for LDC/STC).</param>");
        writer.Line("/// <param name=\"CRm\">CRm.</param>");
        writer.Line("/// <param name=\"Opc2\">opc2 (0 for MCRR and LDC/STC).</param>");
        writer.Line("/// <param name=\"View\">Which bits of the register it reaches.</param>");
        writer.Line("/// <param name=\"Key\">Its key among its class's keys.</param>");
        writer.Line(SourceWriter.GeneratedCode(spec));
        writer.Line("public sealed record Aarch32AliasInfo(");
        writer.Line("    string Name,");
        writer.Line("    global::System.Collections.Generic.IReadOnlyList<string> OtherNames,");
        writer.Line("    int ExceptionClass,");
        writer.Line("    int Coprocessor,");
        writer.Line("    " + GeneratedNames.Form + " Form,");
        writer.Line("    int Opc1,");
        writer.Line("    int CRn,");
        writer.Line("    int CRm,");
        writer.Line("    int Opc2,");
        writer.Line("    " + GeneratedNames.View + " View,");
        writer.Line("    uint Key);");
        writer.Line();
        writer.Summary("Everything the catalogue says about one register.");
        writer.Line("/// <param name=\"Register\">The register.</param>");
        writer.Line("/// <param name=\"Name\">Its name: the AArch64 one, or the AArch32 one of a register AArch32 alone has.</param>");
        writer.Line("/// <param name=\"Description\">What it is.</param>");
        writer.Line("/// <param name=\"IsAarch32Only\">True for a register AArch32 alone has (JIDR, FPSID): no MSR or MRS reaches it, and its encoding below is 0.</param>");
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
        writer.Line("/// <param name=\"Aliases\">Its AArch32 forms.</param>");
        writer.Line("/// <param name=\"Key\">Its key among the MsrKeys; 0 when no MSR or MRS reaches it.</param>");
        writer.Line(SourceWriter.GeneratedCode(spec));
        writer.Line("public sealed record SystemRegisterInfo(");
        writer.Line("    " + GeneratedNames.RegisterEnum + " Register,");
        writer.Line("    string Name,");
        writer.Line("    string Description,");
        writer.Line("    bool IsAarch32Only,");
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
        using (writer.Block("    uint Key)"))
        {
            writer.Summary("Gets whether an MSR or MRS reaches it: it has an AArch64 encoding, which holds no guest's AArch32 state alone.");
            writer.Line("public bool IsAarch64Dispatched => !IsAarch32Only && !GuestAarch32State;");
        }
    }

    private static void EmitTable(SourceWriter writer, EmitSpec spec)
    {
        writer.Summary("The catalogue at run time.");
        writer.Line(SourceWriter.GeneratedCode(spec));
        using (writer.Block("public static partial class " + GeneratedNames.Registry))
        {
            writer.SummaryXml("Every register, indexed by <see cref=\"" + GeneratedNames.RegisterEnum + "\"/>.");
            writer.Line("public static global::System.Collections.Generic.IReadOnlyList<SystemRegisterInfo> All { get; } =");
            writer.Line("[");
            foreach (var register in spec.Registers)
            {
                EmitRegister(writer, register);
            }

            writer.Line("];");
            writer.Line();
            EmitInstructionsAndOthers(writer, spec);
            writer.SummaryXml("Gets the metadata of <paramref name=\"register\"/>.");
            writer.Line("public static SystemRegisterInfo Get(" + GeneratedNames.RegisterEnum + " register) => All[(int)register];");
        }
    }

    private static void EmitInstructionsAndOthers(SourceWriter writer, EmitSpec spec)
    {
        const string Property = "public static global::System.Collections.Generic.IReadOnlyList<" + GeneratedNames.DispatchedAccess + "> InstructionsAndOthers { get; } =";
        writer.Summary("What else the dispatch handles: the catalogue's System instructions, then what trap groups' others: handle.");
        if (spec.InstructionsAndOthers.Count == 0)
        {
            writer.Line(Property + " [];");
            writer.Line();
            return;
        }

        writer.Line(Property);
        writer.Line("[");
        foreach (var access in spec.InstructionsAndOthers)
        {
            writer.Line("    new(" + CSharpLiterals.String(access.Name) + ", " + ExceptionClass(access.ExceptionClass) + ", " + access.Key
                + ", IsInstruction: " + CSharpLiterals.Bool(access.IsInstruction) + ", " + CSharpLiterals.String(access.Handling) + "),");
        }

        writer.Line("];");
        writer.Line();
    }

    private static string ExceptionClass(int ec) => "0x" + ec.ToString("X2", CultureInfo.InvariantCulture);

    private static void EmitRegister(SourceWriter writer, RegisterSpec register)
    {
        writer.Line("    new(");
        writer.Line("        " + GeneratedNames.RegisterEnum + "." + register.Name + ", " + CSharpLiterals.String(register.Name) + ", " + CSharpLiterals.String(register.Description) + ",");
        writer.Line("        IsAarch32Only: " + CSharpLiterals.Bool(register.IsAarch32Only) + ", Op0: " + CSharpLiterals.Int(register.Op0) + ", Op1: " + CSharpLiterals.Int(register.Op1)
            + ", CRn: " + CSharpLiterals.Int(register.CRn) + ", CRm: " + CSharpLiterals.Int(register.CRm) + ", Op2: " + CSharpLiterals.Int(register.Op2) + ", Width: " + CSharpLiterals.Int(register.Width) + ",");
        writer.Line("        " + GeneratedNames.Handling + "." + register.Handling + ", " + CSharpLiterals.String(register.HandlingPhrase) + ",");
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
                writer.Line("            new(" + CSharpLiterals.String(alias.Name) + ", " + Strings(alias.OtherNames) + ", " + ExceptionClass(alias.ExceptionClass)
                    + ", Coprocessor: " + CSharpLiterals.Int(alias.Coprocessor) + ", " + GeneratedNames.Form + "." + alias.Form
                    + ", Opc1: " + CSharpLiterals.Int(alias.Opc1) + ", CRn: " + CSharpLiterals.Int(alias.CRn) + ", CRm: " + CSharpLiterals.Int(alias.CRm) + ", Opc2: " + CSharpLiterals.Int(alias.Opc2)
                    + ", " + GeneratedNames.View + "." + alias.View + ",");
                writer.Line("                Key: " + alias.Key + "),");
            }

            writer.Line("        ],");
        }

        writer.Line("        Key: " + register.Key + "),");
    }

    private static string Nullable(string? value) => value is null ? "null" : CSharpLiterals.String(value);

    private static string Strings(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(CSharpLiterals.String)) + "]";
}
