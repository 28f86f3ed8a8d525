namespace TrapGen.Runtime.Cpu;

/// <summary>
/// A vCPU's general-purpose registers. AArch64 sees X0–X30 (index 31 is XZR: reads zero, writes
/// discarded); AArch32 sees R0–R14 as the low words of X0–X14, as the architecture maps them. Every
/// index a guest can encode (0–31) is accepted without an exception.
/// </summary>
public sealed class GeneralPurposeRegisters
{
    /// <summary>The number of X registers (X0–X30).</summary>
    public const int Count = 31;

    /// <summary>The register number that reads as zero in AArch64 system-register moves.</summary>
    public const int ZeroRegister = 31;

    private readonly ulong[] x = new ulong[Count];

    /// <summary>Reads X<paramref name="index"/>; XZR (31) and out-of-range indices read as zero.</summary>
    public ulong ReadX(int index) => (uint)index < Count ? x[index] : 0;

    /// <summary>Writes X<paramref name="index"/>; writes to XZR (31) and out-of-range indices are discarded.</summary>
    public void WriteX(int index, ulong value)
    {
        if ((uint)index < Count)
        {
            x[index] = value;
        }
    }

    /// <summary>Reads R<paramref name="index"/>, the low word of X<paramref name="index"/>.</summary>
    public uint ReadR(int index) => (uint)ReadX(index);

    /// <summary>Writes R<paramref name="index"/>; the upper word of the X register is cleared.</summary>
    public void WriteR(int index, uint value) => WriteX(index, value);

    /// <summary>Clears every register.</summary>
    public void Clear() => System.Array.Clear(x);
}
