using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Model;

namespace TrapGen.Catalogue.Encoding;

/// <summary>
/// Computes register keys (the ISS bits that identify a register: the seed's HSR_SYSREG, HSR_CPREG32
/// and HSR_CPREG64) from the catalogue's declared layouts.
/// </summary>
public static class SyndromeKeys
{
    /// <summary>Gets the key of an AArch64 register.</summary>
    public static uint Of(SyndromeLayouts syndrome, Aarch64Encoding encoding) =>
        Of(syndrome.Class(TrapClassKind.Msr), encoding.KeyValues);

    /// <summary>Gets the key of an AArch32 cp15 register.</summary>
    public static uint Of(SyndromeLayouts syndrome, Cp15Encoding encoding) =>
        Of(syndrome.Class(encoding.Form), encoding.KeyValues);

    /// <summary>Places <paramref name="values"/>, in <see cref="TrapClasses.KeyFieldNames"/> order, into an ISS.</summary>
    public static uint Of(TrapClassLayout layout, int[] values) =>
        TrapClasses.Key([.. TrapClasses.KeyFieldNames(layout.Kind).Select(layout.Field)], values);
}
