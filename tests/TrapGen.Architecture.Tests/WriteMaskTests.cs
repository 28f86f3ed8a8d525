using System.Linq;
using Xunit;

namespace TrapGen.Architecture.Tests;

/// <summary>
/// Tables/register-write-masks.table and what a write keeps on each CPU model: the table names only registers,
/// features and conditions the other tables have; every register HCR_EL2.TVM traps the writes of has rows; and
/// a model keeps exactly the fields its ID registers report, the others reading as the architecture says.
/// Expected values are the written value with the named fields cleared or set, never a typed result.
/// </summary>
public sealed class WriteMaskTests
{
    /// <summary>Linux's SCTLR_EL1 with the MMU on, as QEMU 7.2's cortex-a57 sees it written (issue 22).</summary>
    private const ulong LinuxSctlr = 0x0200_0020_34f4_d91dUL;

    public static TheoryData<string> Models() => [.. CpuModels.All.Select(m => m.Name)];

    [Fact]
    public void Every_row_names_a_64_bit_register_and_features_the_feature_table_can_tell()
    {
        Assert.NotEmpty(WriteMasks.All);
        Assert.All(WriteMasks.All, row => Assert.True(Aarch64Registers.TryFind(row.Register, out var register) && register.Width == 64, row.Register));
        var features = WriteMasks.All.Select(r => r.Condition).OfType<string>().Where(c => c != "NEVER").SelectMany(c => c.Split('|', '&'));
        Assert.All(features, feature => Assert.NotEmpty(Features.Of(feature)));
        Assert.All(WriteMasks.All, row => Assert.Equal(row.Condition is null, row.Absence == FieldAbsence.None));
    }

    [Fact]
    public void Every_register_tvm_traps_the_writes_of_has_rows()
    {
        // The registers newer than binutils 2.40 (SCTLR2_EL1, TCR2_EL1, PIR_EL1, POR_EL1, MAIR2_EL1, the *ALIAS_EL1
        // views, ...) exist on no CPU model yet (CpuModelTableTests.No_model_has_a_register_newer_than_binutils_2_40),
        // so no model writes them: their rows come with the first model that has them.
        var tvm = Aarch64Registers.All.Where(r => !r.IsLaterThanBinutils && r.Traps.Any(t => t.Control.Name == "TVM")).Select(r => r.Name).ToList();

        Assert.Contains("SCTLR_EL1", tvm);
        Assert.All(tvm, name => Assert.NotEmpty(WriteMasks.Of(name)));
    }

    [Theory]
    [InlineData("cortex-a57", "ITFSB,EPAN,IESB", "")]
    [InlineData("cortex-a72", "ITFSB,EPAN,IESB", "")]
    [InlineData("max", "ITFSB,EPAN", "")]
    [InlineData("a64fx", "ITFSB,EPAN", "ITD")]
    public void On_a_cpu_that_fixes_reserved_bits_linuxs_sctlr_el1_keeps_the_fields_the_model_has(string model, string cleared, string set)
    {
        var expected = Fields("SCTLR_EL1", set).Aggregate(Fields("SCTLR_EL1", cleared).Aggregate(LinuxSctlr, (value, field) => value & ~field.Mask), (value, field) => value | field.Mask);

        Assert.Equal(expected, Fixed(model, "SCTLR_EL1").Keep(LinuxSctlr));
    }

    [Theory]
    [InlineData("cortex-a57", "EOS,TSCXT,EIS,SPAN,nTLSMD,LSMAOE")]
    [InlineData("cortex-a76", "EOS,TSCXT,EIS,nTLSMD,LSMAOE")]
    [InlineData("a64fx", "ITD,SED,EOS,TSCXT,EIS,nTLSMD,LSMAOE")]
    [InlineData("max", "EOS,EIS,nTLSMD,LSMAOE")]
    public void On_a_cpu_that_fixes_reserved_bits_a_zero_written_to_sctlr_el1_reads_back_its_res1_fields(string model, string ones)
    {
        Assert.Equal(Fields("SCTLR_EL1", ones).Aggregate(0UL, (value, field) => value | field.Mask), Fixed(model, "SCTLR_EL1").Keep(0));
    }

