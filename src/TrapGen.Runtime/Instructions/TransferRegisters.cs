using TrapGen.Architecture;
using TrapGen.Runtime.Cpu;

namespace TrapGen.Runtime.Instructions;

/// <summary>
/// The general-purpose registers a system-register access moves its value through: Xt for MSR/MRS and
/// SYS; Rt for MCR/MRC (the low word); Rt with the low word and Rt2 with the high word for MCRR/MRRC.
/// One home for those moves: the emulated CPU's direct accesses and the trace tool's values use it.
/// </summary>
public static class TransferRegisters
{
    /// <summary>Gets the value the access's transfer registers hold: 64 bits for Xt and the Rt/Rt2 pair, 32 for Rt.</summary>
    public static ulong Read(GeneralPurposeRegisters registers, in SystemRegisterAccess access)
    {
        System.ArgumentNullException.ThrowIfNull(registers);
        return access.TrapClass switch
        {
            TrapClassKind.Msr => registers.ReadX((int)access.Rt),
            TrapClassKind.Mcr => registers.ReadR((int)access.Rt),
            _ => RegisterHalves.Compose(registers.ReadR((int)access.Rt), registers.ReadR((int)access.Rt2)),
        };
    }

    /// <summary>Puts <paramref name="value"/> in the access's transfer registers (an MCR's Rt takes its low word).</summary>
    public static void Write(GeneralPurposeRegisters registers, in SystemRegisterAccess access, ulong value)
    {
        System.ArgumentNullException.ThrowIfNull(registers);
        switch (access.TrapClass)
        {
            case TrapClassKind.Msr:
                registers.WriteX((int)access.Rt, value);
                break;
            case TrapClassKind.Mcr:
                registers.WriteR((int)access.Rt, RegisterHalves.Lo(value));
                break;
            default:
                registers.WriteR((int)access.Rt, RegisterHalves.Lo(value));
                registers.WriteR((int)access.Rt2, RegisterHalves.Hi(value));
                break;
        }
    }

    /// <summary>Gets how many bits the transfer registers move: 32 for an MCR/MRC's Rt, else 64.</summary>
    public static int Width(in SystemRegisterAccess access) => access.TrapClass == TrapClassKind.Mcr ? 32 : 64;
}
