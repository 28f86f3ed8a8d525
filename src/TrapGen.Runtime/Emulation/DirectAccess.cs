using TrapGen.Architecture;
using TrapGen.Instructions;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Traps;

namespace TrapGen.Runtime.Emulation;

/// <summary>
/// An access that does not trap: the hardware moves the value between the access's transfer (the
/// general-purpose registers, or for LDC/STC the guest's memory) and the live EL1 registers itself, through
/// the bits the access's form reaches. Registers the live register file does not hold (emulated ones, or ones
/// no catalogue lists) keep their value in the vCPU's other-register store, per exception class and key: a
/// register never written there reads as the CPU model's value of it (an identification register), else a new vCPU's
/// (<see cref="GuestCpacr.ResetValueOf"/>), else 0.
/// Every write keeps only what the CPU model implements of the register (<see cref="CpuModel.WriteMaskOf"/>):
/// a write through an AArch32 half keeps the other half and masks its own.
/// </summary>
internal static class DirectAccess
{
    public static void Perform(Hypervisor hypervisor, Vcpu vcpu, in SystemRegisterAccess access, uint key)
    {
        if (access.Class.TransfersRegisterPair)
        {
            PerformPair(hypervisor, vcpu, access, key);
            return;
        }

        var hardware = hypervisor.Hardware;
        if (CatalogueIndex.TryFindRegister(access.Class, key, out var register, out var view) && hardware.TryRead(register.Register, out var whole))
        {
            // An MRC's Rt takes the low word of what it is given: the HI view gives bits [63:32].
            if (access.IsRead)
            {
                TransferRegisters.Write(vcpu, access, AsReadAtEl1(hypervisor, access.Class, key, RegisterViewBits.Read(view, whole)));
            }
            else
            {
                var written = RegisterViewBits.Write(view, register.Width, whole, TransferRegisters.Read(vcpu, access));
                hardware.TryWrite(register.Register, hypervisor.Implemented.Keep(register.Register, written));
            }
        }
        else
        {
            Other(hypervisor, vcpu, access, key);
        }

        TransferRegisters.WriteBack(vcpu, access);
    }

    /// <summary>
    /// Gets the value a read of the register at <paramref name="key"/> of <paramref name="trapClass"/> would give the guest
    /// now, without moving it: what the CPU itself consults (CPACR_EL1.FPEN before a floating-point instruction).
    /// </summary>
    public static ulong Peek(Hypervisor hypervisor, Vcpu vcpu, TrapClass trapClass, uint key)
    {
        if (CatalogueIndex.TryFindRegister(trapClass, key, out var register, out var view) && hypervisor.Hardware.TryRead(register.Register, out var whole))
        {
            return AsReadAtEl1(hypervisor, trapClass, key, RegisterViewBits.Read(view, whole));
        }

        return AsReadAtEl1(hypervisor, trapClass, key, vcpu.OtherSystemRegisters.TryGetValue(((ulong)trapClass.ExceptionClass << 32) | key, out var value) ? value : ModelValue(hypervisor.Model, trapClass, key));
    }

    /// <summary>
    /// An MRRS or MSRR: bits [63:0] move through X[Rt] as the register's MRS or MSR moves them (the catalogue's hardware
    /// register, or the CPU's own), bits [127:64] through X[Rt+1] from or to the CPU's upper half of the register, which only
    /// these instructions reach; it reads 0 until written and keeps what MSRR writes (the upper half's RES0 bits are not
    /// modelled).
    /// </summary>
    private static void PerformPair(Hypervisor hypervisor, Vcpu vcpu, in SystemRegisterAccess access, uint key)
    {
        var low = access with { Class = TrapClasses.Msr, Rt2 = 0 };
        Perform(hypervisor, vcpu, low, low.Key);
        var upper = ((ulong)access.ExceptionClass << 32) | key;
        if (access.IsRead)
        {
            vcpu.Registers.WriteX((int)access.Rt2, vcpu.OtherSystemRegisters.TryGetValue(upper, out var high) ? high : 0);
        }
        else
        {
            vcpu.OtherSystemRegisters[upper] = vcpu.Registers.ReadX((int)access.Rt2);
        }
    }

