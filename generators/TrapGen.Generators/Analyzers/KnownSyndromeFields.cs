using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TrapGen.Architecture;

namespace TrapGen.Generators.Analyzers;

/// <summary>One field of ESR_EL2 or of an ISS (or ISS2) layout of TrapGen.Architecture, in place in the 64-bit ESR.</summary>
/// <param name="Layout">The layout, in words.</param>
/// <param name="GeneratedType">The metadata name of TrapGen's class for the layout (TrapGen.EsrFields, TrapGen.MsrIss, TrapGen.McrIss, TrapGen.McrrIss, in TrapGen.Abstractions), or null.</param>
/// <param name="Field">The field, placed in ESR_EL2 (an ISS2 field's lsb counts from bit 0 of ESR_EL2).</param>
internal sealed record KnownSyndromeField(string Layout, string? GeneratedType, BitField Field)
{
    /// <summary>Gets the field's name.</summary>
    public string Name => Field.Name;

    /// <summary>Gets its lowest bit in ESR_EL2.</summary>
    public int Lsb => Field.Lsb;

    /// <summary>Gets its width.</summary>
    public int Width => Field.Width;

    /// <summary>Gets whether this is a field of ESR_EL2 itself or of a system-register trap: the fields TrapGen generates.</summary>
    public bool IsPrimary => GeneratedType is not null;

    /// <summary>The diagnostic property naming the generated mask constant of the field meant, for the code fix.</summary>
    public const string GeneratedMaskKey = "GeneratedMask";

    public ulong Mask => Field.Mask;

    /// <summary>The constant holding this field's mask (<c>TrapGen.MsrIss.CRnMask</c>), or null when TrapGen has none.</summary>
    public string? GeneratedMask => GeneratedType is null ? null : GeneratedType + "." + char.ToUpperInvariant(Name[0]) + Name.Substring(1) + "Mask";

    public string Describe() => Name + " [" + Field.BitRange + "] of " + Layout;

    /// <summary>
    /// Every field of ESR_EL2 and of every syndrome layout of TrapGen.Architecture: the system-register
    /// traps first (the fields TrapGen generates constants for), then every other exception class.
    /// </summary>
    public static IReadOnlyList<KnownSyndromeField> All { get; } = Collect();

    /// <summary>The ISS layouts TrapGen.Abstractions has constants for, each with the first class that reports it (cp14's MCR shares cp15's McrIss).</summary>
    private static IEnumerable<TrapClass> GeneratedLayouts => TrapClasses.Dispatchable.GroupBy(c => c.Iss).Select(g => g.First());

    private static KnownSyndromeField[] Collect() =>
    [
        .. Layouts.Esr.Layout.Fields.Select(f => new KnownSyndromeField("ESR_EL2", Emit.GeneratedNames.MetadataName(Emit.GeneratedNames.EsrFields), f)),
        .. GeneratedLayouts.SelectMany(c =>
            c.Iss.Fields.Select(f => new KnownSyndromeField("the " + c.Instructions + " ISS", Emit.GeneratedNames.MetadataName(Emit.GeneratedNames.Iss(c.Name)), f))),
        .. Layouts.Syndromes.Where(l => !GeneratedLayouts.Any(c => c.Iss == l)).SelectMany(l =>
            l.Fields.Where(f => f.Name != "RES0").Select(f => new KnownSyndromeField(Label(l), null, l.IsIss2 ? new BitField(f.Name, f.Lsb + Layouts.Esr.ISS2.Lsb, f.Width) : f))),
    ];

    private static readonly ILookup<string, KnownSyndromeField> ByLayout = All.ToLookup(f => f.Layout);

    public static bool IsField(int lsb, int width) => All.Any(f => f.Lsb == lsb && f.Width == width);

    /// <summary>
    /// Gets whether <paramref name="mask"/>, in place in ESR_EL2, is a syndrome field or a legitimate
    /// composite: exactly one field of any layout, or the union of two or more whole fields of one layout
    /// (KVM's ESR_ELx_SYS64_ISS_SYS_MASK, every MSR/MRS field but Rt and Direction). A run of two or more
    /// bits that is one bit off a field of ESR_EL2 or of a system-register trap is the seed's mistake
    /// (Xen's 0x3800 beside CRn [13:10]) even where another exception class has a field there (SError
    /// AET [12:10]); a union one bit off any single field is a mistake, not a composite.
    /// </summary>
    public static bool IsFieldOrComposite(ulong mask)
    {
        if (mask == 0)
        {
            return false;
        }

        if (All.Any(f => f.IsPrimary && f.Mask == mask))
        {
            return true;
        }

        if (ShortOfAPrimaryField(mask) is not null)
        {
            return false;
        }

        if (All.Any(f => f.Mask == mask))
        {
            return true;
        }

        if (All.Any(f => IsOneBitOff(f.Mask, mask)))
        {
            return false;
        }

        foreach (var layout in ByLayout)
        {
            var inside = layout.Where(f => (f.Mask & ~mask) == 0).ToList();
            if (inside.Count >= 2 && inside.Aggregate(0UL, (union, f) => union | f.Mask) == mask)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsOneBitOff(ulong field, ulong mask) => (field & mask) != 0 && BitMask.PopCount(field ^ mask) == 1;

    /// <summary>The field of ESR_EL2 or of a system-register trap that <paramref name="mask"/> is, but for one end bit (0x3800 of CRn [13:10]), if any.</summary>
    private static KnownSyndromeField? ShortOfAPrimaryField(ulong mask) =>
        BitMask.PopCount(mask) < 2 ? null : All.FirstOrDefault(f => f.IsPrimary && (f.Mask & mask) == mask && BitMask.PopCount(f.Mask ^ mask) == 1);

    /// <summary>
    /// The field a mistaken (lsb, width) most probably meant: exactly a field of ESR_EL2 or of a
    /// system-register trap, else the one it is one bit short of, else one with the same lsb, else the
    /// same msb, else the most shared bits.
    /// </summary>
    public static KnownSyndromeField ProbablyMeant(int lsb, int width)
    {
        var msb = lsb + width - 1;
        var mask = BitField.MaskOf(lsb, width);
        return All.FirstOrDefault(f => f.IsPrimary && f.Mask == mask)
            ?? ShortOfAPrimaryField(mask)
            ?? All.Where(f => f.Lsb == lsb).OrderBy(f => System.Math.Abs(f.Width - width)).FirstOrDefault()
            ?? All.Where(f => f.Lsb + f.Width - 1 == msb).OrderBy(f => System.Math.Abs(f.Width - width)).FirstOrDefault()
            ?? All.Where(f => f.Name is not ("ISS" or "ISS2")).OrderByDescending(f => BitMask.PopCount(f.Mask & mask)).First();
    }

    /// <summary>A field with exactly this lsb and msb, for naming what a corrected mask is.</summary>
    public static KnownSyndromeField? Exactly(int lsb, int width) => All.FirstOrDefault(f => f.Lsb == lsb && f.Width == width);

    private static string Label(BitLayout layout) =>
        "the " + (layout.IsIss2 ? "ISS2" : "ISS") + " of EC " + string.Join("/", layout.ExceptionClasses.Select(ec => "0x" + ec.ToString("X2", CultureInfo.InvariantCulture)));
}
