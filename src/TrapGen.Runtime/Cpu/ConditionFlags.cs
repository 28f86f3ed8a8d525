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

    /// <summary>Gets or sets N: negative.</summary>
    public bool N { get; set; }

    /// <summary>Gets or sets Z: zero.</summary>
    public bool Z { get; set; }

    /// <summary>Gets or sets C: carry.</summary>
    public bool C { get; set; }

    /// <summary>Gets or sets V: overflow.</summary>
    public bool V { get; set; }

    /// <summary>Gets or sets the flags as CPSR bits [31:28].</summary>
    public uint Cpsr
    {
        readonly get => (N ? 1u << NBit : 0) | (Z ? 1u << ZBit : 0) | (C ? 1u << CBit : 0) | (V ? 1u << VBit : 0);
        set
        {
            N = ((value >> NBit) & 1) != 0;
            Z = ((value >> ZBit) & 1) != 0;
            C = ((value >> CBit) & 1) != 0;
            V = ((value >> VBit) & 1) != 0;
        }
    }

    /// <summary>
    /// Gets whether an instruction with condition <paramref name="cond"/> (0–15) executes. 0b1110 (AL) and
    /// 0b1111 always do; any other value outside 0–15 is treated as its low four bits.
    /// </summary>
    public readonly bool Holds(uint cond)
    {
        var result = (cond >> 1 & 0b111) switch
        {
            0b000 => Z,
            0b001 => C,
            0b010 => N,
            0b011 => V,
            0b100 => C && !Z,
            0b101 => N == V,
            0b110 => N == V && !Z,
            _ => true,
        };

        // Odd conditions are the inverse of the even one below them, except 0b1111 (always).
        return (cond & 1) != 0 && (cond & 0b1111) != 0b1111 ? !result : result;
    }
}
