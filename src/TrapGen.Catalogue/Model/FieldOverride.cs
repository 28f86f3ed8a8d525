using TrapGen.Architecture;
using TrapGen.Catalogue.Diagnostics;

namespace TrapGen.Catalogue.Model;

/// <summary>
/// One field of a sanitised register as the guest sees it: <c>fields: { PMUVer: 0 }</c> replaces bits
/// [11:8] of the hardware's value with 0. The position comes from the architecture's field table, or is
/// declared (<c>{ lsb: 8, width: 4, value: 0 }</c>) for a field the table lacks.
/// </summary>
/// <param name="Field">The field's name and position, or null when neither the architecture nor the entry gives one.</param>
/// <param name="Name">The field's name as written.</param>
/// <param name="Value">The value the guest reads in the field.</param>
/// <param name="Declared">True when the entry declares the position itself (lsb and width).</param>
/// <param name="Span">The field's key.</param>
/// <param name="ValueSpan">The value node.</param>
public sealed record FieldOverride(BitField? Field, string Name, ulong Value, bool Declared, SourceSpan Span, SourceSpan ValueSpan);
