using System.Globalization;
using System.Linq;
using TrapGen.Generators.Spec;

namespace TrapGen.Generators.Emit;

/// <summary>Emits, per trap class with registers, one constant per dispatched key (the ISS masked with the class's KeyMask) and the perfect hash that slots them.</summary>
internal static class KeysEmitter
{
    public static string Emit(EmitSpec spec)
    {
        var writer = SourceWriter.NewFile(spec, "register keys (the ISS bits that identify each register).");
        var first = true;
        foreach (var trapClass in spec.Classes.Where(c => c.Hash is not null))
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            var iss = GeneratedNames.Unqualified(GeneratedNames.Iss(trapClass.Name));
            writer.Summary("Register keys for a trapped " + ClassPhrase(trapClass) + ": the ISS masked with " + iss + ".KeyMask.");
            writer.Line(SourceWriter.GeneratedCode(spec));
            using (writer.Block("public static partial class " + GeneratedNames.Keys(trapClass.Name)))
            {
                foreach (var row in trapClass.Rows)
                {
                    writer.Summary(row.Comment + ".");
                    writer.Line("public const uint " + row.Name + " = " + CSharpLiterals.Hex32(row.Key) + ";");
                    writer.Line();
                }

                EmitSlot(writer, trapClass.Hash!);
            }
        }

        return writer.ToString();
    }

    /// <summary>The class in words, for comments: <c>MCR/MRC</c>, <c>MCR/MRC of p14</c>.</summary>
    public static string ClassPhrase(ClassSpec trapClass) =>
        trapClass.Instructions + (trapClass.Coprocessor is 0 or 15 or 10 ? string.Empty : " of p" + trapClass.Coprocessor.ToString(CultureInfo.InvariantCulture));

    private static void EmitSlot(SourceWriter writer, PerfectHash hash)
    {
        var slots = "0–" + (hash.SlotCount - 1).ToString(CultureInfo.InvariantCulture);
        writer.Summary(
            "Gets the dispatch slot of a key: a perfect hash of the keys above onto " + slots
            + ", so that the dispatch is one table load. Any other key lands on some slot; the dispatch compares the key.");
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
}
