using System;
using System.Linq;
using Xunit;

namespace TrapGen.Architecture.Tests;

/// <summary>
/// The architecture's lookups where Stryker found no test watching (docs/mutation-testing.md), each expectation
/// from the Arm ARM (DDI 0487): how much a trapped access moves per class; the register a direction reaches
/// where reads and writes are named differently; the AArch32 registers mapped onto FAR_EL1; a signed ID
/// field's all-ones value; and what a lookup of something that does not exist returns.
/// </summary>
public sealed class ArchitectureLookupTests
{
    [Theory]
    [InlineData("Msr", 64)]
    [InlineData("Mcr", 32)]
    [InlineData("Mcrr", 64)]
    [InlineData("Cp14Mcrr", 64)]
    [InlineData("LdcStc", 32)]
    [InlineData("Vmrs", 32)]
    [InlineData("Smc64", 0)]
    [InlineData("Smc32", 0)]
    public void A_trapped_access_moves_xt_rt_rt2_or_a_word_and_smc_moves_nothing(string className, int bits)
    {
        Assert.Equal(bits, TrapClasses.Named(className)!.TransferWidth);
    }

    [Fact]
    public void A_key_needs_one_value_per_key_field()
    {
        Assert.Throws<ArgumentException>(() => TrapClasses.Msr.Key(null!));
        Assert.Throws<ArgumentException>(() => TrapClasses.Msr.Key([3, 0, 1, 0]));
    }

    [Theory]
    [InlineData(true, "DBGDTRRX_EL0")]
    [InlineData(false, "DBGDTRTX_EL0")]
    public void At_2_3_c0_c5_0_mrs_reads_dbgdtrrx_el0_and_msr_writes_dbgdtrtx_el0(bool isRead, string name)
    {
        Assert.True(Aarch64Registers.TryFind(new Aarch64Encoding(2, 3, 0, 5, 0), isRead ? AccessDirection.Read : AccessDirection.Write, out var register));
        Assert.Equal(name, register.Name);
    }

    [Fact]
    public void A_write_of_the_read_only_midr_el1_still_names_midr_el1_and_an_unallocated_encoding_names_nothing()
    {
        Assert.True(Aarch64Registers.TryFind(new Aarch64Encoding(3, 0, 0, 0, 0), AccessDirection.Write, out var midr));
        Assert.Equal("MIDR_EL1", midr.Name);

        // op0 3, op1 7 is not an EL1 register space the Arm ARM allocates at CRn c0, CRm c0, op2 7.
        Assert.False(Aarch64Registers.TryFind(new Aarch64Encoding(3, 7, 0, 0, 7), AccessDirection.Read, out _));
        Assert.Null(Aarch64Registers.FirstAt(new Aarch64Encoding(3, 7, 0, 0, 7)));
    }

    [Fact]
    public void Dfar_and_ifar_are_the_low_and_high_halves_of_far_el1()
    {
        Assert.Equal(["DFAR", "IFAR"], Aarch32Registers.MappedOnto("FAR_EL1").Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Equal("FAR_EL1[63:32]", Aarch32Registers.Named("IFAR").Single().Mapping);
    }

    [Theory]
    [InlineData(0x0UL, true)]
    [InlineData(0x1UL, true)]
    [InlineData(0xFUL, false)]
    public void A_signed_id_field_of_all_ones_reports_the_feature_absent(ulong fp, bool reported)
    {
        // ID_AA64PFR0_EL1.FP, bits [19:16]: 0b0000 floating point, 0b0001 with half precision, 0b1111 none.
        var feature = new FeatureField("FEAT_FP", "ID_AA64PFR0_EL1", "FP", 0, IsSigned: true);

        Assert.Equal(reported, feature.IsReportedBy(fp << 16));
    }

    [Fact]
    public void No_control_is_found_by_a_name_no_register_has()
    {
        Assert.Null(TrapControls.Find("TNOTHING"));
        Assert.Equal(TrapControls.TVM, TrapControls.Find("TVM"));
    }

    [Fact]
    public void A_register_pair_encoding_the_architecture_does_not_name_is_named_by_its_opc1_and_crm()
    {
        Assert.Equal("CP15_1_C15", Aarch32Encoding.Cp15(AccessForm.Mcrr, 1, 0, 15, 0).GenericName);
        Assert.Equal("CP15_0_C0_C3_3", Aarch32Encoding.Cp15(AccessForm.Mcr, 0, 0, 3, 3).GenericName);
    }

    [Theory]
    [InlineData("spsr_svc", "SPSR_EL1")]
    [InlineData("SPSR_hyp", "SPSR_EL2")]
    [InlineData("spsr_el1", "SPSR_EL1")]
    public void The_aarch32_name_of_a_mapped_spsr_finds_its_aarch64_register(string name, string aarch64)
    {
        // Arm ARM: SPSR_svc is architecturally mapped to SPSR_EL1, SPSR_hyp to SPSR_EL2.
        Assert.True(Aarch64Registers.TryFind(name, out var register));
        Assert.Equal(aarch64, register.Name);
    }

    [Fact]
    public void A_key_field_the_class_does_not_have_reads_as_zero()
    {
        var mcrr = TrapClasses.Named("Mcrr")!;

        Assert.Equal(0u, mcrr.KeyValue(mcrr.Key([3, 15]), "CRn"));
        Assert.Equal(15u, mcrr.KeyValue(mcrr.Key([3, 15]), "CRm"));
        Assert.Equal(0u, TrapClasses.Named("LdcStc")!.KeyValue(uint.MaxValue, "CRn"));
    }

    [Fact]
    public void A_layout_asked_for_a_field_it_lacks_says_so_with_an_argument_exception()
    {
        Assert.Throws<ArgumentException>(() => Layouts.IssOf(0x18)!.Field("NoSuchField"));
    }
}
