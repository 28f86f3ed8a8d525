using TrapGen.Architecture;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Domains;
using TrapGen.Runtime.Emulation;
using TrapGen.Runtime.Traps;
using TrapGen.Testing;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>
/// A trap a fine-grained control takes reaches the hypervisor's dispatch exactly as a coarse control's trap of the same
/// access does (issue 23): on apple-m3, the model with FEAT_FGT, the access traps with the same syndrome, and the
/// dispatch, keyed on the register and not on the control, gives the same outcome and moves the same value; only the
/// control the trap is reported under differs. What a fine-grained group's <c>others:</c> makes of an access the
/// catalogue does not list is compiled and run in the generator's tests (OthersHandlingTests); which controls are set is
/// the hypervisor's, not the catalogue's.
/// </summary>
public sealed class FineGrainedGroupTests
{
    private static readonly CpuModel AppleM3 = CpuModels.Find("apple-m3")!;

    public static TheoryData<string, string, string> Accesses => new()
    {
        // A listed register: TTBR0_EL1 is the shipped catalogue's passthrough, trapped for reads by TRVM or HFGRTR_EL2's field.
        { "mrs x1, ttbr0_el1", "HFGRTR_EL2.TTBR0_EL1", "HCR_EL2.TRVM" },
        // An access no entry and no group's others handles: the unhandled-access policy decides, whichever control trapped it.
        { "mrs x1, lorid_el1", "HFGRTR_EL2.LORID_EL1", "HCR_EL2.TLOR" },
        { "msr lorc_el1, x1", "HFGWTR_EL2.LORC_EL1", "HCR_EL2.TLOR" },
    };

    [Theory]
    [MemberData(nameof(Accesses))]
    public void A_fine_grained_trap_is_dispatched_as_the_coarse_trap_of_the_same_access(string instruction, string fineGrained, string coarse)
    {
        var word = GuestCode.A64(".arch armv8.1-a", instruction)[0];
        var fine = TrapControls.Find(fineGrained)!;
        var hcr = TrapControls.Find(coarse)!;

        var (byFine, valueByFine) = Run(word, fine);
        var (byCoarse, valueByCoarse) = Run(word, hcr);

        Assert.Equal((ExecutionKind.Trapped, fine), (byFine.Kind, byFine.Control));
        Assert.Equal((ExecutionKind.Trapped, hcr), (byCoarse.Kind, byCoarse.Control));
        Assert.Equal(TrapClasses.Msr.ExceptionClass, EsrFields.GetEC(byFine.Esr));
        Assert.Equal((byCoarse.Esr, byCoarse.Outcome, valueByCoarse), (byFine.Esr, byFine.Outcome, valueByFine));
    }

    [Fact]
    public void A_fine_grained_control_the_model_lacks_traps_nothing()
    {
        var domain = new Domain([ExecutionState.Aarch64], model: CpuModels.Find("cortex-a57"));
        domain.Build();
        var fine = TrapControls.Find("HFGRTR_EL2.TTBR0_EL1")!;
        domain.Hypervisor.SetControlRegister(fine.Register, fine.Mask);

        Assert.Equal(ExecutionKind.Direct, domain.Cpu.Execute(GuestCode.A64("mrs x1, ttbr0_el1")[0]).Kind);
    }

    /// <summary>Runs <paramref name="word"/> on a new apple-m3 domain with only <paramref name="control"/> trapping (besides the built domain's DC and TVM).</summary>
    private static (ExecutionResult Result, ulong X1) Run(uint word, TrapControl control)
    {
        var domain = new Domain([ExecutionState.Aarch64], model: AppleM3);
        domain.Build();
        domain.Current.Registers.WriteX(1, 0x1234_5000);
        var value = domain.Hypervisor.ControlRegister(control.Register);
        domain.Hypervisor.SetControlRegister(control.Register, control.TrapsWhenSet ? value | control.Mask : value & ~control.Mask);
        var result = domain.Cpu.Execute(word);
        return (result, domain.Current.Registers.ReadX(1));
    }
}
