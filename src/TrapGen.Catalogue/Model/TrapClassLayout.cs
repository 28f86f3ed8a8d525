using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Collections;
using TrapGen.Catalogue.Diagnostics;

namespace TrapGen.Catalogue.Model;

/// <summary>The ISS layout of one trap class, and the exception class (EC) that selects it.</summary>
/// <param name="Kind">Which trap class.</param>
/// <param name="ExceptionClass">The EC value in ESR_EL2 [31:26].</param>
/// <param name="Fields">The ISS fields, most significant first.</param>
/// <param name="FieldSpans">Where each of <paramref name="Fields"/> is declared, by index (the file start when taken from the architecture).</param>
/// <param name="Span">Where the layout is declared.</param>
public sealed record TrapClassLayout(
    TrapClassKind Kind, int ExceptionClass, EquatableArray<BitField> Fields, EquatableArray<SourceSpan> FieldSpans, SourceSpan Span)
{
    /// <summary>Gets the field called <paramref name="name"/>; the validator guarantees the required ones exist.</summary>
    public BitField Field(string name) => Fields.First(f => f.Name == name);

    /// <summary>Gets the fields that identify the register (everything but Rt, Rt2, direction and condition).</summary>
    public EquatableArray<BitField> KeyFields =>
        Fields.Where(f => TrapClasses.IsKeyField(Kind, f.Name)).ToEquatableArray();

    /// <summary>Gets the OR of <see cref="KeyFields"/>' masks: the ISS bits a dispatch switch compares.</summary>
    public ulong KeyMask => KeyFields.Aggregate(0UL, (mask, keyField) => mask | keyField.Mask);

    /// <summary>The layout the architecture defines for <paramref name="kind"/>, for a catalogue that declares none.</summary>
    public static TrapClassLayout Architectural(TrapClassKind kind)
    {
        var fields = TrapClasses.Iss(kind).Fields.Where(f => TrapClasses.RequiredFieldNames(kind).Contains(f.Name)).ToEquatableArray();
        return new TrapClassLayout(kind, TrapClasses.ExceptionClass(kind), fields, fields.Select(_ => SourceSpan.FileStart).ToEquatableArray(), SourceSpan.FileStart);
    }
}
