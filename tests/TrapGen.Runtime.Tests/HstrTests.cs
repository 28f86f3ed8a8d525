using System.Linq;
using TrapGen.Architecture;
using TrapGen.Instructions;
using TrapGen.Runtime.Emulation;
using TrapGen.Testing;
using TrapGen.Testing.ArmArm;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>
/// HSTR_EL2.T&lt;n&gt;, from the Arm ARM (D24.2.77 HSTR_EL2, and J1.1.2.39 AArch64.CheckCP15InstrCoarseTraps, which every
/// cp15 MCR, MRC, MCRR and MRRC runs before its register's accessor): at EL1, T&lt;n&gt; traps every MCR/MRC with
/// CRn = n (EC 0x03) and every MCRR/MRRC with CRm = n (EC 0x04), of a register or of none, before any UNDEFINED;
/// T4 and T14 are RES0; cp14 and cp10 are untouched. The whole cp15 space, each T&lt;n&gt; alone.
/// </summary>
public sealed class HstrTests
{
    private static readonly int[] Primaries = [0, 1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15];

    public static TheoryData<int> Bits => [.. Enumerable.Range(0, 16)];

    [Fact]
    public void Hstr_has_a_control_for_every_primary_register_but_c4_and_c14()
    {
        var controls = TrapControls.All.Where(c => c.Register == HstrEl2.Name).ToList();

        Assert.Equal(Primaries, controls.Select(c => c.Bit));
        Assert.All(controls, c => Assert.Equal(("T" + c.Bit, true, "FEAT_AA32EL1"), (c.Name, c.TrapsWhenSet, c.Needs)));
    }

    [Theory]
    [MemberData(nameof(Bits))]
    public void Each_bit_alone_traps_the_mcr_and_mcrr_space_of_its_primary_register_before_any_undefined(int n)
    {
        var domain = Machine.Aarch32();
        domain.Hypervisor.Hstr = 1UL << n;
        var exists = Primaries.Contains(n);
        var executed = 0;
        foreach (var isRead in new[] { true, false })
        {
            for (uint opc1 = 0; opc1 < 8; opc1++)
            {
                for (uint crn = 0; crn < 16; crn++)
                {
                    for (uint crm = 0; crm < 16; crm++)
                    {
                        for (uint opc2 = 0; opc2 < 8; opc2++)
                        {
                            var mcr = new SystemRegisterAccess(TrapClasses.Mcr, InstructionSet.A32, isRead, 0, opc1, crn, crm, opc2, Rt: 1, Rt2: 0, Aarch32Constants.ConditionAlways);
                            Check(domain, mcr, exists && crn == n, n);
                            executed++;
                        }

                        if (crn == 0 && opc1 < 16)
                        {
                            var mcrr = new SystemRegisterAccess(TrapClasses.Mcrr, InstructionSet.A32, isRead, 0, opc1, 0, crm, 0, Rt: 1, Rt2: 2, Aarch32Constants.ConditionAlways);
                            Check(domain, mcrr, exists && crm == n, n);
                            executed++;
                        }
                    }
                }
            }
        }

        Assert.Equal(2 * ((8 * 16 * 16 * 8) + (8 * 16)), executed);
    }

    [Fact]
    public void Hstr_traps_no_cp14_access()
    {
        var domain = Machine.Aarch32();
        domain.Hypervisor.Hstr = 0xBFEF;
        var access = new SystemRegisterAccess(TrapClasses.Cp14Mcr, InstructionSet.A32, true, 0, 0, 0, 1, 0, Rt: 1, Rt2: 0, Aarch32Constants.ConditionAlways);

        Assert.Null(domain.Cpu.Execute(InstructionEncoder.Encode(access)).Control);
    }

    [Fact]
    public void On_a_cpu_whose_el1_runs_no_aarch32_hstr_is_res0()
    {
        var model = CpuModels.Find("cortex-a76")!;
        var controls = new TrapControlRegisters(0, 0, 0, 0) { Hstr = 0xBFEF };

        Assert.Null(ArchitecturalTraps.TrappingControl(controls, TrapClasses.Mcr, Aarch32Encoding.Cp15(AccessForm.Mcr, 0, 1, 0, 0).Key, isRead: true, model));
    }

    /// <summary>An MCR of SCTLR with T1 set, its ESR_EL2 worked out by hand: EC 0x03, IL, CV 1, COND 0xE, CRn 1, Rt 1, write.</summary>
    [Fact]
    public void A_trap_reports_the_arm_arms_syndrome()
    {
        var domain = Machine.Aarch32();
        domain.Hypervisor.Hstr = 1UL << 1;

        var result = domain.Cpu.Execute(GuestCode.A32("mcr p15, 0, r1, c1, c0, 0")[0]);

        Assert.Equal((ExecutionKind.Trapped, 0x0FE00420UL, TrapControls.T1), (result.Kind, result.Esr, result.Control));
    }

    private static void Check(Domains.Domain domain, SystemRegisterAccess access, bool traps, int n)
    {
        var result = domain.Cpu.Execute(InstructionEncoder.Encode(access));
        var what = SystemInstructionSyntax.Format(access) + " with HSTR_EL2 bit " + n;
        if (traps)
        {
            Assert.True(result.Kind == ExecutionKind.Trapped && result.Control?.Name == "T" + n, what + ": " + result.Kind + " " + result.Control?.Name);
            Assert.Equal((ulong)access.Class.ExceptionClass, result.Esr >> 26);
        }
        else
        {
            Assert.True(result.Control?.Register != HstrEl2.Name, what + " traps under " + result.Control?.Name);
        }
    }
}
