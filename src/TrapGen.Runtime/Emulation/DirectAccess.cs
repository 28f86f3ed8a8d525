using TrapGen.Architecture;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Instructions;
using TrapGen.Runtime.Traps;

namespace TrapGen.Runtime.Emulation;

/// <summary>
/// An access that does not trap: the hardware moves the value between the general-purpose registers
/// and the live EL1 registers itself. Registers the live register file does not hold (emulated ones,
/// or ones no catalogue lists) keep their value in the vCPU's other-register store, per exception class
/// and key: a register never written there reads as 0. The catalogue lists cp15 registers only, so cp14
/// registers and the VMRS ID registers (FPSID, MVFRn) always live there, as cp15 registers the
/// catalogue does not keep do.
/// </summary>
internal static class DirectAccess
{
    public static void Perform(Hypervisor hypervisor, Vcpu vcpu, in SystemRegisterAccess access, uint key)
    {
        var gprs = vcpu.Registers;
        var hardware = hypervisor.Hardware;
        if (access.Kind == InstructionKind.SystemRegisterMove && Kept(access, key, out var register, out var view) && hardware.TryRead(register.Register, out var whole))
        {
            // An MRC's Rt takes the low word of what it is given: the HI view gives bits [63:32].
            if (access.IsRead)
            {
                TransferRegisters.Write(gprs, access, RegisterViewBits.Read(view, whole));
            }
            else
            {
                hardware.TryWrite(register.Register, RegisterViewBits.Write(view, register.Width, whole, TransferRegisters.Read(gprs, access)));
            }

            return;
        }

        Other(vcpu, access, key);
    }

    /// <summary>Finds the register the live register file keeps for the access, and the bits its form reaches.</summary>
    private static bool Kept(in SystemRegisterAccess access, uint key, out SystemRegisterInfo register, out RegisterView view)
    {
        view = RegisterView.Whole;
        switch (access.TrapClass)
        {
            case TrapClassKind.Msr when CatalogueIndex.TryFindAarch64(key, out register):
                return true;
            case TrapClassKind.Mcr when CatalogueIndex.TryFindAarch32(TrapClassKind.Mcr, key, out register, out var alias):
                view = alias.View;
                return true;
            case TrapClassKind.Mcrr when CatalogueIndex.TryFindAarch32(TrapClassKind.Mcrr, key, out register, out _):
                return true;
            default:
                register = null!;
                return false;
        }
    }

    private static void Other(Vcpu vcpu, in SystemRegisterAccess access, uint key)
    {
        var slot = ((ulong)access.ExceptionClass << 32) | key;
        if (!access.IsRead)
        {
            vcpu.OtherSystemRegisters[slot] = TransferRegisters.Read(vcpu.Registers, access);
            return;
        }

        vcpu.OtherSystemRegisters.TryGetValue(slot, out var value);
        TransferRegisters.Write(vcpu.Registers, access, value);
    }
}
