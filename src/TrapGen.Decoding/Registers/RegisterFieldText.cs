using System.Collections.Generic;
using System.Linq;
using TrapGen.Architecture;

namespace TrapGen.Decoding;

/// <summary>One field of a register, where the register-field table has it.</summary>
/// <param name="Name">The field's name: <c>M</c>, <c>EE</c>.</param>
/// <param name="Bits">Its bits: <c>25</c> or <c>31:28</c>.</param>
/// <param name="Lsb">Its lowest bit.</param>
/// <param name="Width">Its width in bits.</param>
public sealed record RegisterFieldText(string Name, string Bits, int Lsb, int Width)
{
    /// <summary>The fields of <paramref name="aarch64Name"/> the table has, most significant first; none when it has none.</summary>
    /// <param name="aarch64Name">An AArch64 register's name.</param>
    /// <returns>The fields.</returns>
    public static IReadOnlyList<RegisterFieldText> Of(string aarch64Name) =>
        [.. RegisterFields.Of(aarch64Name).OrderByDescending(f => f.Lsb).Select(f => new RegisterFieldText(f.Name, f.BitRange, f.Lsb, f.Width))];
}
