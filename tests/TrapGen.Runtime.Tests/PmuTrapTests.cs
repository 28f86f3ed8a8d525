using System.Linq;
using TrapGen.Architecture;
using TrapGen.Instructions;
using TrapGen.Runtime.Emulation;
using TrapGen.Testing;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>
/// MDCR_EL2's TPM and TPMCR on the emulated CPU (the default model, cortex-a57, with 6 event counters): every
/// Performance Monitors register of the architecture the model has, AArch64 and cp15 (MRC/MCR and MRRC/MCRR),
/// traps under TPM, PMCR_EL0 (PMCR) under TPMCR too, with the access's own syndrome (EC 0x18, 0x03, 0x04);
/// under TDE alone, or every other MDCR_EL2 bit, it does not. What the model lacks (event counter 6 and up,
/// PMMIR_EL1 of FEAT_PMUv3p4, PMCEID2 and PMCEID3 of FEAT_PMUv3p1) is UNDEFINED at EL1 first, whatever MDCR_EL2 says.
/// </summary>
public sealed class PmuTrapTests
{
    private static readonly ulong Tde = 1UL << MdcrEl2.TDE;

    /// <summary>Every access of a PMU register the default model has: its text, and whether an AArch64 guest runs it.</summary>
    public static TheoryData<string, bool> Accesses()
    {
        var data = new TheoryData<string, bool>();
        foreach (var text in Aarch64Registers.All.Where(r => PerformanceMonitors.IsRegister(r) && CpuModels.Default.Implements(r)).SelectMany(RegisterAccessInstructions.Of))
        {
            data.Add(text, true);
        }

        foreach (var text in Aarch32Registers.All.Where(r => PerformanceMonitors.IsRegister(r) && CpuModels.Default.Implements(r)).SelectMany(RegisterAccessInstructions.Of).Distinct())
        {
            data.Add(text, false);
        }

        return data;
    }

    [Fact]
    public void The_default_model_has_the_armv8_0_pmu_registers_and_six_event_counters()
    {
        Assert.Equal(17 - 1 + (2 * 6), Aarch64Registers.All.Count(r => PerformanceMonitors.IsRegister(r) && CpuModels.Default.Implements(r)));
        Assert.Equal(20 - 3 + (2 * 6), Aarch32Registers.All.Count(r => PerformanceMonitors.IsRegister(r) && CpuModels.Default.Implements(r)));
    }

    [Theory]
    [MemberData(nameof(Accesses))]
    public void A_pmu_access_traps_under_tpm_and_not_under_tde(string instruction, bool aarch64) =>
        AssertTraps(instruction, aarch64, TrapControls.TPM, (TrapControls.TPM.Mask, true), (Tde, false), (0UL, false), (~TrapControls.TPM.Mask & ~TrapControls.TPMCR.Mask, false));

    [Theory]
    [InlineData("mrs x2, pmcr_el0", true)]
    [InlineData("msr pmcr_el0, x2", true)]
    [InlineData("mrc p15, 0, r2, c9, c12, 0", false)]
    [InlineData("mcr p15, 0, r2, c9, c12, 0", false)]
    public void Pmcr_traps_under_tpmcr_alone_with_its_own_syndrome(string instruction, bool aarch64) =>
        AssertTraps(instruction, aarch64, TrapControls.TPMCR, (TrapControls.TPMCR.Mask, true), (Tde, false), (0UL, false));

    [Theory]
    [InlineData("mrs x2, pmevcntr6_el0")]
    [InlineData("msr pmevtyper30_el0, x2")]
    [InlineData("mrs x2, s3_0_c9_c14_6")] // PMMIR_EL1, FEAT_PMUv3p4
    public void A_pmu_register_the_model_lacks_is_undefined_even_under_tpm(string instruction)
    {
        var domain = Machine.Aarch64();
        domain.Build();
        domain.Hypervisor.Mdcr = TrapControls.TPM.Mask | TrapControls.TPMCR.Mask;

        var result = domain.Cpu.Execute(GuestCode.A64(instruction)[0]);

        Assert.Equal((ExecutionKind.UndefinedAtEl1, UndefinedReason.NotImplemented), (result.Kind, result.Undefined));
    }

    private static void AssertTraps(string instruction, bool aarch64, TrapControl control, params (ulong Mdcr, bool Traps)[] cases) =>
        Machine.AssertMdcrTraps(
            aarch64 ? () => Machine.Aarch64() : () => Machine.Aarch32(),
            aarch64 ? GuestCode.A64(instruction)[0] : GuestCode.A32(instruction)[0],
            aarch64 ? InstructionSet.A64 : InstructionSet.A32,
            control,
            cases);
}
