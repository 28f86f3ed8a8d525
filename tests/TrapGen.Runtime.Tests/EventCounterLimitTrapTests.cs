using TrapGen.Architecture;
using TrapGen.Instructions;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Domains;
using TrapGen.Runtime.Emulation;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>
/// MDCR_EL2.HPMN (bits [4:0]) on the emulated CPU: an EL1 access to an event counter at or above it traps to EL2, after
/// MDCR_EL2.TPM (D24.5.10, 12, 27; G8.4.10). cortex-a57 has six counters (PMCR_EL0.N = 6) and no FEAT_FGT, where the Arm ARM
/// makes the access CONSTRAINED UNPREDICTABLE and permits the trap, which TrapGen's CPU takes. MDCR_EL2 = 0 leaves HPMN at a
/// reserved 0, which acts as PMCR_EL0.N: no counter traps. The syndromes are worked out by hand from the ISS encodings of
/// EC 0x18 and EC 0x03.
/// </summary>
public sealed class EventCounterLimitTrapTests
{
    [Theory]
    [InlineData("a64", "mrs x1, pmevcntr3_el0", 2UL, 0x6236F831u)]       // EC 0x18, IL 1; Op0 3, Op2 3, Op1 3, CRn 14, Rt 1, CRm 8, read
    [InlineData("a64", "msr pmevtyper5_el0, x2", 2UL, 0x623AF858u)]      // Op0 3, Op2 5, Op1 3, CRn 14, Rt 2, CRm 12, write
    [InlineData("a64", "mrs x1, pmevcntr1_el0", 1UL, 0x6232F831u)]       // Op2 1, CRm 8: counter 1 at HPMN 1
    [InlineData("a32", "mrc p15, 0, r2, c14, c8, 3", 2UL, 0x0FE63851u)]  // PMEVCNTR3: EC 0x03, IL 1, CV 1, COND 0xE, Opc2 3, CRn 14, Rt 2, CRm 8, read
    public void A_counter_at_or_above_hpmn_traps_with_its_own_syndrome(string set, string instruction, ulong hpmn, uint esr)
    {
        var (word, instructionSet) = Machine.Assemble(set, instruction);

        var result = Run(set, word, instructionSet, hpmn);

        Assert.Equal((ExecutionKind.Trapped, TrapControls.Find("HPMN"), esr), (result.Kind, result.Control, (uint)result.Esr));
    }

    [Theory]
    [InlineData("a64", "mrs x1, pmevcntr1_el0", 2UL)]      // below HPMN
    [InlineData("a64", "mrs x1, pmevcntr5_el0", 6UL)]      // HPMN = N: every counter EL1's
    [InlineData("a64", "mrs x1, pmevcntr5_el0", 0UL)]      // reserved 0 (no FEAT_HPMN0): acts as N
    [InlineData("a64", "mrs x1, pmevcntr5_el0", 20UL)]     // reserved, above N
    [InlineData("a64", "mrs x1, pmccntr_el0", 1UL)]        // the cycle counter: HPMN does not divide it
    [InlineData("a32", "mrc p15, 0, r2, c14, c8, 1", 2UL)] // PMEVCNTR1
    public void A_counter_below_hpmn_or_under_a_reserved_hpmn_does_not_trap(string set, string instruction, ulong hpmn)
    {
        var (word, instructionSet) = Machine.Assemble(set, instruction);

        Assert.Equal(ExecutionKind.Direct, Run(set, word, instructionSet, hpmn).Kind);
    }

    [Fact]
    public void Tpm_is_checked_before_hpmn_and_a_counter_beyond_pmcr_el0_n_is_undefined_first()
    {
        var read3 = Machine.Assemble("a64", "mrs x1, pmevcntr3_el0").Word;
        var read6 = Machine.Assemble("a64", "mrs x1, pmevcntr6_el0").Word;

        Assert.Equal(TrapControls.TPM, Run("a64", read3, InstructionSet.A64, TrapControls.TPM.Mask | 2).Control);
        Assert.Equal(ExecutionKind.UndefinedAtEl1, Run("a64", read6, InstructionSet.A64, 2).Kind);
    }

