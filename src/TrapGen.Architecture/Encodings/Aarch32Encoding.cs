using System;
using System.Collections.Generic;
using System.Globalization;

namespace TrapGen.Architecture;

/// <summary>
/// The coordinates of an AArch32 register: its coprocessor (15 system control, 14 debug, 10 the
/// floating-point ID registers VMRS reads), the form of the instructions that reach it, and opc1, CRn, CRm
/// and opc2 as that form has them. The coprocessor and the form pick the class its traps report (<see cref="Class"/>).
/// </summary>
/// <param name="Coprocessor">15, 14 or 10.</param>
/// <param name="Form">MCR (MCR/MRC, and VMRS, cp10's MRC), MCRR (MCRR/MRRC) or LDC/STC.</param>
/// <param name="Opc1">opc1 (0 to 7 for MCR, 0 to 15 for MCRR; 0 for LDC/STC).</param>
/// <param name="CRn">CRn (MCR only; for VMRS the reg field; for LDC/STC the coprocessor register CRd).</param>
/// <param name="CRm">CRm (0 for LDC/STC).</param>
/// <param name="Opc2">opc2 (MCR only).</param>
/// <exception cref="ArgumentOutOfRangeException">No trap class has <paramref name="Coprocessor"/> and <paramref name="Form"/>.</exception>
public sealed record Aarch32Encoding(int Coprocessor, AccessForm Form, int Opc1, int CRn, int CRm, int Opc2)
{
    /// <summary>Gets the class a trapped access of the encoding reports.</summary>
    public TrapClass Class { get; } = TrapClasses.Of(Coprocessor, Form)
        ?? throw new ArgumentOutOfRangeException(nameof(Form), Form, "No trap class has coprocessor " + Coprocessor.ToString(CultureInfo.InvariantCulture) + " and form " + Form);

    /// <summary>Creates a cp15 encoding: the common case.</summary>
    public static Aarch32Encoding Cp15(AccessForm form, int opc1, int crn, int crm, int opc2) => new((int)Aarch32Constants.Cp15, form, opc1, crn, crm, opc2);

    /// <summary>Gets the width of the access in bits: 32, or 64 for MCRR/MRRC.</summary>
    public int AccessWidth => Class.TransferWidth;

    /// <summary>Gets the values of the class's key fields, in their order: opc1, CRn, CRm, opc2 for MCR; opc1, CRm for MCRR; none for LDC/STC.</summary>
    public IReadOnlyList<int> KeyValues => Form switch
    {
        AccessForm.Mcr => [Opc1, CRn, CRm, Opc2],
        AccessForm.Mcrr => [Opc1, CRm],
        _ => [],
    };

    /// <summary>Gets the ISS key of the encoding in its class.</summary>
    public uint Key => Class.Key(KeyValues);

    /// <summary>Gets the instruction that writes it, for messages: <c>MCR</c>, <c>MCRR</c>, <c>MRRC</c> (cp14's 64-bit registers are read-only), <c>LDC</c> or <c>VMRS</c>.</summary>
    public string FormName => Class.WriteMnemonic;

    /// <summary>Formats the encoding as assembler operands: <c>p15, 0, c1, c0, 0</c>, <c>p14, 0, c2</c>, <c>p14, c5</c> for LDC/STC, <c>reg 7</c> for VMRS.</summary>
    public string Operands() => Form switch
    {
        AccessForm.Mcr when Coprocessor == Aarch32Constants.Cp10 => string.Format(CultureInfo.InvariantCulture, "reg {0}", CRn),
        AccessForm.Mcr => string.Format(CultureInfo.InvariantCulture, "p{0}, {1}, c{2}, c{3}, {4}", Coprocessor, Opc1, CRn, CRm, Opc2),
        AccessForm.Mcrr => string.Format(CultureInfo.InvariantCulture, "p{0}, {1}, c{2}", Coprocessor, Opc1, CRm),
        _ => string.Format(CultureInfo.InvariantCulture, "p{0}, c{1}", Coprocessor, CRn),
    };

    /// <summary>Gets the name reports give an encoding the architecture does not name: <c>CP15_0_C0_C3_0</c>, <c>CP15_0_C2</c> for MCRR, <c>CP14_0_C0_C9_0</c>.</summary>
    public string GenericName => Form == AccessForm.Mcrr
        ? string.Format(CultureInfo.InvariantCulture, "CP{0}_{1}_C{2}", Coprocessor, Opc1, CRm)
        : string.Format(CultureInfo.InvariantCulture, "CP{0}_{1}_C{2}_C{3}_{4}", Coprocessor, Opc1, CRn, CRm, Opc2);

    /// <summary>Formats the encoding with its form for messages: <c>MCR p15, 0, c6, c0, 2</c>.</summary>
    public string Describe() => FormName + " " + Operands();

    /// <summary>Formats the encoding as assembler operands (<see cref="Operands"/>).</summary>
    public override string ToString() => Operands();
}
