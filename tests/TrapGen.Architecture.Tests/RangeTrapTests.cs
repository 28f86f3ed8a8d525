using System.Linq;
using Xunit;

namespace TrapGen.Architecture.Tests;

/// <summary>
/// range-traps.table against the Arm ARM (DDI 0487 M.a.a), each expectation typed here from the manual, at each
/// range's edges: the first and last encoding in, and the first encoding out on each side, per state.
/// D24.2.62 HCR_EL2.TID3: MRS of op0 3, op1 0, CRn 0, CRm {2-7}, op2 {0-7}; MRC of p15, opc1 0, CRn c0, CRm {c2-c7},
/// opc2 {0-7}; VMRS of MVFR0 (reg 0b0111), MVFR1 (0b0110), MVFR2 (0b0101), after CPTR_EL2.TFP. HCR_EL2.TIDCP:
/// MRS/MSR of op0 3 and SYS/SYSL of op0 1 with CRn 0b1x11 (D24.2.168, C5.10.1); MCR/MRC of p15 with CRn c9 and CRm
/// {c0-c2, c5-c8}, CRn c10 and CRm {c0, c1, c4, c8}, CRn c11 and CRm {c0-c8, c15}, every opc1 and opc2.
/// The decisions are the emulated CPU's (<see cref="ArchitecturalTraps.TrappingControl(in TrapControlRegisters, TrapClass, uint, bool, CpuModel?)"/>).
/// </summary>
public sealed class RangeTrapTests
{
    private static readonly TrapControlRegisters Tid3 = new(TrapControls.TID3.Mask, 3, 0);

    private static readonly TrapControlRegisters Tidcp = new(TrapControls.TIDCP.Mask, 3, 0);

    [Theory]
    [InlineData(3, 0, 0, 2, 0, true)] // first in (ID_ISAR0_EL1)
    [InlineData(3, 0, 0, 3, 7, true)] // reserved
    [InlineData(3, 0, 0, 7, 7, true)] // last in
    [InlineData(3, 0, 0, 1, 7, false)] // CRm below: ID_MMFR3_EL1, the field's list, not the range
    [InlineData(3, 0, 0, 8, 0, false)] // CRm above
    [InlineData(3, 1, 0, 2, 0, false)] // op1 above
    [InlineData(3, 0, 1, 2, 0, false)] // CRn above
    [InlineData(2, 0, 0, 2, 0, false)] // op0 below
    public void Tid3s_aarch64_range_is_op0_3_op1_0_crn_0_crm_2_to_7(int op0, int op1, int crn, int crm, int op2, bool inRange)
    {
        var key = new Aarch64Encoding(op0, op1, crn, crm, op2).Key;

        Assert.Equal(inRange, RangeTraps.Covering(TrapClasses.Msr, key).Any(r => r.Control == TrapControls.TID3 && r.Direction == AccessDirection.Read));
    }

    [Theory]
    [InlineData(0, 0, 2, 0, true)]
    [InlineData(0, 0, 3, 0, true)]
    [InlineData(0, 0, 7, 7, true)]
    [InlineData(0, 0, 1, 7, false)]
    [InlineData(0, 0, 8, 0, false)]
    [InlineData(1, 0, 3, 0, false)]
    [InlineData(0, 1, 3, 0, false)]
    public void Tid3s_cp15_range_is_opc1_0_crn_c0_crm_c2_to_c7(int opc1, int crn, int crm, int opc2, bool inRange)
    {
        var key = Aarch32Encoding.Cp15(AccessForm.Mcr, opc1, crn, crm, opc2).Key;

        Assert.Equal(inRange, RangeTraps.Covering(TrapClasses.Mcr, key).Any(r => r.Control == TrapControls.TID3 && r.Direction == AccessDirection.Read));
    }

    [Theory]
    [InlineData(5, true)] // MVFR2
    [InlineData(6, true)] // MVFR1
    [InlineData(7, true)] // MVFR0
    [InlineData(4, false)]
    [InlineData(8, false)] // FPEXC
    [InlineData(0, false)] // FPSID: TID0's
    public void Tid3s_vmrs_range_is_mvfr0_to_mvfr2(int reg, bool inRange)
    {
        var key = TrapClasses.Vmrs.Key([7, reg, 0, 0]);

        Assert.Equal(inRange, RangeTraps.Covering(TrapClasses.Vmrs, key).Any(r => r.Control == TrapControls.TID3));
    }

