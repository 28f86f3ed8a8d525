using System;
using System.Globalization;

namespace TrapGen.Architecture;

/// <summary>
/// The coordinates of an AArch32 coprocessor register (cp15, or cp14 for debug);
/// <see cref="CRn"/> and <see cref="Opc2"/> are 0 for the MCRR form.
/// </summary>
/// <param name="Form">
/// The trap class its accesses are reported in, which is its form: <see cref="TrapClassKind.Mcr"/> (32-bit
/// MCR/MRC) or <see cref="TrapClassKind.Mcrr"/> (64-bit MCRR/MRRC); cp14's accesses share these layouts.
/// </param>
/// <param name="Opc1">opc1 (0 to 7 for MCR, 0 to 15 for MCRR).</param>
/// <param name="CRn">CRn (MCR only).</param>
/// <param name="CRm">CRm.</param>
/// <param name="Opc2">opc2 (MCR only).</param>
/// <exception cref="ArgumentOutOfRangeException"><paramref name="Form"/> is not <see cref="TrapClassKind.Mcr"/> or <see cref="TrapClassKind.Mcrr"/>.</exception>
public sealed record Cp15Encoding(TrapClassKind Form, int Opc1, int CRn, int CRm, int Opc2)
{
    /// <summary>Gets the encoding's form, which is the trap class that reports its accesses: MCR or MCRR, never MSR.</summary>
    public TrapClassKind Form { get; } = IsForm(Form) ? Form : throw new ArgumentOutOfRangeException(nameof(Form), Form, "An AArch32 coprocessor encoding is an MCR or an MCRR one.");

    /// <summary>Gets whether <paramref name="kind"/> is the form of an AArch32 coprocessor encoding: <see cref="TrapClassKind.Mcr"/> or <see cref="TrapClassKind.Mcrr"/>.</summary>
    public static bool IsForm(TrapClassKind kind) => kind is TrapClassKind.Mcr or TrapClassKind.Mcrr;

    /// <summary>Gets the width of the access in bits.</summary>
    public int AccessWidth => Form == TrapClassKind.Mcr ? 32 : 64;

    /// <summary>Gets the values in the order of <see cref="TrapClasses.KeyFieldNames"/>.</summary>
    public int[] KeyValues => Form == TrapClassKind.Mcr ? [Opc1, CRn, CRm, Opc2] : [Opc1, CRm];

    /// <summary>Gets the instruction pair that accesses it: <c>MCR</c> or <c>MCRR</c>.</summary>
    public string FormName => Form == TrapClassKind.Mcr ? "MCR" : "MCRR";

    /// <summary>Formats the encoding as assembler operands of <paramref name="coprocessor"/>: <c>p14, 0, c0, c1, 0</c>.</summary>
    public string Operands(int coprocessor) => Form == TrapClassKind.Mcr
        ? string.Format(CultureInfo.InvariantCulture, "p{0}, {1}, c{2}, c{3}, {4}", coprocessor, Opc1, CRn, CRm, Opc2)
        : string.Format(CultureInfo.InvariantCulture, "p{0}, {1}, c{2}", coprocessor, Opc1, CRm);

    /// <summary>Gets the name reports give an encoding the architecture does not name: <c>CP15_0_C0_C3_0</c>, or <c>CP15_0_C2</c> for MCRR.</summary>
    public string GenericName => Form == TrapClassKind.Mcr
        ? string.Format(CultureInfo.InvariantCulture, "CP15_{0}_C{1}_C{2}_{3}", Opc1, CRn, CRm, Opc2)
        : string.Format(CultureInfo.InvariantCulture, "CP15_{0}_C{1}", Opc1, CRm);

    /// <summary>Formats the encoding with its form for messages: <c>MCR p15, 0, c6, c0, 2</c>.</summary>
    public string Describe() => FormName + " " + this;

    /// <summary>Formats the encoding as the cp15 assembler operands: <c>p15, 0, c1, c0, 0</c> or <c>p15, 0, c2</c>.</summary>
    public override string ToString() => Operands(15);
}
