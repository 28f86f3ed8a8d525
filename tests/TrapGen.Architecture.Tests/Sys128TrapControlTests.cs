using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace TrapGen.Architecture.Tests;

/// <summary>
/// MRRS and MSRR (FEAT_SYSREG128, EC 0x14) and the HCRX_EL2 enables that trap them while 0: D128En (bit 17, the registers
/// of VMSAv9-128) and EnIDCP128 (bit 21, the 128-bit IMPLEMENTATION DEFINED registers). The expectations are written from
/// the Arm ARM (D24.2.63's field descriptions, and each register's MRRS/MSRR pseudocode), not read back from the tables:
/// ArmArmTrapRuleTests holds each row to the pseudocode as extracted by a script.
/// </summary>
public sealed class Sys128TrapControlTests
{
    /// <summary>D24.2.63 HCRX_EL2.D128En: "TTBR0_EL1, TTBR1_EL1, if FEAT_THE is implemented RCWMASK_EL1, RCWSMASK_EL1, PAR_EL1".</summary>
    private static readonly string[] D128Registers = ["PAR_EL1", "RCWMASK_EL1", "RCWSMASK_EL1", "TTBR0_EL1", "TTBR1_EL1"];

    /// <summary>The registers D24.2 gives an MRRS and MSRR accessor that HCR_EL2.NV traps at EL1 (EffectiveHCR_EL2_NVx() IN {'xx1'}).</summary>
    private static readonly string[] El2Registers = ["TTBR0_EL12", "TTBR0_EL2", "TTBR1_EL12", "TTBR1_EL2", "VTTBR_EL2"];

    private static TrapControl D128En => TrapControls.All.Single(c => c.Register == HcrxEl2.Name && c.Name == "D128En");

    private static TrapControl EnIdcp128 => TrapControls.All.Single(c => c.Register == HcrxEl2.Name && c.Name == "EnIDCP128");

    [Fact]
    public void Each_enable_is_its_bit_traps_while_clear_and_needs_hcx_and_its_feature()
    {
        Assert.Equal((17, false, "FEAT_HCX&FEAT_D128"), (D128En.Bit, D128En.TrapsWhenSet, D128En.Needs));
        Assert.Equal((21, false, "FEAT_HCX&FEAT_SYSREG128"), (EnIdcp128.Bit, EnIdcp128.TrapsWhenSet, EnIdcp128.Needs));
    }

    [Fact]
    public void The_class_is_ec_0x14_with_the_msr_key_fields_and_a_halved_register_pair()
    {
        var sys128 = TrapClasses.Sys128;

        Assert.Equal((0x14u, AccessForm.Msrr, 128, true), (sys128.ExceptionClass, sys128.Form, sys128.TransferWidth, sys128.TransfersRegisterPair));
        // D24.2.46: Op0 [21:20], Op2 [19:17], Op1 [16:14], CRn [13:10], Rt [9:6], CRm [4:1], Direction [0]; ISS[5] RES0.
        Assert.Equal(0x3FFC1Eu, sys128.KeyMask);
        Assert.Equal((6, 4), (sys128.Rt!.Lsb, sys128.Rt.Width));
        Assert.Equal(0, sys128.Direction!.Lsb);
    }

    [Fact]
    public void The_registers_are_the_arm_arms_with_the_encodings_of_their_mrs()
    {
        Assert.Equal(D128Registers.Concat(El2Registers).Order(), Aarch64Registers128.All.Select(r => r.Name).Order());
        Assert.All(Aarch64Registers128.All, r => Assert.Equal(TrapClasses.Sys128.Key(r.Encoding.KeyValues), r.Key));
        Assert.All(Aarch64Registers128.All, r => Assert.Equal("FEAT_D128", r.Feature));
        // TTBR0_EL1: op0 3, op1 0, CRn 2, CRm 0, op2 0 (D24.2.209), whose MRRS ISS is 0x00300800 with Rt 0 and Direction 1.
        Assert.True(Aarch64Registers128.TryFind("ttbr0_el1", out var ttbr0));
        Assert.Equal(0x00300800u, ttbr0.Key);
    }

