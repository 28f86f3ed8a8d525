using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Encoding;
using TrapGen.Catalogue.Model;

namespace TrapGen.Generators.Emit;

/// <summary>Emits one constant per dispatched register and trap class: its key, the ISS masked with KeyMask.</summary>
internal static class KeysEmitter
{
    public static string Emit(EmitContext context)
    {
        var catalogue = context.Catalogue;
        var writer = context.NewFile("register keys (the ISS bits that identify each register).");
        var first = true;
        foreach (var layout in catalogue.Syndrome.Classes)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            var iss = GeneratedNames.Unqualified(GeneratedNames.Iss(layout.Kind));
            writer.Summary("Register keys for a trapped " + TrapClasses.Instructions(layout.Kind) + ": the ISS masked with " + iss + ".KeyMask.");
            writer.Line(context.GeneratedCodeAttribute);
            using (writer.Block("public static partial class " + GeneratedNames.Keys(layout.Kind)))
            {
                var rows = context.RowsOf(layout.Kind);
                for (var i = 0; i < rows.Count; i++)
                {
                    writer.Summary(rows[i].Comment + ".");
                    writer.Line("public const uint " + rows[i].Name + " = " + CSharpLiterals.Hex32(rows[i].Key) + ";");
                    if (i < rows.Count - 1)
                    {
                        writer.Line();
                    }
                }

                if (context.HashOf(layout.Kind) is { } hash)
                {
                    writer.Line();
                    EmitSlot(writer, hash);
                }
            }
        }

        return writer.ToString();
    }

    private static void EmitSlot(SourceWriter writer, PerfectHash hash)
    {
        var slots = "0–" + (hash.SlotCount - 1).ToString(CultureInfo.InvariantCulture);
        writer.Summary(
            "Gets the dispatch slot of a key: a perfect hash of the keys above onto " + slots
            + ", so that the dispatch is one jump table. Any other key lands on some slot; the dispatch compares the key.");
        var slot = "(int)((key * " + CSharpLiterals.Hex32(hash.Multiplier) + ") >> " + (32 - hash.SlotBits).ToString(CultureInfo.InvariantCulture) + ")";
        if (!hash.IsDisplaced)
        {
            writer.Line("public static int Slot(uint key) => " + slot + ";");
            return;
        }

        var bucket = "(int)((key * " + CSharpLiterals.Hex32(hash.BucketMultiplier) + ") >> " + (32 - hash.BucketBits).ToString(CultureInfo.InvariantCulture) + ")";
        writer.Line("public static int Slot(uint key) => " + slot + " ^ Displacements[" + bucket + "];");
        writer.Line();
        var element = hash.SlotCount <= 256 ? "byte" : "ushort";
        writer.Summary("Each first-level bucket's displacement (hash and displace): stored in the assembly's data, never allocated.");
        writer.Line("private static global::System.ReadOnlySpan<" + element + "> Displacements =>");
        writer.Line("[");
        const int PerLine = 16;
        for (var i = 0; i < hash.Displacements.Count; i += PerLine)
        {
            writer.Line("    " + string.Join(", ", hash.Displacements.Skip(i).Take(PerLine).Select(d => d.ToString(CultureInfo.InvariantCulture))) + ",");
        }

        writer.Line("];");
    }

    /// <summary>An alias's form and the bits it reaches: <c>MCR/MRC p15, 0, c6, c0, 2, bits [63:32] of FAR_EL1</c>.</summary>
    public static string Describe(AliasDefinition alias, RegisterDefinition register) =>
        (alias.Encoding.Form == TrapClassKind.Mcr ? "MCR/MRC " : "MCRR/MRRC ") + alias.Encoding + ", " + RegisterViews.Of(alias.View, register.Name);
}
