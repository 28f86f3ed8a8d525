using System.Collections.Generic;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Instructions;
using TrapGen.Runtime.Emulation;
using TrapGen.Testing;
using TrapGen.Testing.ArmArm;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>
/// HCR_EL2.TIDCP, checked against the Arm ARM rather than QEMU: QEMU 7.2 does not implement the trap, so
/// the QEMU differential test leaves TIDCP out and these rows come from the Arm ARM's description of
/// HCR_EL2.TIDCP instead. It traps EL1 accesses, in both directions, to every AArch64 encoding reserved for
/// IMPLEMENTATION DEFINED functionality (MRS/MSR with op0 3 and SYS/SYSL with op0 1, CRn 11 or 15,
/// reported with EC 0x18), and to the AArch32 MCR/MRC encodings p15 CRn 9 with CRm 0–2 or 5–8, CRn 10
/// with CRm 0, 1, 4 or 8, and CRn 11 with CRm 0–8 or 15, for every opc1 and opc2 (EC 0x03). CRn 15 and
/// MCRR/MRRC are IMPLEMENTATION DEFINED too, but TIDCP does not trap them.
/// </summary>
public sealed class TidcpTests
{
    private static readonly ulong Tidcp = 1UL << TrapControls.TIDCP.Bit;

    public static TheoryData<bool> Directions => [true, false];

    [Theory]
    [MemberData(nameof(Directions))]
    public void Tidcp_traps_every_el1_access_to_the_aarch64_implementation_defined_space(bool isRead)
    {
        var checkedCount = 0;
        foreach (var op0 in new uint[] { 1, 3 })
        {
            foreach (var (op1, crn, crm, op2) in Coordinates(op1s: 8, crns: [11, 15], crms: 16, op2s: 8))
            {
                var el2OrEl3 = op1 is 4 or 5 or 6;
                var access = new SystemRegisterAccess(TrapClasses.Msr, InstructionSet.A64, isRead, op0, op1, crn, crm, op2, Rt: 1, Rt2: 0, Aarch32Constants.ConditionAlways);
                var (trapped, untrapped) = RunWithAndWithoutTidcp(Machine.Aarch64(), access);

                // op1 4, 5 and 6 are EL2 and EL3 encodings: UNDEFINED at EL1 before any trap.
                var expected = el2OrEl3 ? ExecutionKind.UndefinedAtEl1 : ExecutionKind.Trapped;
                Assert.True(trapped.Kind == expected, Describe(access) + ": " + trapped.Kind);
                Assert.True(el2OrEl3 || trapped.Control == TrapControls.TIDCP, Describe(access));
                Assert.True(el2OrEl3 || trapped.Esr == Syndromes.Msr(op0, op1, crn, crm, op2, rt: 1, isRead), Describe(access));
                Assert.True(untrapped.Kind != ExecutionKind.Trapped, Describe(access) + " traps without TIDCP");
                checkedCount++;
            }
        }

        Assert.Equal(2 * 8 * 2 * 16 * 8, checkedCount);
    }

    [Theory]
    [MemberData(nameof(Directions))]
    public void Tidcp_traps_exactly_the_aarch32_crn_9_10_and_11_encodings_of_the_space(bool isRead)
    {
        var expectedTrapped = new HashSet<(uint CRn, uint CRm)>(
            new uint[] { 0, 1, 2, 5, 6, 7, 8 }.Select(m => (9u, m))
                .Concat(new uint[] { 0, 1, 4, 8 }.Select(m => (10u, m)))
                .Concat(new uint[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 15 }.Select(m => (11u, m))));
        var trappedCount = 0;
        foreach (var (opc1, crn, crm, opc2) in Coordinates(op1s: 8, crns: [9, 10, 11, 15], crms: 16, op2s: 8))
        {
            var access = new SystemRegisterAccess(TrapClasses.Mcr, InstructionSet.A32, isRead, 0, opc1, crn, crm, opc2, Rt: 1, Rt2: 0, Aarch32Constants.ConditionAlways);
            if (Aarch32Registers.TryFind(Aarch32Encoding.Cp15(AccessForm.Mcr, (int)opc1, (int)crn, (int)crm, (int)opc2), out _))
            {
                continue; // an architectural register, trapped as its own row says
            }

            var (trapped, untrapped) = RunWithAndWithoutTidcp(Machine.Aarch32(), access);
            if (expectedTrapped.Contains((crn, crm)))
            {
                Assert.True(trapped.Kind == ExecutionKind.Trapped && trapped.Control == TrapControls.TIDCP, Describe(access) + ": " + trapped.Kind);
                Assert.Equal(Syndromes.Mcr(0x03, Syndromes.Always, opc1, crn, crm, opc2, rt: 1, isRead), trapped.Esr);
                Assert.True(untrapped.Kind != ExecutionKind.Trapped, Describe(access) + " traps without TIDCP");
                trappedCount++;
            }
            else
            {
                Assert.True(trapped.Control != TrapControls.TIDCP, Describe(access) + " is trapped by TIDCP");
            }
        }

        Assert.Equal(expectedTrapped.Count * 8 * 8, trappedCount);
    }

