using System.Collections.Generic;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Model;

namespace TrapGen.Generators.Analyzers;

/// <summary>One field of ESR_EL2 / HSR or of a system-register ISS, from the architecture's facts.</summary>
/// <param name="Layout">The layout, in words.</param>
/// <param name="GeneratedType">The class TrapGen generates for the layout (EsrFields, SysRegIss, Cp32Iss, Cp64Iss).</param>
/// <param name="Name">The field's name.</param>
/// <param name="Lsb">Its lowest bit.</param>
/// <param name="Width">Its width.</param>
internal sealed record KnownSyndromeField(string Layout, string GeneratedType, string Name, int Lsb, int Width)
{
    /// <summary>The diagnostic property naming the generated mask constant of the field meant, for the code fix.</summary>
    public const string GeneratedMaskKey = "GeneratedMask";

    public ulong Mask => BitMask.Of(Lsb, Width);

    /// <summary>The generated constant holding this field's mask: <c>SysRegIss.CRnMask</c>.</summary>
    public string GeneratedMask => GeneratedType + "." + Name + "Mask";

    public string Describe() => Name + " " + BitMask.Range(Lsb, Width) + " of " + Layout;

    /// <summary>
    /// Every field of ESR_EL2 and of every ISS layout of TrapGen.Architecture, named after the class
    /// TrapGen generates for it where there is one.
    /// </summary>
    public static IReadOnlyList<KnownSyndromeField> All { get; } =
    [
        .. Layouts.Esr.Layout.Fields.Select(f => new KnownSyndromeField("ESR_EL2", Emit.GeneratedNames.EsrFields, f.Name, f.Lsb, f.Width)),
        .. TrapClasses.All.SelectMany(kind =>
            TrapClasses.Iss(kind).Fields.Select(f => new KnownSyndromeField("the " + TrapClasses.Instructions(kind) + " ISS", Emit.GeneratedNames.Iss(kind), f.Name, f.Lsb, f.Width))),
    ];

    public static bool IsField(int lsb, int width) => All.Any(f => f.Lsb == lsb && f.Width == width);

    /// <summary>The field a mistaken (lsb, width) most probably meant: the same lsb, else the same msb, else the most shared bits.</summary>
    public static KnownSyndromeField ProbablyMeant(int lsb, int width)
    {
        var msb = lsb + width - 1;
        var mask = BitMask.Of(lsb, width);
        return All.Where(f => f.Lsb == lsb).OrderBy(f => System.Math.Abs(f.Width - width)).FirstOrDefault()
            ?? All.Where(f => f.Lsb + f.Width - 1 == msb).OrderBy(f => System.Math.Abs(f.Width - width)).FirstOrDefault()
            ?? All.Where(f => f.Name != "ISS").OrderByDescending(f => BitMask.PopCount(f.Mask & mask)).First();
    }

    /// <summary>A field with exactly this lsb and msb, for naming what a corrected mask is.</summary>
    public static KnownSyndromeField? Exactly(int lsb, int width) => All.FirstOrDefault(f => f.Lsb == lsb && f.Width == width);
}
