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
        if (access.Kind != InstructionKind.SystemRegisterMove)
        {
            Other(vcpu, access, key, access.TrapClass == TrapClassKind.Cp15Register32 ? 32 : 64);
            return;
        }

        var gprs = vcpu.Registers;
        var hardware = hypervisor.Hardware;
        switch (access.TrapClass)
        {
            case TrapClassKind.Aarch64:
                if (CatalogueIndex.TryFindAarch64(key, out var register) && hardware.TryRead(register.Register, out var value))
                {
                    if (access.IsRead)
                    {
                        gprs.WriteX((int)access.Rt, value);
                    }
                    else
                    {
                        hardware.TryWrite(register.Register, gprs.ReadX((int)access.Rt));
                    }
                }
                else
                {
                    Other(vcpu, access, key, 64);
                }

                break;

            case TrapClassKind.Cp15Register32:
                if (CatalogueIndex.TryFindAarch32(Cp15AccessForm.Mcr, key, out var target, out var alias) && hardware.TryRead(target.Register, out var whole))
                {
                    if (access.IsRead)
                    {
                        gprs.WriteR((int)access.Rt, alias.View == AliasView.Hi ? RegisterHalves.Hi(whole) : RegisterHalves.Lo(whole));
                    }
                    else
                    {
                        var written = gprs.ReadR((int)access.Rt);
                        hardware.TryWrite(target.Register, alias.View switch
                        {
                            AliasView.Lo => RegisterHalves.WithLo(whole, written),
                            AliasView.Hi => RegisterHalves.WithHi(whole, written),
                            _ => written,
                        });
                    }
                }
                else
                {
                    Other(vcpu, access, key, 32);
                }

                break;

            default:
                if (CatalogueIndex.TryFindAarch32(Cp15AccessForm.Mcrr, key, out var pairTarget, out _) && hardware.TryRead(pairTarget.Register, out var pair))
                {
                    if (access.IsRead)
                    {
                        gprs.WriteR((int)access.Rt, RegisterHalves.Lo(pair));
                        gprs.WriteR((int)access.Rt2, RegisterHalves.Hi(pair));
                    }
                    else
                    {
                        hardware.TryWrite(pairTarget.Register, RegisterHalves.Compose(gprs.ReadR((int)access.Rt), gprs.ReadR((int)access.Rt2)));
                    }
                }
                else
                {
                    Other(vcpu, access, key, 64);
                }

                break;
        }
    }

    private static void Other(Vcpu vcpu, in SystemRegisterAccess access, uint key, int width)
    {
        var slot = ((ulong)access.ExceptionClass << 32) | key;
        var gprs = vcpu.Registers;
        if (!access.IsRead)
        {
            vcpu.OtherSystemRegisters[slot] = access.TrapClass == TrapClassKind.Cp15Register64
                ? RegisterHalves.Compose(gprs.ReadR((int)access.Rt), gprs.ReadR((int)access.Rt2))
                : width == 32 ? gprs.ReadR((int)access.Rt) : gprs.ReadX((int)access.Rt);
            return;
        }

        vcpu.OtherSystemRegisters.TryGetValue(slot, out var value);
        switch (access.TrapClass)
        {
            case TrapClassKind.Aarch64:
                gprs.WriteX((int)access.Rt, value);
                break;
            case TrapClassKind.Cp15Register32:
                gprs.WriteR((int)access.Rt, RegisterHalves.Lo(value));
                break;
            default:
                gprs.WriteR((int)access.Rt, RegisterHalves.Lo(value));
                gprs.WriteR((int)access.Rt2, RegisterHalves.Hi(value));
                break;
        }
    }
}
