using TrapGen.Architecture;

namespace TrapGen.Runtime.Emulation;

/// <summary>
/// What the hardware keeps of a write to each slot of the live register file, on one CPU model: each slot's
/// <see cref="WriteMask"/> (<see cref="CpuModel.WriteMaskOf"/>), looked up once when the hypervisor starts,
/// so that a trapped write passed through and a direct write both mask by an array index, allocating nothing.
/// </summary>
internal sealed class ImplementedBits
{
    private readonly WriteMask[] bySlot;

    private readonly WriteMask[] byRegister;

    public ImplementedBits(CpuModel model)
    {
        bySlot = new WriteMask[SystemRegisterFile.SlotNames.Length];
        for (var slot = 0; slot < bySlot.Length; slot++)
        {
            bySlot[slot] = SystemRegisterFile.SlotNames[slot] is { } name ? model.WriteMaskOf(name) : WriteMask.All;
        }

        byRegister = new WriteMask[SystemRegisters.All.Count];
        foreach (var register in SystemRegisters.All)
        {
            byRegister[(int)register.Register] = model.WriteMaskOf(register.Name);
        }
    }

    /// <summary>Gets what the register in <paramref name="slot"/> holds after <paramref name="value"/>, its whole new value, is written.</summary>
    public ulong Keep(int slot, ulong value) => bySlot[slot].Keep(value);

    /// <summary>Gets what <paramref name="register"/> holds after <paramref name="value"/>, its whole new value, is written.</summary>
    public ulong Keep(SystemRegister register, ulong value) => byRegister[(int)register].Keep(value);
}