    [Fact]
    public void D128en_alone_traps_exactly_the_mrrs_and_msrr_of_its_registers()
    {
        var quiet = FineGrainedTrapTests.Quiet();
        var cleared = quiet with { Hcrx = quiet.Hcrx & ~D128En.Mask };

        var trapped = Accesses().Where(a => ArchitecturalTraps.TrappingControl(cleared, TrapClasses.Sys128, a.Key, a.IsRead) == D128En).Select(a => a.Name + (a.IsRead ? ":r" : ":w"));

        Assert.Equal(D128Registers.SelectMany(r => new[] { r + ":r", r + ":w" }).Order(), trapped.Order());
        Assert.All(Accesses(), a => Assert.Null(ArchitecturalTraps.TrappingControl(quiet, TrapClasses.Sys128, a.Key, a.IsRead)));
        // Their MRS and MSR do not trap under it.
        Assert.All(Aarch64Registers.All, r => Assert.NotEqual(D128En, ArchitecturalTraps.TrappingControl(cleared, TrapClasses.Msr, r.Encoding.Key, isRead: true)));
    }

    [Theory]
    [InlineData("TTBR0_EL1", true, "HCR_EL2.TRVM", "HFGRTR_EL2.TTBR0_EL1")]
    [InlineData("TTBR1_EL1", false, "HCR_EL2.TVM", "HFGWTR_EL2.TTBR1_EL1")]
    [InlineData("PAR_EL1", true, null, "HFGRTR_EL2.PAR_EL1")]
    [InlineData("RCWMASK_EL1", false, null, "HFGWTR_EL2.nRCWMASK_EL1")]
    [InlineData("RCWSMASK_EL1", true, null, "HFGRTR2_EL2.nRCWSMASK_EL1")]
    public void The_coarse_control_comes_first_then_the_fine_grained_field_then_d128en(string name, bool isRead, string? coarse, string fineGrained)
    {
        // D24.2.209 MRRS TTBR0_EL1: "HCR_EL2.TRVM == '1' ... HFGRTR_EL2.TTBR0_EL1 == '1' ... HCRX_EL2.D128En == '0'", in that order.
        Assert.True(Aarch64Registers128.TryFind(name, out var register));
        var field = FineGrainedTraps.All.Single(c => c.QualifiedName == fineGrained);
        var all = FineGrainedTrapTests.Quiet();
        all = all with { Hcrx = all.Hcrx & ~D128En.Mask };
        all = all.With(field.Register, field.TrapsWhenSet ? all.ValueOf(field.Register) | field.Mask : all.ValueOf(field.Register) & ~field.Mask);
        if (coarse is not null)
        {
            all = all with { Hcr = all.Hcr | TrapControls.All.Single(c => c.QualifiedName == coarse).Mask };
        }

        var first = ArchitecturalTraps.TrappingControl(all, TrapClasses.Sys128, register.Key, isRead);
        var withoutCoarse = coarse is null ? all : all with { Hcr = 0 };
        var withoutField = withoutCoarse.With(field.Register, withoutCoarse.ValueOf(field.Register) ^ field.Mask);

        Assert.Equal(coarse ?? fineGrained, first!.QualifiedName);
        Assert.Equal(fineGrained, ArchitecturalTraps.TrappingControl(withoutCoarse, TrapClasses.Sys128, register.Key, isRead)!.QualifiedName);
        Assert.Equal(D128En, ArchitecturalTraps.TrappingControl(withoutField, TrapClasses.Sys128, register.Key, isRead));
    }

    [Fact]
    public void Nv_traps_the_el2_registers_and_the_el12_forms_in_both_directions()
    {
        var nv = FineGrainedTrapTests.Quiet();
        nv = nv with { Hcr = nv.Hcr | TrapControls.NV.Mask };

        foreach (var name in El2Registers)
        {
            Assert.True(Aarch64Registers128.TryFind(name, out var register), name);
            Assert.Equal(2, register.ExceptionLevel);
            Assert.Equal(TrapControls.NV, ArchitecturalTraps.TrappingControl(nv, TrapClasses.Sys128, register.Key, isRead: true));
            Assert.Equal(TrapControls.NV, ArchitecturalTraps.TrappingControl(nv, TrapClasses.Sys128, register.Key, isRead: false));
        }
    }