    /// <summary>
    /// Four TIDCP traps with their ESR_EL2 worked out by hand from the Arm ARM's ISS layouts (EC, IL, Op0, Op2,
    /// Op1, CRn, Rt, CRm, Dir; for an MCR also CV 1 and COND 0xE), the words assembled by binutils.
    /// </summary>
    [Theory]
    [InlineData("a64", "mrs x1, s3_0_c15_c2_0", 0x62303C25u)] // EC 0x18, IL, Op0 3, CRn 15, Rt 1, CRm 2, read
    [InlineData("a64", "sys #7, c11, c15, #7, x1", 0x621FEC3Eu)] // EC 0x18, IL, Op0 1, Op2 7, Op1 7, CRn 11, Rt 1, CRm 15, write
    [InlineData("a32", "mrc p15, 1, r1, c9, c0, 7", 0x0FEE6421u)] // EC 0x03, IL, CV, COND 0xE, Opc2 7, Opc1 1, CRn 9, Rt 1, read
    [InlineData("a32", "mcr p15, 0, r1, c11, c15, 0", 0x0FE02C3Eu)] // EC 0x03, IL, CV, COND 0xE, CRn 11, Rt 1, CRm 15, write
    public void Tidcp_reports_the_arm_arms_syndrome(string state, string text, uint esr)
    {
        var domain = state == "a64" ? Machine.Aarch64() : Machine.Aarch32();
        var word = state == "a64" ? GuestCode.A64(text)[0] : GuestCode.A32(text)[0];
        domain.Hypervisor.Hcr.Value |= Tidcp;

        var trapped = domain.Cpu.Execute(word);

        Assert.Equal((ExecutionKind.Trapped, (ulong)esr), (trapped.Kind, trapped.Esr));
    }

    [Fact]
    public void A_catalogue_may_put_an_implementation_defined_register_in_a_tidcp_group()
    {
        Assert.Equal([new TrapRule(TrapControls.TIDCP, AccessDirection.ReadWrite)], RegistersByKey.RulesOf(TrapClasses.Msr, new Aarch64Encoding(3, 0, 15, 2, 0).Key));
        Assert.Empty(RegistersByKey.RulesOf(TrapClasses.Mcr, Aarch32Encoding.Cp15(AccessForm.Mcr, 0, 15, 0, 0).Key));
    }

    private static (ExecutionResult Trapped, ExecutionResult Untrapped) RunWithAndWithoutTidcp(Domains.Domain domain, SystemRegisterAccess access)
    {
        var word = InstructionEncoder.Encode(access);
        domain.Hypervisor.Hcr.Value |= Tidcp;
        var trapped = domain.Cpu.Execute(word);
        domain.Hypervisor.Hcr.Value &= ~Tidcp;
        var untrapped = domain.Cpu.Execute(word);
        return (trapped, untrapped);
    }

    private static IEnumerable<(uint Op1, uint CRn, uint CRm, uint Op2)> Coordinates(uint op1s, uint[] crns, uint crms, uint op2s) =>
        from op1 in Enumerable.Range(0, (int)op1s)
        from crn in crns
        from crm in Enumerable.Range(0, (int)crms)
        from op2 in Enumerable.Range(0, (int)op2s)
        select ((uint)op1, crn, (uint)crm, (uint)op2);

    private static string Describe(SystemRegisterAccess access) => SystemInstructionSyntax.Format(access);
}
