using System.Collections.Generic;

namespace TrapGen.Runtime.Cpu;

/// <summary>
/// The words of a guest's memory that LDC and STC of the debug data transfer register move: a sparse store
/// of 32-bit words by address, as the guest's EL1 sees them (the emulated machine maps memory flat). A word
/// never written reads as zero. Part of the vCPU's machine, so nothing leaks between guests.
/// </summary>
public sealed class GuestMemory
{
    private readonly Dictionary<uint, uint> words = [];

    /// <summary>Gets the word at <paramref name="address"/>: four bytes from it, as a 32-bit little-endian load reads them when aligned.</summary>
    public uint ReadWord(uint address) => words.TryGetValue(address, out var value) ? value : 0;

    /// <summary>Stores <paramref name="value"/> at <paramref name="address"/>.</summary>
    public void WriteWord(uint address, uint value) => words[address] = value;
}