    [Theory]
    [InlineData("cortex-a57", "TCR_EL1", "HA,HD,HPD0,HPD1,HWU059,HWU060,HWU061,HWU062,HWU159,HWU160,HWU161,HWU162,TBID0,TBID1,NFD0,NFD1,E0PD0,E0PD1,TCMA0,TCMA1,DS,MTX0,MTX1")]
    [InlineData("cortex-a57", "TTBR0_EL1", "CnP")]
    [InlineData("cortex-a76", "TTBR1_EL1", "")]
    [InlineData("cortex-a57", "CPACR_EL1", "ZEN,SMEN,TTA")]
    [InlineData("cortex-a57", "ESR_EL1", "ISS2")]
    [InlineData("cortex-a57", "AFSR0_EL1", "IMPDEF")]
    public void On_a_cpu_that_fixes_reserved_bits_all_ones_keep_every_field_but_the_absent_ones(string model, string register, string absent)
    {
        var missing = Fields(register, absent).Select(f => f.Mask).Aggregate(0UL, (all, mask) => all | mask);
        var fields = WriteMasks.Of(register).Aggregate(0UL, (all, row) => all | row.Field.Mask);

        Assert.Equal(fields & ~missing, Fixed(model, register).Keep(ulong.MaxValue));
    }

    /// <summary>The measurement: Linux's SCTLR_EL1 write on QEMU's cortex-a57 reads back without ITFSB.</summary>
    [Fact]
    public void On_qemus_cortex_a57_linuxs_sctlr_el1_reads_back_as_qemu_read_it()
    {
        Assert.Equal(0x0200000034f4d91dUL, CpuModels.Default.Keep("SCTLR_EL1", LinuxSctlr));
    }

    /// <summary>
    /// A model's STORES rows are measured; the architecture's fields are not. Every bit the architecture makes
    /// writable on a model must be among the bits it stores, or the feature table and the measurement disagree.
    /// </summary>
    [Theory]
    [MemberData(nameof(Models))]
    public void A_model_stores_every_bit_of_every_field_it_implements(string name)
    {
        var model = CpuModels.Find(name)!;

        Assert.All(model.StoredBits, stored => Assert.Equal(0UL, Fixed(name, stored.Register).Writable & ~stored.Bits));
        Assert.All(WriteMasks.Registers.Where(r => model.StoredBits.All(s => s.Register != r)), register => Assert.Equal(Fixed(name, register), model.WriteMaskOf(register)));
    }

    [Fact]
    public void A_model_from_silicon_dumps_fixes_its_reserved_bits()
    {
        var v1 = CpuModels.Find("neoverse-v1")!;

        Assert.Empty(v1.StoredBits);
        Assert.Equal(Fixed("neoverse-v1", "SCTLR_EL1").Keep(LinuxSctlr), v1.Keep("SCTLR_EL1", LinuxSctlr));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void A_register_without_rows_keeps_every_bit_and_a_mask_is_idempotent(string name)
    {
        var model = CpuModels.Find(name)!;

        Assert.Equal(WriteMask.All, model.WriteMaskOf("TPIDR_EL2"));
        Assert.Equal(0x0123_4567_89AB_CDEFUL, model.Keep("TPIDR_EL2", 0x0123_4567_89AB_CDEFUL));
        Assert.All(WriteMasks.Registers, register =>
        {
            var once = model.Keep(register, LinuxSctlr);
            Assert.Equal(once, model.Keep(register, once));
            Assert.Equal(0UL, model.WriteMaskOf(register).Writable & model.WriteMaskOf(register).Ones);
        });
    }

    [Theory]
    [InlineData(RegisterView.Lo)]
    [InlineData(RegisterView.Hi)]
    public void A_write_through_a_32_bit_view_keeps_the_other_half_and_masks_its_own(RegisterView view)
    {
        var mask = CpuModels.Default.WriteMaskOf("TCR_EL1");
        var previous = mask.Keep(0x0000_0001_8080_8080UL);
        var other = view == RegisterView.Lo ? 0xFFFF_FFFF_0000_0000UL : 0x0000_0000_FFFF_FFFFUL;

        var kept = mask.Keep(view, 64, previous, 0xFFFF_FFFF);

        Assert.Equal(previous & other, kept & other);
        Assert.Equal(mask.Keep(ulong.MaxValue) & ~other, kept & ~other);
    }

    /// <summary>What a write keeps on <paramref name="model"/> if its reserved bits were all fixed: the architecture's mask alone.</summary>
    private static WriteMask Fixed(string model, string register) => WriteMasks.For(register, CpuModels.Find(model)!.Satisfies);

    private static BitField[] Fields(string register, string names) =>
        [.. names.Split(',', System.StringSplitOptions.RemoveEmptyEntries).Select(name => WriteMasks.Of(register).Single(r => r.Field.Name == name).Field)];
}