    [Fact]
    public void Enidcp128_traps_the_whole_implementation_defined_space_after_tidcp()
    {
        // D24.2.168 MRRS S3_<op1>_C<Cn>_C<Cm>_<op2>: "HCR_EL2.TIDCP == '1' ... HCRX_EL2.EnIDCP128 == '0'"; the space is op0 3
        // with CRn 0b1x11: 8 op1 x 2 CRn x 16 CRm x 8 op2 = 2,048 encodings.
        var quiet = FineGrainedTrapTests.Quiet();
        var cleared = quiet with { Hcrx = quiet.Hcrx & ~EnIdcp128.Mask };
        var both = cleared with { Hcr = cleared.Hcr | TrapControls.TIDCP.Mask };

        var space = new List<uint>();
        for (var op1 = 0; op1 < 8; op1++)
        {
            foreach (var crn in new[] { 11, 15 })
            {
                for (var crm = 0; crm < 16; crm++)
                {
                    for (var op2 = 0; op2 < 8; op2++)
                    {
                        space.Add(TrapClasses.Sys128.Key([3, op1, crn, crm, op2]));
                    }
                }
            }
        }

        var outside = TrapClasses.Sys128.Key([3, 0, 14, 0, 0]);
        Assert.Equal(2048, space.Count);
        Assert.All(space, key => Assert.True(ImplementationDefinedSpace.Contains(TrapClasses.Sys128, key)));
        Assert.All(space, key => Assert.Equal(EnIdcp128, ArchitecturalTraps.TrappingControl(cleared, TrapClasses.Sys128, key, isRead: true)));
        Assert.All(space, key => Assert.Equal(TrapControls.TIDCP, ArchitecturalTraps.TrappingControl(both, TrapClasses.Sys128, key, isRead: false)));
        Assert.All(space, key => Assert.Null(ArchitecturalTraps.TrappingControl(quiet, TrapClasses.Sys128, key, isRead: false)));
        Assert.Null(ArchitecturalTraps.TrappingControl(cleared, TrapClasses.Sys128, outside, isRead: true));
    }

    [Fact]
    public void At_el1_an_encoding_without_a_128_bit_register_is_undefined_and_an_el2_one_above_el1()
    {
        // SCTLR_EL1 has no MRRS accessor (D24.2.175 lists MRS and MSR only).
        var sctlr = TrapClasses.Sys128.Key([3, 0, 1, 0, 0]);
        Assert.True(Aarch64Registers128.TryFind("TTBR0_EL2", out var ttbr0El2));

        Assert.Equal(El1AccessCheck.Unallocated, El1Access.Check(TrapClasses.Sys128, sctlr, isRead: true));
        Assert.Equal(El1AccessCheck.HigherExceptionLevel, El1Access.Check(TrapClasses.Sys128, ttbr0El2.Key, isRead: true));
        Assert.True(Aarch64Registers128.TryFind("TTBR0_EL1", out var ttbr0));
        Assert.Equal(El1AccessCheck.Allowed, El1Access.Check(TrapClasses.Sys128, ttbr0.Key, isRead: false));
    }

    [Fact]
    public void A_model_without_sysreg128_or_d128_has_none_of_them()
    {
        var max = CpuModels.Find("max")!;
        Assert.True(Aarch64Registers128.TryFind("TTBR0_EL1", out var ttbr0));

        Assert.False(max.Has(PairedAccess.Feature));
        Assert.False(Accesses128.Implements(max, ttbr0));
        Assert.False(D128En.ExistsOn(max));
        Assert.False(EnIdcp128.ExistsOn(max));
        Assert.True(PairedAccess.Decodes(3, 0, model: null));
        Assert.False(PairedAccess.Decodes(3, 1, model: null));
        Assert.False(PairedAccess.Decodes(3, 31, model: null));
        // SYSP may name no pair (Rt 31, XZR twice), but no other odd register (C6.2.476).
        Assert.True(PairedAccess.Decodes(1, 31, model: null));
        Assert.False(PairedAccess.Decodes(1, 29, model: null));
    }

    [Fact]
    public void Every_tlbip_of_the_arm_arm_is_its_tlbi_at_its_encoding_with_its_rules()
    {
        // C5.5: 60 sections of TLBIP, each with its nXS form; every one has a TLBI of the same operation.
        Assert.Equal(120, SystemInstructions128.All.Count);
        Assert.All(SystemInstructions128.All, i => Assert.Equal(("TLBI", 1), (i.Instruction.Operation, i.Encoding.Op0)));
        Assert.True(SystemInstructions128.TryFind("tlbip vae1", out var vae1));
        // TLBI VAE1: op1 0, CRn 8, CRm 7, op2 1 (C5.5.128); ISS key 0x00100000 | op2 1 << 17 | CRn 8 << 10 | CRm 7 << 1.
        Assert.Equal(0x0012200Eu, vae1.Key);
        Assert.Equal(["HCR_EL2.TTLB", "HFGITR_EL2.TLBIVAE1"], vae1.Traps.Select(t => t.Control.QualifiedName));
        Assert.True(SystemInstructions128.TryFind("TLBIP VAE2", out var vae2));
        Assert.Equal(2, vae2.ExceptionLevel);
    }

