using System.Linq;
using TrapGen.Architecture;
using TrapGen.Instructions;
using TrapGen.Runtime.Emulation;
using TrapGen.Runtime.Traps;
using TrapGen.Testing;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>
/// MDCR_EL2's TDA, TDOSA and TDRA on the emulated CPU (the default model, cortex-a57): every AArch64 and
/// cp14 access a rule of the tables gives one of them, of a register the model has, traps under that bit
/// alone and under TDE, and under none of them it does not trap, in the syndrome's own class (EC 0x18,
/// 0x05, 0x0C, 0x06). A breakpoint register beyond the model's count is UNDEFINED first, whatever MDCR_EL2 says.
/// The debug accesses are those whose rule TDE forces; MDCR_EL2's PMU controls are PmuTrapTests'.
/// </summary>
public sealed class DebugTrapTests
{
    public static TheoryData<string> Aarch64Accesses() =>
        [.. Aarch64Registers.All.Where(r => r.IsGuestAccessible && CpuModels.Default.Implements(r) && r.Traps.Any(t => t.Control.ForcedBy == MdcrEl2.TDE))
            .SelectMany(RegisterAccessInstructions.Of)];

    public static TheoryData<string> Aarch32Accesses() =>
        [.. Aarch32Registers.All.Where(r => r.IsGuestAccessible && CpuModels.Default.Implements(r) && r.Traps.Any(t => t.Control.ForcedBy == MdcrEl2.TDE))
            .SelectMany(RegisterAccessInstructions.Of)
            .Distinct()];

    [Theory]
    [MemberData(nameof(Aarch64Accesses))]
    public void An_aarch64_debug_access_traps_under_its_mdcr_control_and_tde_only(string instruction) =>
        AssertTrapsUnderItsControlOnly(() => Machine.Aarch64(), GuestCode.A64(instruction)[0], InstructionSet.A64);

    [Theory]
    [MemberData(nameof(Aarch32Accesses))]
    public void A_cp14_debug_access_traps_under_its_mdcr_control_and_tde_only(string instruction) =>
        AssertTrapsUnderItsControlOnly(() => Machine.Aarch32(), GuestCode.A32(instruction)[0], InstructionSet.A32);

    [Theory]
    [InlineData("mrs x2, dbgbvr6_el1")]
    [InlineData("msr dbgwcr4_el1, x2")]
    public void A_breakpoint_or_watchpoint_the_model_lacks_is_undefined_even_under_tde(string instruction)
    {
        var domain = Machine.Aarch64();
        domain.Build();
        domain.Hypervisor.Mdcr = 1UL << MdcrEl2.TDE;

        var result = domain.Cpu.Execute(GuestCode.A64(instruction)[0]);

        Assert.Equal((ExecutionKind.UndefinedAtEl1, UndefinedReason.NotImplemented), (result.Kind, result.Undefined));
    }

    [Fact]
    public void A_trapped_ldc_loads_dbgdtrtxint_from_guest_memory_and_writes_its_base_back()
    {
        var domain = Machine.Aarch32();
        domain.Build();
        domain.Hypervisor.Mdcr = TrapControls.TDA.Mask;
        domain.Current.Registers.WriteR(1, 0x2000);
        domain.Current.Memory.WriteWord(0x2000, 0x1234_5678);

        var result = domain.Cpu.Execute(GuestCode.A32("ldc p14, c5, [r1], #4")[0]);

        Assert.Equal((ExecutionKind.Trapped, TrapControls.TDA, TrapClasses.LdcStc.ExceptionClass), (result.Kind, result.Control, EsrFields.GetEC((uint)result.Esr)));
        Assert.Equal(TrapOutcome.Handled, result.Outcome);
        Assert.Equal(0x1234_5678UL, Machine.Read(domain, "DBGDTRTX_EL0") & 0xFFFF_FFFF);
        Assert.Equal(0x2004u, domain.Current.Registers.ReadR(1));
    }

    private static void AssertTrapsUnderItsControlOnly(System.Func<Domains.Domain> newDomain, uint word, InstructionSet set)
    {
        Assert.True(InstructionDecoder.TryDecode(word, set, out var access));
        var control = ArchitecturalTraps.TrappingControl(new TrapControlRegisters(0, 0, ulong.MaxValue), access.Class, access.Key, access.IsRead, CpuModels.Default);
        Assert.NotNull(control);
        Assert.Equal(MdcrEl2.Name, control.Register);

        Machine.AssertMdcrTraps(newDomain, word, set, control, (control.Mask, true), (1UL << MdcrEl2.TDE, true), (0UL, false), (~control.Mask & ~(1UL << MdcrEl2.TDE), false));
    }
}
