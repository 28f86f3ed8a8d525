using System;
using System.Collections.Generic;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Emulation;
using TrapGen.Runtime.Traps;

namespace TrapGen.Runtime.Domains;

/// <summary>
/// A guest: its vCPUs, the hypervisor that runs them on one physical CPU, and the emulated CPU they
/// execute on, which is one CPU model (<see cref="CpuModels"/>: cortex-a57 unless named). <see cref="Build"/>
/// is the seed's construct_dom0; <see cref="SwitchTo"/> its context switch.
/// </summary>
public sealed class Domain
{
    /// <summary>
    /// Creates a domain with one vCPU per entry of <paramref name="vcpuStates"/> on <paramref name="model"/>
    /// (<see cref="CpuModels.Default"/> when null). Each vCPU's identification registers start at the model's
    /// values. A model without AArch32 at EL1 cannot run an AArch32 vCPU.
    /// </summary>
    public Domain(IReadOnlyList<ExecutionState> vcpuStates, UnhandledAccessPolicy policy = UnhandledAccessPolicy.InjectUndefined, ITrapObserver? observer = null, CpuModel? model = null)
    {
        ArgumentNullException.ThrowIfNull(vcpuStates);
        if (vcpuStates.Count == 0)
        {
            throw new ArgumentException("A domain needs at least one vCPU.", nameof(vcpuStates));
        }

        Model = model ?? CpuModels.Default;
        if (!Model.HasAarch32El1 && vcpuStates.Contains(ExecutionState.Aarch32))
        {
            throw new ArgumentException(Model.Name + " has no AArch32 at EL1 (ID_AA64PFR0_EL1.EL1 is 0b0001): it cannot run an AArch32 vCPU.", nameof(vcpuStates));
        }

        Vcpus = vcpuStates.Select((state, id) => new Vcpu(id, state)).ToList();
        foreach (var vcpu in Vcpus)
        {
            ModelValues.Load(Model, vcpu.SavedSystemRegisters);
        }

        Hypervisor = new Hypervisor(Vcpus[0], policy, observer, Model);
        Cpu = new EmulatedCpu(Hypervisor);
    }

    /// <summary>Gets the CPU model the domain runs on.</summary>
    public CpuModel Model { get; }

    /// <summary>Gets the vCPUs.</summary>
    public IReadOnlyList<Vcpu> Vcpus { get; }

    /// <summary>Gets the hypervisor running the domain.</summary>
    public Hypervisor Hypervisor { get; }

    /// <summary>Gets the emulated CPU the vCPUs execute on.</summary>
    public EmulatedCpu Cpu { get; }

    /// <summary>Gets whether the default path crashed the domain.</summary>
    public bool IsCrashed => Hypervisor.DomainCrashed;

    /// <summary>Gets the running vCPU.</summary>
    public Vcpu Current => Hypervisor.Current;

    /// <summary>Prepares the guest's boot: its MMU is off, so HCR_EL2.DC and TVM are set (the seed's construct_dom0).</summary>
    public void Build() => Hypervisor.PrepareGuestBoot();

    /// <summary>Runs vCPU <paramref name="id"/> next (the seed's ctxt_switch_to).</summary>
    public void SwitchTo(int id)
    {
        if ((uint)id >= (uint)Vcpus.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(id), id, "The domain has " + Vcpus.Count + " vCPUs.");
        }

        Hypervisor.SwitchTo(Vcpus[id]);
    }
}