    [Theory]
    [InlineData("a64", 4UL, true)]   // PMSELR_EL0.SEL 4, HPMN 2: PMXEVCNTR_EL0 reaches counter 4
    [InlineData("a64", 1UL, false)]
    [InlineData("a64", 31UL, false)] // 31 selects the cycle counter: HPMN does not divide it
    [InlineData("a32", 4UL, true)]   // PMSELR.SEL and PMXEVCNTR
    [InlineData("a32", 0UL, false)]
    public void The_selected_counter_of_pmxevcntr_is_the_guests_pmselr_sel(string set, ulong sel, bool traps)
    {
        var (select, selectSet) = Machine.Assemble(set, set == "a64" ? "msr pmselr_el0, x0" : "mcr p15, 0, r0, c9, c12, 5");
        var (read, readSet) = Machine.Assemble(set, set == "a64" ? "mrs x1, pmxevcntr_el0" : "mrc p15, 0, r1, c9, c13, 2");
        var domain = NewDomain(set, hpmn: 2);
        domain.Hypervisor.Current.Registers.WriteX(0, sel);

        Assert.Equal(ExecutionKind.Direct, Execute(domain, select, selectSet).Kind);
        var result = Execute(domain, read, readSet);

        Assert.Equal(traps, result.Kind == ExecutionKind.Trapped);
        Assert.Equal(traps ? TrapControls.Find("HPMN") : null, result.Control);
    }

    /// <summary>
    /// An EL1 read of PMCR_EL0.N, bits [15:11], returns the Effective value of MDCR_EL2.HPMN (D24.5.8); the rest of the register
    /// is the model's. cortex-a57's PMCR_EL0 is 0x41013000 (N = 6); a reserved HPMN (0 without FEAT_HPMN0, or above 6) acts as 6.
    /// The AArch32 PMCR (MRC p15, 0, c9, c12, 0) is its low word, with the same N.
    /// </summary>
    [Theory]
    [InlineData("a64", "mrs x1, pmcr_el0", 2UL, 0x41011000UL)]             // N = 2
    [InlineData("a64", "mrs x1, pmcr_el0", 5UL, 0x41012800UL)]             // N = 5
    [InlineData("a64", "mrs x1, pmcr_el0", 6UL, 0x41013000UL)]             // N = 6, the model's
    [InlineData("a64", "mrs x1, pmcr_el0", 0UL, 0x41013000UL)]             // reserved 0: acts as 6
    [InlineData("a64", "mrs x1, pmcr_el0", 20UL, 0x41013000UL)]            // reserved, above 6
    [InlineData("a32", "mrc p15, 0, r1, c9, c12, 0", 3UL, 0x41011800UL)]   // PMCR, N = 3
    public void An_el1_read_of_pmcr_n_returns_the_effective_hpmn(string set, string instruction, ulong hpmn, ulong expected)
    {
        var (word, instructionSet) = Machine.Assemble(set, instruction);
        var domain = NewDomain(set, hpmn);

        Assert.Equal(ExecutionKind.Direct, Execute(domain, word, instructionSet).Kind);
        Assert.Equal(expected, domain.Hypervisor.Current.Registers.ReadX(1));
    }

    private static ExecutionResult Run(string set, uint word, InstructionSet instructionSet, ulong mdcr) =>
        Execute(NewDomain(set, mdcr), word, instructionSet);

    private static Domain NewDomain(string set, ulong hpmn)
    {
        var domain = new Domain([set == "a64" ? ExecutionState.Aarch64 : ExecutionState.Aarch32], model: CpuModels.Find("cortex-a57")!);
        domain.Build();
        domain.Hypervisor.Hcr.Value = set == "a64" ? 1UL << HcrEl2.RW : 0;
        domain.Hypervisor.Mdcr = hpmn;
        return domain;
    }

    private static ExecutionResult Execute(Domain domain, uint word, InstructionSet instructionSet)
    {
        Assert.True(InstructionDecoder.TryDecode(word, instructionSet, out _));
        return domain.Cpu.Execute(word);
    }
}
