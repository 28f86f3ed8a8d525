using System.Linq;
using Xunit;

namespace TrapGen.Architecture.Tests;

/// <summary>
/// <see cref="ImplementationDefinedSpace"/> against the Arm ARM's lists (DDI 0487), typed here encoding by
/// encoding at each edge: AArch64 reserves op0 3 (and the SYS/SYSL space, op0 1) with CRn c11 or c15;
/// AArch32 reserves cp15 CRn c9 with CRm c0–c2 or c5–c8, CRn c10 with CRm c0, c1, c4 or c8, CRn c11 with
/// CRm c0–c8 or c15, all of CRn c15 (G7.2.4), and the MCRR/MRRC of CRm c15. HCR_EL2.TIDCP traps all of
/// the AArch64 space, and of AArch32 only the MCR/MRC with CRn c9, c10 or c11.
/// </summary>
public sealed class ImplementationDefinedSpaceTests
{
    [Theory]
    [InlineData(3, 0, 11, 0, 0, true)]
    [InlineData(3, 7, 15, 15, 7, true)]
    [InlineData(3, 1, 15, 2, 0, true)]
    [InlineData(1, 0, 11, 0, 0, true)]
    [InlineData(1, 3, 15, 4, 2, true)]
    [InlineData(3, 0, 10, 0, 0, false)]
    [InlineData(3, 0, 12, 0, 0, false)]
    [InlineData(3, 0, 14, 0, 0, false)]
    [InlineData(2, 0, 15, 0, 0, false)]
    [InlineData(2, 0, 11, 0, 0, false)]
    public void Aarch64_reserves_crn_c11_and_c15_of_op0_1_and_3_and_tidcp_traps_all_of_it(int op0, int op1, int crn, int crm, int op2, bool reserved)
    {
        var key = new Aarch64Encoding(op0, op1, crn, crm, op2).Key;

        Assert.Equal(reserved, ImplementationDefinedSpace.Contains(TrapClasses.Msr, key));
        Assert.Equal(reserved, TrappedByTidcp(TrapClasses.Msr, key));
    }

    [Theory]
    [InlineData(9, 0, true, true)]
    [InlineData(9, 2, true, true)]
    [InlineData(9, 3, false, false)]
    [InlineData(9, 4, false, false)]
    [InlineData(9, 5, true, true)]
    [InlineData(9, 8, true, true)]
    [InlineData(9, 9, false, false)]
    [InlineData(10, 0, true, true)]
    [InlineData(10, 1, true, true)]
    [InlineData(10, 2, false, false)]
    [InlineData(10, 3, false, false)]
    [InlineData(10, 4, true, true)]
    [InlineData(10, 5, false, false)]
    [InlineData(10, 8, true, true)]
    [InlineData(10, 15, false, false)]
    [InlineData(11, 0, true, true)]
    [InlineData(11, 8, true, true)]
    [InlineData(11, 9, false, false)]
    [InlineData(11, 14, false, false)]
    [InlineData(11, 15, true, true)]
    [InlineData(15, 0, true, false)]
    [InlineData(15, 15, true, false)]
    [InlineData(8, 0, false, false)]
    [InlineData(12, 0, false, false)]
    public void Aarch32_reserves_the_arm_arms_cp15_crn_and_crm_and_tidcp_traps_only_crn_c9_to_c11(int crn, int crm, bool reserved, bool trapped)
    {
        foreach (var (opc1, opc2) in new[] { (0, 0), (7, 7), (3, 5) })
        {
            var key = Aarch32Encoding.Cp15(AccessForm.Mcr, opc1, crn, crm, opc2).Key;

            Assert.Equal(reserved, ImplementationDefinedSpace.Contains(TrapClasses.Mcr, key));
            Assert.Equal(trapped, TrappedByTidcp(TrapClasses.Mcr, key));
        }
    }

    [Theory]
    [InlineData(0, 15, true)]
    [InlineData(7, 15, true)]
    [InlineData(0, 14, false)]
    [InlineData(0, 2, false)]
    public void The_register_pair_space_is_crm_c15_which_tidcp_does_not_trap(int opc1, int crm, bool reserved)
    {
        var mcrr = TrapClasses.Named("Mcrr")!;
        var key = Aarch32Encoding.Cp15(AccessForm.Mcrr, opc1, 0, crm, 0).Key;

        Assert.Equal(reserved, ImplementationDefinedSpace.Contains(mcrr, key));
        Assert.False(TrappedByTidcp(mcrr, key));
    }

    [Fact]
    public void Cp14_has_no_implementation_defined_space()
    {
        var cp14 = TrapClasses.Named("Cp14Mcr")!;
        var key = cp14.Key([0, 15, 0, 0]);

        Assert.False(ImplementationDefinedSpace.Contains(cp14, key));
        Assert.False(TrappedByTidcp(cp14, key));
    }

    /// <summary>Whether the emulated CPU's rules (range-traps.table's, through <see cref="ArchitecturalTraps"/>) trap the access under TIDCP, both ways.</summary>
    private static bool TrappedByTidcp(TrapClass trapClass, uint key) =>
        ArchitecturalTraps.RulesOf(trapClass, key).Contains(new TrapRule(TrapControls.TIDCP, AccessDirection.ReadWrite));
}
