using System.Linq;
using Xunit;

namespace TrapGen.Architecture.Tests;

/// <summary>
/// HCR_EL2.NV and NV1 (FEAT_NV) as the Arm ARM gives them (D24.2.62, with HCR_EL2.NV2 = 0): their bits, and which
/// accesses each traps: NV every EL2 row (el 2) but those whose EL1 accessor stays UNDEFINED, NV1 (only with NV) five EL1
/// registers.
/// </summary>
public sealed class NestedVirtualisationControlTests
{
    [Fact]
    public void Nv_is_bit_42_and_nv1_bit_43_of_hcr_el2_with_feat_nv()
    {
        Assert.Equal(("HCR_EL2", 42, true, "FEAT_NV"), (TrapControls.NV.Register, TrapControls.NV.Bit, TrapControls.NV.TrapsWhenSet, TrapControls.NV.Needs));
        Assert.Equal(("HCR_EL2", 43, true, "FEAT_NV"), (TrapControls.NV1.Register, TrapControls.NV1.Bit, TrapControls.NV1.TrapsWhenSet, TrapControls.NV1.Needs));
        Assert.Equal(new BitRequirement(42, 45), TrapControls.NV1.Requires);
        Assert.Null(TrapControls.NV.Requires);
    }

    [Theory]
    [InlineData(0x0000_0000_0000UL, false)]
    [InlineData(0x0400_0000_0000UL, false)] // NV alone: '001'
    [InlineData(0x0800_0000_0000UL, false)] // NV1 alone: CONSTRAINED UNPREDICTABLE, TrapGen traps nothing ('000' or '010')
    [InlineData(0x0C00_0000_0000UL, true)]  // both: '011'
    public void Nv1_traps_only_with_nv(ulong hcr, bool traps)
    {
        Assert.Equal(traps, TrapControls.NV1.IsActive(hcr));
    }

    [Fact]
    public void Nv_traps_every_el2_row_but_the_ones_whose_el1_accessor_stays_undefined()
    {
        string[] undefinedWithNv = ["SDER32_EL2", "MECID_P0_EL2", "MECID_A0_EL2", "MECID_P1_EL2", "MECID_A1_EL2", "MECIDR_EL2", "RVBAR_EL2", "RMR_EL2"];
        var el2 = Aarch64Registers.All.Where(r => r.ExceptionLevel == 2).ToList();

        Assert.Equal(undefinedWithNv.Order(), el2.Where(r => r.Traps.Count == 0).Select(r => r.Name).Order());
        // Besides NV, an EL2 row has only rules that trap under NV2 alone, before NV's (CNTP_CTL_EL02's EL1NVPCT@101).
        Assert.All(el2.Where(r => r.Traps.Count > 0), r => Assert.Equal([(TrapControls.NV, AccessDirection.ReadWrite)], r.Traps.Where(t => t.Nvx is null).Select(t => (t.Control, t.Direction))));
        Assert.All(el2, r => Assert.True(r.Traps.TakeWhile(t => t.Nvx is not null).Count() == r.Traps.Count(t => t.Nvx is not null), r.Name));
        Assert.Equal(["CNTP_CTL_EL02", "CNTP_CVAL_EL02", "CNTV_CTL_EL02", "CNTV_CVAL_EL02", "TFSR_EL2"], el2.Where(r => r.Traps.Any(t => t.Nvx is not null)).Select(r => r.Name).Order());
        Assert.All(SystemInstructions.All.Where(i => i.ExceptionLevel == 2), i => Assert.Equal([(TrapControls.NV, AccessDirection.Write)], i.Traps.Select(t => (t.Control, t.Direction))));
        Assert.Contains(el2, r => r.Name == "SP_EL1");
        Assert.Contains(el2, r => r.Name == "SPSR_IRQ");
        Assert.DoesNotContain(Aarch64Registers.All, r => r.ExceptionLevel != 2 && r.Traps.Any(t => t.Control == TrapControls.NV));
    }

    [Fact]
    public void Nv1_traps_vbar_elr_spsr_scxtnum_and_tfsr_of_el1_first()
    {
        var trapped = Aarch64Registers.All.Where(r => r.Traps.Any(t => t.Control == TrapControls.NV1)).ToList();

        Assert.Equal(["ELR_EL1", "SCXTNUM_EL1", "SPSR_EL1", "TFSR_EL1", "VBAR_EL1"], trapped.Select(r => r.Name).Order());
        Assert.All(trapped, r => Assert.Equal((TrapControls.NV1, AccessDirection.ReadWrite), (r.Traps[0].Control, r.Traps[0].Direction)));
    }
}
