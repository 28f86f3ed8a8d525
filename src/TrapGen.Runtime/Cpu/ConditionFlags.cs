namespace TrapGen.Runtime.Cpu;

/// <summary>
/// The NZCV condition flags of PSTATE / CPSR (bits [31:28]) and the AArch32 condition check
/// (Arm ARM, ConditionHolds()).
/// </summary>
public struct ConditionFlags
{
    /// <summary>N, bit 31 of CPSR.</summary>
    public const int NBit = 31;

    /// <summary>Z, bit 30 of CPSR.</summary>
    public const int ZBit = 30;

    /// <summary>C, bit 29 of CPSR.</summary>
    public const int CBit = 29;

    /// <summary>V, bit 28 of CPSR.</summary>
    public const int VBit = 28;

    /// <summary>N, Z, C and V as bits 3, 2, 1 and 0: the column of <see cref="HoldsFor"/> to read.</summary>
    private byte nzcv;

    /// <summary>
    /// For each condition (0–15), the NZCV values for which it holds, as a 16-bit set (bit <c>nzcv</c>):
    /// ConditionHolds() evaluated once for all 256 pairs, so that a trap's condition check is one load and
    /// one shift, with no branch on the flags.
    /// </summary>
    private static readonly ushort[] HoldsFor = Tabulate();

    /// <summary>Gets or sets N: negative.</summary>
    public bool N
    {
        readonly get => Get(3);
        set => Set(3, value);
    }

    /// <summary>Gets or sets Z: zero.</summary>
    public bool Z
    {
        readonly get => Get(2);
        set => Set(2, value);
    }

    /// <summary>Gets or sets C: carry.</summary>
    public bool C
    {
        readonly get => Get(1);
        set => Set(1, value);
    }

    /// <summary>Gets or sets V: overflow.</summary>
    public bool V
    {
        readonly get => Get(0);
        set => Set(0, value);
    }

    /// <summary>Gets or sets the flags as CPSR bits [31:28].</summary>
    public uint Cpsr
    {
        readonly get => (uint)nzcv << VBit;
        set => nzcv = (byte)((value >> VBit) & 0b1111);
    }

    /// <summary>
    /// Gets whether an instruction with condition <paramref name="cond"/> (0–15) executes. 0b1110 (AL) and
    /// 0b1111 always do; any other value outside 0–15 is treated as its low four bits.
    /// </summary>
    public readonly bool Holds(uint cond) => ((HoldsFor[cond & 0b1111] >> nzcv) & 1) != 0;

    /// <summary>The Arm ARM's ConditionHolds(): the one statement of what each condition means.</summary>
    private static bool ConditionHolds(uint cond, bool n, bool z, bool c, bool v)
    {
        var result = (cond >> 1 & 0b111) switch
        {
            0b000 => z,
            0b001 => c,
            0b010 => n,
            0b011 => v,
            0b100 => c && !z,
            0b101 => n == v,
            0b110 => n == v && !z,
            _ => true,
        };

        // Odd conditions are the inverse of the even one below them, except 0b1111 (always).
        return (cond & 1) != 0 && cond != 0b1111 ? !result : result;
    }

    private static ushort[] Tabulate()
    {
        var table = new ushort[16];
        for (var cond = 0u; cond < 16; cond++)
        {
            for (var flags = 0; flags < 16; flags++)
            {
                if (ConditionHolds(cond, (flags & 0b1000) != 0, (flags & 0b0100) != 0, (flags & 0b0010) != 0, (flags & 0b0001) != 0))
                {
                    table[cond] |= (ushort)(1 << flags);
                }
            }
        }

        return table;
    }

    private readonly bool Get(int bit) => ((nzcv >> bit) & 1) != 0;

    private void Set(int bit, bool value) => nzcv = value ? (byte)(nzcv | (1 << bit)) : (byte)(nzcv & ~(1 << bit));
}