    private static void Other(Hypervisor hypervisor, Vcpu vcpu, in SystemRegisterAccess access, uint key)
    {
        var slot = ((ulong)access.ExceptionClass << 32) | key;
        if (!access.IsRead)
        {
            vcpu.OtherSystemRegisters[slot] = Kept(hypervisor.Model, access.Class, key, TransferRegisters.Read(vcpu, access));
            return;
        }

        if (!vcpu.OtherSystemRegisters.TryGetValue(slot, out var value))
        {
            value = ModelValue(hypervisor.Model, access.Class, key);
        }

        TransferRegisters.Write(vcpu, access, AsReadAtEl1(hypervisor, access.Class, key, value));
    }

    /// <summary>
    /// What an EL1 read of the register at <paramref name="key"/> gives where that differs from the register's value: PMCR_EL0.N
    /// (and PMCR.N, its AArch32 view's same bits) reads as the Effective value of MDCR_EL2.HPMN while EL2 is enabled, as the
    /// guest's always is (D24.5.8), on a model with the PMU that has the field.
    /// </summary>
    private static ulong AsReadAtEl1(Hypervisor hypervisor, TrapClass trapClass, uint key, ulong value) =>
        IsPmcr(trapClass, key) && TrapControls.HPMN.ExistsOn(hypervisor.Model)
            ? PmcrEl0.N.Insert(value, (ulong)TrapControls.HPMN.EffectiveCounterLimit(hypervisor.Mdcr, hypervisor.Model))
            : value;

    /// <summary>PMCR_EL0's key, found once: every direct MRS compares with it.</summary>
    private static readonly uint PmcrKey = RegisterKeys.Of(PmcrEl0.Name);

    private static bool IsPmcr(TrapClass trapClass, uint key) =>
        trapClass == TrapClasses.Msr
            ? key == PmcrKey
            : RegistersByKey.TryFindAarch32(trapClass, key, out var aarch32) && aarch32.MapsTo == PmcrEl0.Name;

    /// <summary>
    /// What a register the live file does not hold keeps of <paramref name="written"/>: an AArch64 register its
    /// model's mask of it; an AArch32 form, which this store keeps apart from its AArch64 register, the bits of
    /// that register's mask its view reaches.
    /// </summary>
    private static ulong Kept(CpuModel model, TrapClass trapClass, uint key, ulong written)
    {
        if (trapClass == TrapClasses.Msr)
        {
            return RegistersByKey.TryFindAarch64(key, AccessDirection.Write, out var register) ? model.Keep(register.Name, written) : written;
        }

        if (!RegistersByKey.TryFindAarch32(trapClass, key, out var aarch32) || aarch32.MapsTo is not { } name)
        {
            return written;
        }

        return model.WriteMaskOf(name).KeepView(aarch32.View, written);
    }

    /// <summary>
    /// The model's value of the register an access reaches, through its view: an AArch32 ID register is its AArch64 register's
    /// low word. A register the model gives no value has a new vCPU's (CPACR_EL1: floating point enabled), else 0.
    /// </summary>
    private static ulong ModelValue(CpuModel model, TrapClass trapClass, uint key)
    {
        if (trapClass == TrapClasses.Msr)
        {
            return RegistersByKey.TryFindAarch64(key, AccessDirection.Read, out var register) ? model.ValueOf(register.Name) ?? GuestCpacr.ResetValueOf(register.Name) ?? 0 : 0;
        }

        return RegistersByKey.TryFindAarch32(trapClass, key, out var aarch32) && aarch32.MapsTo is { } name && (model.ValueOf(name) ?? GuestCpacr.ResetValueOf(name)) is { } whole
            ? RegisterViewBits.Read(aarch32.View, whole)
            : 0;
    }
}
