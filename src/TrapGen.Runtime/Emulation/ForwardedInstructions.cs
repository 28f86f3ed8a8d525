using System;

namespace TrapGen.Runtime.Emulation;

/// <summary>
/// The System instructions the hypervisor performed on the hardware for its guests (the catalogue's
/// <c>handling: forward</c>): the emulated hardware keeps no caches or TLBs, so performing one is
/// counting it. Counting allocates nothing.
/// </summary>
public sealed class ForwardedInstructions
{
    private readonly long[] counts = new long[Enum.GetValues<CataloguedInstruction>().Length];

    /// <summary>Gets how many times <paramref name="instruction"/> was performed; 0 for a value outside the enum.</summary>
    public long Count(CataloguedInstruction instruction) => (uint)instruction < (uint)counts.Length ? counts[(int)instruction] : 0;

    /// <summary>Gets how many instructions were performed in all.</summary>
    public long Total { get; private set; }

    /// <summary>Performs <paramref name="instruction"/> with <paramref name="operand"/> on the hardware.</summary>
    internal void Perform(CataloguedInstruction instruction, ulong operand)
    {
        _ = operand;
        if ((uint)instruction < (uint)counts.Length)
        {
            counts[(int)instruction]++;
        }

        Total++;
    }
}
