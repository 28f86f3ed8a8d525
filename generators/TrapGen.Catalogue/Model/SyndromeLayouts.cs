using System.Linq;
using TrapGen.Catalogue.Collections;

namespace TrapGen.Catalogue.Model;

/// <summary>The ESR_EL2 / HSR layout and the ISS layout of each trap class.</summary>
/// <param name="EsrWidth">The width of the syndrome register in bits (32).</param>
/// <param name="EsrFields">The top-level fields: EC, IL and ISS.</param>
/// <param name="Classes">One layout per trap class.</param>
public sealed record SyndromeLayouts(int EsrWidth, EquatableArray<BitField> EsrFields, EquatableArray<TrapClassLayout> Classes)
{
    /// <summary>The exception class field.</summary>
    public const string EC = "EC";

    /// <summary>The instruction length field: 1 = 32-bit instruction.</summary>
    public const string IL = "IL";

    /// <summary>The instruction specific syndrome field.</summary>
    public const string ISS = "ISS";

    /// <summary>Gets the top-level field called <paramref name="name"/>.</summary>
    public BitField EsrField(string name) => EsrFields.First(f => f.Name == name);

    /// <summary>Gets the layout of <paramref name="kind"/>.</summary>
    public TrapClassLayout Class(TrapClassKind kind) => Classes.First(c => c.Kind == kind);
}
