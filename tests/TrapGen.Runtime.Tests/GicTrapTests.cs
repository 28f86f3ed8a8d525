using System.Linq;
using TrapGen.Architecture;
using TrapGen.Instructions;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Domains;
using TrapGen.Runtime.Emulation;
using TrapGen.Testing;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>
/// The GIC CPU interface's traps on the emulated CPU, in the order of Arm's accessor pseudocode (ICC_*_EL1, EL1
/// branch): ICC_SRE_EL1.SRE == 0 first (never, here: the CPU treats SRE as 1, as QEMU's GICv3 has it RAO/WI), then
/// HFGxTR_EL2.ICC_IGRPENn_EL1, then ICH_HCR_EL2's TDIR (ICC_DIR_EL1 only), TC, TALL0 or TALL1, then for the SGI
/// registers' writes HCR_EL2.FMO and IMO. For every other register IMO/FMO only select the virtual ICV_* register:
/// no trap. AArch64 on neoverse-n2 (ID_AA64PFR0_EL1.GIC 1); the AArch32 views on cortex-a57 given the GIC System
/// registers (no model with them has AArch32 at EL1). On a model without them (cortex-a57 and QEMU's other models,
/// read on virt without gic-version=3) the ICC_* registers are UNDEFINED at EL1 first, whatever ICH_HCR_EL2 holds.
/// </summary>
public sealed class GicTrapTests
{
    private static readonly ulong Fmo = TrapControls.FMO.Mask;

    private static readonly ulong Imo = TrapControls.IMO.Mask;

    /// <summary>An instruction, HCR_EL2's FMO/IMO and ICH_HCR_EL2's bits (by name), and the control that traps it or "-".</summary>
    public static TheoryData<string, string, string> Decisions() => new()
    {
        { "msr icc_sgi1r_el1, x2", "TC FMO IMO", "TC" },
        { "msr icc_sgi1r_el1, x2", "FMO IMO", "FMO" },
        { "msr icc_sgi1r_el1, x2", "IMO", "IMO" },
        { "msr icc_sgi0r_el1, x2", "IMO", "IMO" },
        { "msr icc_asgi1r_el1, x2", "FMO", "FMO" },
        { "msr icc_sgi1r_el1, x2", "TALL0 TALL1 TDIR", "-" },
        { "msr icc_dir_el1, x2", "TC TDIR", "TDIR" },
        { "msr icc_dir_el1, x2", "TC FMO IMO", "TC" },
        { "msr icc_dir_el1, x2", "FMO IMO", "-" },
        { "mrs x2, icc_iar1_el1", "TALL1", "TALL1" },
        { "mrs x2, icc_iar1_el1", "TALL0 TC IMO", "-" },
        { "mrs x2, icc_iar0_el1", "TALL0 FMO", "TALL0" },
        { "msr icc_eoir0_el1, x2", "TALL1 TC FMO", "-" },
        { "msr icc_bpr1_el1, x2", "TALL1 IMO", "TALL1" },
        { "mrs x2, icc_pmr_el1", "TC", "TC" },
        { "mrs x2, icc_rpr_el1", "TALL0 TALL1 FMO IMO", "-" },
        { "msr icc_ctlr_el1, x2", "TC", "TC" },
        { "msr icc_igrpen1_el1, x2", "TALL1", "TALL1" },
        { "mrs x2, icc_sre_el1", "TC TALL0 TALL1 TDIR FMO IMO", "-" },
    };

    /// <summary>AArch32 views: an instruction, the bits set, the control and the exception class it is reported in.</summary>
    public static TheoryData<string, string, string, int> Aarch32Decisions() => new()
    {
        { "mcrr p15, 0, r2, r3, c12", "FMO", "FMO", 0x04 },
        { "mcrr p15, 2, r2, r3, c12", "TC IMO", "TC", 0x04 },
        { "mrc p15, 0, r2, c12, c12, 3", "TALL1", "TALL1", 0x03 },
        { "mcr p15, 0, r2, c12, c11, 1", "TC TDIR", "TDIR", 0x03 },
        { "mrc p15, 0, r2, c12, c12, 3", "IMO", "-", 0 },
    };