    [Fact]
    public void Ttlb_traps_every_el1_tlbip_and_nv_the_el2_ones()
    {
        var quiet = FineGrainedTrapTests.Quiet();
        var ttlb = quiet with { Hcr = quiet.Hcr | TrapControls.TTLB.Mask };
        var nv = quiet with { Hcr = quiet.Hcr | TrapControls.NV.Mask };

        var el1 = SystemInstructions128.All.Where(i => i.ExceptionLevel == 1).ToList();
        Assert.Equal(["TLBIP IPAS2E1", "TLBIP IPAS2LE1", "TLBIP RIPAS2E1", "TLBIP RIPAS2LE1"], SystemInstructions128.All.Where(i => i.ExceptionLevel == 2 && i.Name.Contains("IPAS2", System.StringComparison.Ordinal) && !i.Name.EndsWith("NXS", System.StringComparison.Ordinal) && !i.Name.Contains("IS", System.StringComparison.Ordinal) && !i.Name.Contains("OS", System.StringComparison.Ordinal)).Select(i => i.Name).Order());
        Assert.Equal(48, el1.Count);
        Assert.All(el1.Where(i => !i.Name.Contains("IS", System.StringComparison.Ordinal) && !i.Name.Contains("OS", System.StringComparison.Ordinal)), i => Assert.Equal(TrapControls.TTLB, ArchitecturalTraps.TrappingControl(ttlb, TrapClasses.Sys128, i.Key, isRead: false)));
        Assert.All(SystemInstructions128.All.Where(i => i.ExceptionLevel == 2), i => Assert.Equal(TrapControls.NV, ArchitecturalTraps.TrappingControl(nv, TrapClasses.Sys128, i.Key, isRead: false)));
        Assert.All(SystemInstructions128.All, i => Assert.Null(ArchitecturalTraps.TrappingControl(quiet, TrapClasses.Sys128, i.Key, isRead: false)));
    }

    [Fact]
    public void One_lookup_finds_every_register_and_tlbip_at_its_own_key()
    {
        // Registers are op0 3 and TLBIPs op0 1, so their keys never meet: 10 registers and 120 TLBIPs.
        Assert.Equal(130, Accesses128.All.Count);
        Assert.All(Accesses128.All, access => Assert.True(Accesses128.TryFind(access.Key, out var found) && ReferenceEquals(access, found), access.Name));
        Assert.True(Accesses128.TryFind(0x00300800u, out var ttbr0));
        Assert.Equal(("TTBR0_EL1", PairedAccess.Feature), (ttbr0.Name, ttbr0.DecodeFeature));
        Assert.True(ttbr0.Allows(AccessDirection.Read) && ttbr0.Allows(AccessDirection.Write));
        Assert.True(Accesses128.TryFind(0x0012200Eu, out var vae1));
        Assert.Equal(("TLBIP VAE1", PairedAccess.InstructionFeature), (vae1.Name, vae1.DecodeFeature));
        Assert.Equal((false, true), (vae1.Allows(AccessDirection.Read), vae1.Allows(AccessDirection.Write)));
        // op0 3, op1 0, CRn 2, CRm 0, op2 7: no register has it.
        Assert.False(Accesses128.TryFind(0x00380800u, out _));
    }

    [Fact]
    public void A_register_needs_mrrs_and_a_tlbip_needs_sysp()
    {
        var registers = CpuModels.Find("max+FEAT_SYSREG128+FEAT_D128")!;
        var instructions = CpuModels.Find("max+FEAT_SYSINSTR128+FEAT_D128")!;
        Assert.True(Accesses128.TryFind(0x00300800u, out var ttbr0));
        Assert.True(Accesses128.TryFind(0x0012200Eu, out var vae1));

        Assert.Equal((true, false), (Accesses128.Implements(registers, ttbr0), Accesses128.Implements(registers, vae1)));
        Assert.Equal((false, true), (Accesses128.Implements(instructions, ttbr0), Accesses128.Implements(instructions, vae1)));
    }

    /// <summary>Every MRRS and MSRR of a 128-bit register the table has, by name, key and direction.</summary>
    private static IEnumerable<(string Name, uint Key, bool IsRead)> Accesses() =>
        Aarch64Registers128.All.SelectMany(r => new[] { true, false }.Select(isRead => (r.Name, r.Key, isRead)));
}
