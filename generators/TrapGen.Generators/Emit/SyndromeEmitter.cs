using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Model;
using TrapGen.Catalogue.Parsing;

namespace TrapGen.Generators.Emit;

/// <summary>
/// Emits the syndrome layouts (a part of <see cref="FixedTypesEmitter"/>'s file): for ESR_EL2 and each
/// trap class's ISS, a shift, width and mask per field (all derived from the declared lsb and width),
/// get/with helpers, the key mask, key and encode helpers, and a typed decoded view.
/// </summary>
internal static class SyndromeEmitter
{
    /// <summary>Writes the ESR_EL2 fields, then each trap class's ISS class and decoded view.</summary>
    public static void Emit(SourceWriter writer, SyndromeLayouts syndrome, string generatedCode)
    {
        var esrType = syndrome.EsrWidth > 32 ? "ulong" : "uint";
        writer.Summary("ESR_EL2 / HSR: the syndrome a trap to EL2 reports.");
        writer.Line(generatedCode);
        using (writer.Block("public static partial class " + GeneratedNames.Unqualified(GeneratedNames.EsrFields)))
        {
            foreach (var field in syndrome.EsrFields)
            {
                EmitField(writer, field, esrType, syndrome.EsrWidth);
            }
        }

        foreach (var layout in syndrome.Classes)
        {
            writer.Line();
            EmitIssClass(writer, generatedCode, layout);
            writer.Line();
            EmitSyndromeStruct(writer, generatedCode, layout);
        }
    }

    private static void EmitIssClass(SourceWriter writer, string generatedCode, TrapClassLayout layout)
    {
        var name = GeneratedNames.Unqualified(GeneratedNames.Iss(layout.Kind));
        writer.Summary(string.Format(
            System.Globalization.CultureInfo.InvariantCulture,
            "The ISS of EC 0x{0:X2}, a trapped {1} (catalogue syndrome.{2}).",
            layout.ExceptionClass, TrapClasses.Instructions(layout.Kind), CatalogueSpelling.Of(layout.Kind)));
        writer.Line(generatedCode);
        using (writer.Block("public static partial class " + name))
        {
            writer.Summary("The exception class that reports this ISS layout.");
            writer.Line("public const uint ExceptionClass = " + CSharpLiterals.Int(layout.ExceptionClass) + ";");
            writer.Line();
            foreach (var field in layout.Fields)
            {
                EmitField(writer, field, "uint", 32);
            }

            var keyFields = OrderedKeyFields(layout);
            writer.Summary("The ISS bits that identify the register: " + string.Join(", ", keyFields.Select(f => f.Name)) + ".");
            writer.Line("public const uint KeyMask = " + string.Join(" | ", keyFields.Select(f => f.Name + "Mask")) + ";");
            writer.Line();
            writer.Summary("Builds the key (the ISS with only the identifying fields) of the register with this encoding.");
            writer.Line("public static uint Key(" + string.Join(", ", keyFields.Select(f => "uint " + GeneratedNames.Parameter(f.Name))) + ") =>");
            writer.Line("    " + string.Join(" | ", keyFields.Select(f => "With" + f.Name + "(0, " + GeneratedNames.Parameter(f.Name) + ")")) + ";");
            writer.Line();
            var others = layout.Fields.Where(f => !TrapClasses.IsKeyField(layout.Kind, f.Name)).ToList();
            var parameters = keyFields.Concat(others).ToList();
            writer.Summary("Builds a whole ISS from its fields, as the hardware reports it.");
            writer.Line("public static uint Encode(" + string.Join(", ", parameters.Select(f => "uint " + GeneratedNames.Parameter(f.Name))) + ") =>");
            writer.Line("    " + string.Join(" | ", parameters.Select(f => "With" + f.Name + "(0, " + GeneratedNames.Parameter(f.Name) + ")")) + ";");
        }
    }

    private static void EmitSyndromeStruct(SourceWriter writer, string generatedCode, TrapClassLayout layout)
    {
        var name = GeneratedNames.Unqualified(GeneratedNames.Syndrome(layout.Kind));
        var iss = GeneratedNames.Unqualified(GeneratedNames.Iss(layout.Kind));
        writer.Summary("A decoded ISS of a trapped " + TrapClasses.Instructions(layout.Kind) + ".");
        writer.Line("/// <param name=\"Iss\">The raw ISS, ESR_EL2[24:0].</param>");
        writer.Line(generatedCode);
        using (writer.Block("public readonly partial record struct " + name + "(uint Iss)"))
        {
            foreach (var field in layout.Fields)
            {
                writer.Summary(field.Name + ", ISS bits [" + field.BitRange + "].");
                writer.Line("public uint " + field.Name + " => " + iss + ".Get" + field.Name + "(Iss);");
                writer.Line();
            }

            writer.Summary("True for a read (MRS, MRC, MRRC), false for a write: Direction is 1 for reads.");
            writer.Line("public bool IsRead => Direction != 0;");
            writer.Line();
            writer.Summary("The register key: the ISS masked with " + iss + ".KeyMask.");
            writer.Line("public uint Key => Iss & " + iss + ".KeyMask;");
        }
    }

    private static void EmitField(SourceWriter writer, BitField field, string type, int containerWidth)
    {
        var suffix = type == "ulong" ? "UL" : "u";
        var mask = containerWidth > 32 ? CSharpLiterals.Hex64(field.Mask) : CSharpLiterals.Hex32(field.Mask);
        writer.Summary(field.Name + ": bits [" + field.BitRange + "], declared as lsb " + field.Lsb + ", width " + field.Width + ".");
        writer.Line("public const int " + field.Name + "Shift = " + CSharpLiterals.Int(field.Lsb) + ";");
        writer.Summary("The width of " + field.Name + " in bits.");
        writer.Line("public const int " + field.Name + "Width = " + CSharpLiterals.Int(field.Width) + ";");
        writer.Summary(field.Name + " in place: bits [" + field.BitRange + "].");
        writer.Line("public const " + type + " " + field.Name + "Mask = " + mask.TrimEnd('u', 'U', 'L') + suffix + ";");
        writer.Summary("Extracts " + field.Name + ".");
        writer.Line("public static " + type + " Get" + field.Name + "(" + type + " value) => (value & " + field.Name + "Mask) >> " + field.Name + "Shift;");
        writer.SummaryXml("Returns <paramref name=\"value\"/> with " + field.Name + " replaced by <paramref name=\"field\"/>, truncated to its width.");
        writer.Line("public static " + type + " With" + field.Name + "(" + type + " value, " + type + " field) => (value & ~" + field.Name + "Mask) | ((field << " + field.Name + "Shift) & " + field.Name + "Mask);");
        writer.Line();
    }

    /// <summary>The key fields in the order an encoding is written (op0, op1, CRn, CRm, op2).</summary>
    public static BitField[] OrderedKeyFields(TrapClassLayout layout) =>
        TrapClasses.KeyFieldNames(layout.Kind).Select(layout.Field).ToArray();
}
