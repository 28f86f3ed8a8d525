using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Collections;
using TrapGen.Catalogue.Diagnostics;

namespace TrapGen.Catalogue.Model;

/// <summary>The ESR_EL2 / HSR layout and the ISS layout of each trap class.</summary>
/// <param name="EsrWidth">The width of the syndrome register in bits (32).</param>
/// <param name="EsrFields">The top-level fields: EC, IL and ISS.</param>
/// <param name="EsrFieldSpans">Where each of <paramref name="EsrFields"/> is declared, by index.</param>
/// <param name="Classes">One layout per trap class.</param>
public sealed record SyndromeLayouts(int EsrWidth, EquatableArray<BitField> EsrFields, EquatableArray<SourceSpan> EsrFieldSpans, EquatableArray<TrapClassLayout> Classes)
{
    /// <summary>The exception class field.</summary>
    public const string EC = "EC";

    /// <summary>The instruction length field: 1 = 32-bit instruction.</summary>
    public const string IL = "IL";

    /// <summary>The instruction specific syndrome field.</summary>
    public const string ISS = "ISS";

    /// <summary>The top-level fields a catalogue declares, in the order the Arm ARM lists them.</summary>
    public static readonly string[] EsrFieldNames = [EC, IL, ISS];

    /// <summary>The width of ESR_EL2 as the trap path reads it: the low 32 bits (EC, IL and ISS).</summary>
    public const int TrapEsrWidth = 32;

    /// <summary>The layouts the architecture defines, for a catalogue that leaves out <c>syndrome:</c>.</summary>
    public static SyndromeLayouts Architectural { get; } = new(
        TrapEsrWidth,
        EsrFieldNames.Select(Layouts.Esr.Layout.Field).ToEquatableArray(),
        EsrFieldNames.Select(_ => SourceSpan.FileStart).ToEquatableArray(),
        TrapClasses.All.Select(TrapClassLayout.Architectural).ToEquatableArray());

    /// <summary>
    /// Gets whether every field code is generated from is declared: EC, IL and ISS, and each trap class
    /// with its required fields. The parser keeps a layout that lacks one (TG0003), so this guards the emitters.
    /// </summary>
    public bool IsComplete =>
        EsrFieldNames.All(name => EsrFields.Any(f => f.Name == name))
        && TrapClasses.All.All(kind => Classes.Any(c => c.Kind == kind
            && TrapClasses.RequiredFieldNames(kind).All(name => c.Fields.Any(f => f.Name == name))));

    /// <summary>Gets the top-level field called <paramref name="name"/>.</summary>
    public BitField EsrField(string name) => EsrFields.First(f => f.Name == name);

    /// <summary>Gets the layout of <paramref name="kind"/>.</summary>
    public TrapClassLayout Class(TrapClassKind kind) => Classes.First(c => c.Kind == kind);
}