    [Theory]
    [InlineData(3, 0, 11, 0, 0, true)] // first in
    [InlineData(3, 7, 11, 15, 7, true)]
    [InlineData(3, 0, 15, 0, 0, true)]
    [InlineData(3, 7, 15, 15, 7, true)] // last in
    [InlineData(3, 7, 10, 15, 7, false)] // CRn below
    [InlineData(3, 0, 12, 0, 0, false)] // CRn above
    [InlineData(3, 7, 14, 15, 7, false)]
    [InlineData(1, 0, 11, 0, 0, true)] // SYS/SYSL
    [InlineData(1, 7, 15, 15, 7, true)]
    [InlineData(1, 0, 10, 0, 0, false)]
    [InlineData(1, 0, 12, 0, 0, false)]
    [InlineData(2, 0, 11, 0, 0, false)] // op0 2: debug
    [InlineData(0, 0, 11, 0, 0, false)]
    public void Tidcps_aarch64_ranges_are_crn_c11_and_c15_of_op0_1_and_3(int op0, int op1, int crn, int crm, int op2, bool trapped)
    {
        var key = new Aarch64Encoding(op0, op1, crn, crm, op2).Key;

        Assert.Equal(trapped, RangeTraps.Covering(TrapClasses.Msr, key).Any(r => r.Control == TrapControls.TIDCP && r.Direction == AccessDirection.ReadWrite));
        Assert.Equal(trapped ? TrapControls.TIDCP : null, ArchitecturalTraps.TrappingControl(Tidcp, TrapClasses.Msr, key, isRead: true));
        Assert.Equal(trapped ? TrapControls.TIDCP : null, ArchitecturalTraps.TrappingControl(Tidcp, TrapClasses.Msr, key, isRead: false));
    }

    [Theory]
    [InlineData(9, 0, true)]
    [InlineData(9, 2, true)]
    [InlineData(9, 3, false)]
    [InlineData(9, 4, false)]
    [InlineData(9, 5, true)]
    [InlineData(9, 8, true)]
    [InlineData(9, 9, false)]
    [InlineData(9, 15, false)] // IMPLEMENTATION DEFINED performance monitors: not in TIDCP's list
    [InlineData(10, 0, true)]
    [InlineData(10, 1, true)]
    [InlineData(10, 2, false)]
    [InlineData(10, 3, false)]
    [InlineData(10, 4, true)]
    [InlineData(10, 5, false)]
    [InlineData(10, 7, false)]
    [InlineData(10, 8, true)]
    [InlineData(10, 9, false)]
    [InlineData(11, 0, true)]
    [InlineData(11, 8, true)]
    [InlineData(11, 9, false)]
    [InlineData(11, 14, false)]
    [InlineData(11, 15, true)]
    [InlineData(8, 15, false)]
    [InlineData(12, 0, false)]
    [InlineData(15, 0, false)]
    public void Tidcps_cp15_ranges_are_the_arm_arms_crn_c9_to_c11_lists(int crn, int crm, bool trapped)
    {
        foreach (var (opc1, opc2) in new[] { (0, 0), (7, 7), (0, 7), (7, 0) })
        {
            var key = Aarch32Encoding.Cp15(AccessForm.Mcr, opc1, crn, crm, opc2).Key;

            Assert.Equal(trapped, RangeTraps.Covering(TrapClasses.Mcr, key).Any(r => r.Control == TrapControls.TIDCP && r.Direction == AccessDirection.ReadWrite));
            if (!RegistersByKey.TryFindAarch32(TrapClasses.Mcr, key, out _))
            {
                Assert.Equal(trapped ? TrapControls.TIDCP : null, ArchitecturalTraps.TrappingControl(Tidcp, TrapClasses.Mcr, key, isRead: true));
                Assert.Equal(trapped ? TrapControls.TIDCP : null, ArchitecturalTraps.TrappingControl(Tidcp, TrapClasses.Mcr, key, isRead: false));
            }
        }
    }

    [Fact]
    public void Tidcp_traps_neither_the_register_pair_space_nor_cp14()
    {
        var pair = Aarch32Encoding.Cp15(AccessForm.Mcrr, 0, 0, 15, 0).Key;
        var cp14 = TrapClasses.Cp14Mcr.Key([0, 15, 0, 0]);

        Assert.Null(ArchitecturalTraps.TrappingControl(Tidcp, TrapClasses.Mcrr, pair, isRead: true));
        Assert.Null(ArchitecturalTraps.TrappingControl(Tidcp, TrapClasses.Cp14Mcr, cp14, isRead: true));
    }

