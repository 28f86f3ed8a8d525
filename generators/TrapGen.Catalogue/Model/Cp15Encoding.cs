using System.Globalization;

namespace TrapGen.Catalogue.Model;

/// <summary>An AArch32 cp15 encoding; <see cref="CRn"/> and <see cref="Opc2"/> are 0 for the MCRR form.</summary>
/// <param name="Form">32-bit MCR/MRC or 64-bit MCRR/MRRC.</param>
/// <param name="Opc1">opc1 (0 to 7 for MCR, 0 to 15 for MCRR).</param>
/// <param name="CRn">CRn (MCR only).</param>
/// <param name="CRm">CRm.</param>
/// <param name="Opc2">opc2 (MCR only).</param>
public sealed record Cp15Encoding(Cp15Form Form, int Opc1, int CRn, int CRm, int Opc2)
{
    /// <summary>Gets the trap class that reports accesses in this form.</summary>
    public TrapClassKind TrapClass => Form == Cp15Form.Mcr ? TrapClassKind.Cp15Register32 : TrapClassKind.Cp15Register64;

    /// <summary>Gets the width of the access in bits.</summary>
    public int AccessWidth => Form == Cp15Form.Mcr ? 32 : 64;

    /// <summary>Gets the values in the order of <see cref="TrapClassFields.KeyFieldNames"/>.</summary>
    public int[] KeyValues => Form == Cp15Form.Mcr ? [Opc1, CRn, CRm, Opc2] : [Opc1, CRm];

    /// <summary>Formats the encoding as the assembler operands: <c>p15, 0, c1, c0, 0</c> or <c>p15, 0, c2</c>.</summary>
    public override string ToString() => Form == Cp15Form.Mcr
        ? string.Format(CultureInfo.InvariantCulture, "p15, {0}, c{1}, c{2}, {3}", Opc1, CRn, CRm, Opc2)
        : string.Format(CultureInfo.InvariantCulture, "p15, {0}, c{1}", Opc1, CRm);
}
