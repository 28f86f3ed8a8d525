namespace TrapGen.Runtime.Cpu;

/// <summary>
/// PSTATE.IT (ITSTATE), the state of a T32 IT block: IT[7:4] the condition of the block's current instruction
/// (IT[7:5] the block's base condition, IT[4] whether the current slot is a "then" or an "else"), IT[3:0] the mask
/// that says how many instructions remain. The Arm ARM's InITBlock(), LastInITBlock() and AArch32.ITAdvance()
/// (J1.2), and where an exception's SPSR keeps it: IT[1:0] in SPSR[26:25], IT[7:2] in SPSR[15:10]. Any of the 256
/// values is accepted: a reserved one (IT[3:0] 0 and IT[7:4] not) is outside a block, and advancing it clears it.
/// </summary>
/// <param name="Value">The eight bits of PSTATE.IT.</param>
public readonly record struct ItState(byte Value)
{
    /// <summary>Gets the state outside every IT block.</summary>
    public static ItState None => default;

    /// <summary>Gets whether the next instruction is in an IT block (InITBlock(): IT[3:0] is not 0).</summary>
    public bool InBlock => (Value & 0b1111) != 0;

    /// <summary>Gets whether the next instruction is the last of its IT block (LastInITBlock(): IT[3:0] is 0b1000).</summary>
    public bool LastInBlock => (Value & 0b1111) == 0b1000;

    /// <summary>Gets the condition of the next instruction (IT[7:4]) in an IT block, and AL (0b1110) outside one.</summary>
    public uint Condition => InBlock ? (uint)Value >> 4 : 0b1110;

    /// <summary>Gets the state after the current instruction (AArch32.ITAdvance(): cleared after the block's last, else IT[4:0] shifted left).</summary>
    public ItState Advance() => (Value & 0b111) == 0 ? None : new ItState((byte)((Value & 0b1110_0000) | ((Value << 1) & 0b1_1111)));

    /// <summary>Gets the state as an SPSR holds it: IT[1:0] in bits [26:25], IT[7:2] in bits [15:10].</summary>
    public uint SpsrBits => ((uint)(Value & 0b11) << 25) | ((uint)(Value >> 2) << 10);

    /// <summary>Gets the state an SPSR holds (<see cref="SpsrBits"/>); its other bits are ignored.</summary>
    public static ItState FromSpsr(uint spsr) => new((byte)(((spsr >> 25) & 0b11) | (((spsr >> 10) & 0b11_1111) << 2)));
}
