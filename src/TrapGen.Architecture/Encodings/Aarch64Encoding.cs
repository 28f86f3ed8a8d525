using System.Globalization;

namespace TrapGen.Architecture;

/// <summary>
/// An AArch64 system register or System instruction encoding, as in
/// <c>MRS Xt, S&lt;op0&gt;_&lt;op1&gt;_C&lt;n&gt;_C&lt;m&gt;_&lt;op2&gt;</c>: op0 2 or 3 for registers, 1 for
/// System instructions (DC, IC, TLBI, AT).
/// </summary>
/// <param name="Op0">op0 (0 to 3).</param>
/// <param name="Op1">op1 (0 to 7).</param>
/// <param name="CRn">CRn (0 to 15).</param>
/// <param name="CRm">CRm (0 to 15).</param>
/// <param name="Op2">op2 (0 to 7).</param>
public sealed record Aarch64Encoding(int Op0, int Op1, int CRn, int CRm, int Op2)
{
    /// <summary>Gets the values in the order of the MSR/MRS class's key fields: op0, op1, CRn, CRm, op2.</summary>
    public int[] KeyValues => [Op0, Op1, CRn, CRm, Op2];

    /// <summary>Gets the ISS key of the encoding (<see cref="TrapClasses.Msr"/>).</summary>
    public uint Key => TrapClasses.Msr.Key(KeyValues);

    /// <summary>Formats the encoding as a tuple for messages: <c>(3,3,14,0,1)</c>.</summary>
    public string Tuple => string.Format(CultureInfo.InvariantCulture, "({0},{1},{2},{3},{4})", Op0, Op1, CRn, CRm, Op2);

    /// <summary>Formats the encoding in the generic assembler form, <c>s3_0_c1_c0_0</c>.</summary>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "s{0}_{1}_c{2}_c{3}_{4}", Op0, Op1, CRn, CRm, Op2);
}