    [Theory]
    [InlineData(3, 0, 0, 3, 7, true, true)] // reserved, read
    [InlineData(3, 0, 0, 7, 7, true, true)]
    [InlineData(3, 0, 0, 3, 7, false, false)] // a write of the ID space: UNDEFINED, never TID3's
    [InlineData(3, 0, 0, 1, 0, true, true)] // ID_PFR0_EL1: its row
    [InlineData(3, 0, 0, 0, 0, true, false)] // MIDR_EL1: not group 3
    [InlineData(3, 0, 0, 8, 0, true, false)]
    [InlineData(3, 0, 1, 3, 7, true, false)]
    public void The_emulated_cpu_traps_the_aarch64_id_space_reads_under_tid3(int op0, int op1, int crn, int crm, int op2, bool isRead, bool trapped)
    {
        var key = new Aarch64Encoding(op0, op1, crn, crm, op2).Key;

        Assert.Equal(trapped ? TrapControls.TID3 : null, ArchitecturalTraps.TrappingControl(Tid3, TrapClasses.Msr, key, isRead));
    }

    [Theory]
    [InlineData(0, 0, 3, 0, true)]
    [InlineData(0, 0, 7, 7, true)]
    [InlineData(0, 0, 2, 7, true)] // ID_ISAR6: its row
    [InlineData(0, 0, 8, 0, false)]
    [InlineData(1, 0, 3, 0, false)]
    public void The_emulated_cpu_traps_the_cp15_id_space_reads_under_tid3(int opc1, int crn, int crm, int opc2, bool trapped)
    {
        var key = Aarch32Encoding.Cp15(AccessForm.Mcr, opc1, crn, crm, opc2).Key;

        Assert.Equal(trapped ? TrapControls.TID3 : null, ArchitecturalTraps.TrappingControl(Tid3, TrapClasses.Mcr, key, isRead: true));
    }

    [Fact]
    public void A_vmrs_of_mvfr0_traps_under_tid3_after_cptr_el2_tfp()
    {
        var key = TrapClasses.Vmrs.Key([7, 7, 0, 0]);

        Assert.Equal(TrapControls.TID3, ArchitecturalTraps.TrappingControl(Tid3, TrapClasses.Vmrs, key, isRead: true));
        Assert.Equal(TrapControls.TFP, ArchitecturalTraps.TrappingControl(Tid3 with { Cptr = TrapControls.TFP.Mask }, TrapClasses.Vmrs, key, isRead: true));
    }

    [Fact]
    public void Every_row_the_tables_name_inside_a_range_gives_its_control_in_its_direction()
    {
        var named = Aarch64Registers.All.Select(r => (Class: TrapClasses.Msr, r.Encoding.Key, r.Name, r.Traps))
            .Concat(SystemInstructions.All.Select(i => (Class: TrapClasses.Msr, i.Encoding.Key, Name: i.FullName, i.Traps)))
            .Concat(Aarch32Registers.All.Select(r => (r.Class, r.Encoding.Key, r.Name, r.Traps)));

        var missing = (from row in named
                       from range in RangeTraps.All
                       where range.Contains(row.Class, row.Key) && !row.Traps.Contains(range.Rule)
                       select row.Name + " lacks " + range.Rule).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void No_row_names_an_encoding_of_tidcps_ranges()
    {
        var named = Aarch64Registers.All.Select(r => (Class: TrapClasses.Msr, r.Encoding.Key, r.Name))
            .Concat(SystemInstructions.All.Select(i => (Class: TrapClasses.Msr, i.Encoding.Key, Name: i.FullName)))
            .Concat(Aarch32Registers.All.Select(r => (r.Class, r.Encoding.Key, r.Name)));

        Assert.Empty(named.Where(row => RangeTraps.Of(TrapControls.TIDCP).Any(range => range.Contains(row.Class, row.Key))).Select(row => row.Name));
    }

    [Fact]
    public void Every_range_value_fits_its_key_field()
    {
        foreach (var range in RangeTraps.All)
        {
            foreach (var field in range.Fields)
            {
                var width = range.Class.KeyFields.Single(k => k.Name == field.Field);
                Assert.All(field.Ranges, r => Assert.InRange((ulong)r.High, (ulong)r.Low, width.MaxValue));
            }
        }
    }

    [Fact]
    public void Tid3s_aarch64_range_has_48_encodings_and_tidcps_4096()
    {
        Assert.Equal(6 * 8, RangeTraps.Of(TrapControls.TID3).Where(r => r.Class == TrapClasses.Msr).Sum(r => r.Keys().Count()));
        Assert.Equal(2 * 2 * 8 * 16 * 8, RangeTraps.Of(TrapControls.TIDCP).Where(r => r.Class == TrapClasses.Msr).Sum(r => r.Keys().Count()));
        Assert.Equal(8 * (7 + 4 + 10) * 8, RangeTraps.Of(TrapControls.TIDCP).Where(r => r.Class == TrapClasses.Mcr).Sum(r => r.Keys().Count()));
    }
}