    [Theory]
    [MemberData(nameof(Decisions))]
    public void An_aarch64_access_traps_by_the_first_active_control_of_the_pseudocode(string instruction, string active, string expected)
    {
        var domain = GicDomain(ExecutionState.Aarch64, active);
        var word = GuestCode.A64(instruction)[0];

        AssertDecision(domain, word, InstructionSet.A64, expected, 0x18);
    }

    [Theory]
    [MemberData(nameof(Aarch32Decisions))]
    public void An_aarch32_view_traps_by_the_same_control_in_its_own_class(string instruction, string active, string expected, int exceptionClass)
    {
        var domain = GicDomain(ExecutionState.Aarch32, active);
        var word = GuestCode.A32(instruction)[0];

        AssertDecision(domain, word, InstructionSet.A32, expected, exceptionClass);
    }

    [Theory]
    [InlineData("msr icc_sgi1r_el1, x2")]
    [InlineData("mrs x2, icc_iar1_el1")]
    [InlineData("msr icc_dir_el1, x2")]
    public void On_a_model_without_the_gic_system_registers_an_icc_access_is_undefined_first(string instruction)
    {
        Assert.False(CpuModels.Default.Satisfies("GICv3"));
        var domain = Machine.Aarch64();
        domain.Build();
        domain.Hypervisor.Hcr.Value = (1UL << HcrEl2.RW) | Fmo | Imo;
        domain.Hypervisor.IchHcr = ~0UL;

        var result = domain.Cpu.Execute(GuestCode.A64(instruction)[0]);

        Assert.Equal((ExecutionKind.UndefinedAtEl1, UndefinedReason.NotImplemented), (result.Kind, result.Undefined));
    }

    [Fact]
    public void A_trace_register_change_reaches_ich_hcr_el2()
    {
        var domain = GicDomain(ExecutionState.Aarch64, string.Empty);
        domain.Hypervisor.SetControlRegister(IchHcrEl2.Name, TrapControls.TALL1.Mask);

        Assert.Equal((TrapControls.TALL1.Mask, TrapControls.TALL1.Mask), (domain.Hypervisor.IchHcr, domain.Hypervisor.ControlRegister(IchHcrEl2.Name)));
        Assert.Equal(TrapControls.TALL1.Mask, domain.Hypervisor.Controls.IchHcr);
    }

    /// <summary>Cortex-A57 with the GIC System register interface (ID_AA64PFR0_EL1.GIC and ID_PFR1_EL1.GIC 1), as QEMU gives it with gic-version=3.</summary>
    private static CpuModel Aarch32GicModel() =>
        Machine.ModelWith("cortex-a57", "cortex-a57-gicv3", ("ID_AA64PFR0_EL1", "GIC", 1), ("ID_PFR1_EL1", "GIC", 1));

    private static Domain GicDomain(ExecutionState state, string active)
    {
        var domain = new Domain([state], model: state == ExecutionState.Aarch64 ? CpuModels.Find("neoverse-n2") : Aarch32GicModel());
        domain.Build();
        domain.Hypervisor.Hcr.Value = state == ExecutionState.Aarch64 ? 1UL << HcrEl2.RW : 0;
        foreach (var name in active.Split(' ', System.StringSplitOptions.RemoveEmptyEntries))
        {
            var control = TrapControls.Find(name)!;
            domain.Hypervisor.SetControlRegister(control.Register, domain.Hypervisor.ControlRegister(control.Register) | control.Mask);
        }

        return domain;
    }

    private static void AssertDecision(Domain domain, uint word, InstructionSet set, string expected, int exceptionClass)
    {
        Assert.True(InstructionDecoder.TryDecode(word, set, out var access));
        Assert.True(domain.Hypervisor.Model.Satisfies("GICv3"));

        var result = domain.Cpu.Execute(word);

        if (expected == "-")
        {
            Assert.NotEqual(ExecutionKind.Trapped, result.Kind);
            Assert.NotEqual(ExecutionKind.UndefinedAtEl1, result.Kind);
            return;
        }

        Assert.Equal((ExecutionKind.Trapped, expected), (result.Kind, result.Control?.Name));
        Assert.Equal(((uint)exceptionClass, SyndromeBuilder.Build(access)), ((result.Esr >> 26) & 0x3F, result.Esr));
    }
}
