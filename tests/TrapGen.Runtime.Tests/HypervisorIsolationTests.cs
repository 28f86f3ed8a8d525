using System.Collections.Generic;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Instructions;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Domains;
using TrapGen.Runtime.Emulation;
using TrapGen.Runtime.Traps;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>
/// Every encoding of every register-moving trap class (MSR/MRS, MCR/MRC and MCRR/MRRC of cp15 and cp14, and
/// VMRS), executed once as an EL1 guest read and once as a write:
/// EL2 and EL3 state (HCR_EL2, the Hyp-mode HCR, the Secure-only SCR) is UNDEFINED, and no guest
/// access, of any encoding, changes the hypervisor's registers or another vCPU.
/// </summary>
public sealed class HypervisorIsolationTests
{
    /// <summary>HCR_EL2.DC and TVM: the hypervisor's own UpdateSctlr hook clears them when the guest enables its MMU.</summary>
    private static readonly ulong HypervisorPolicyBits = (1UL << HcrEl2.DC) | TrapControls.TVM.Mask;

    public static TheoryData<string> Spaces() =>
        [.. TrapClasses.Dispatchable.Where(c => c.Form is AccessForm.Msr or AccessForm.Mcr or AccessForm.Mcrr).Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Spaces))]
    public void No_guest_access_reaches_hypervisor_state_or_another_vcpu(string className)
    {
        var space = TrapClasses.Named(className)!;
        var aarch64 = space.IsAarch64;
        var domain = new Domain([aarch64 ? ExecutionState.Aarch64 : ExecutionState.Aarch32, ExecutionState.Aarch64]);
        domain.Build();
        var bystander = domain.Vcpus[1];
        bystander.Registers.WriteX(3, 0x5a5a5a5a5a5a5a5a);
        var bystanderRegisters = Snapshot(bystander);
        var guest = domain.Current;
        var hcr = domain.Hypervisor.Hcr.Value;
        var cnthctl = domain.Hypervisor.Cnthctl;
        var checkedAccesses = 0;
        var higherLevel = 0;

        foreach (var access in Accesses(space))
        {
            for (var rt = 0; rt < 2; rt++)
            {
                guest.Registers.WriteX(rt, ulong.MaxValue);
            }

            var result = domain.Cpu.Execute(InstructionEncoder.Encode(access));
            if (El1Access.Check(access.Class, access.Key, access.IsRead) == El1AccessCheck.HigherExceptionLevel)
            {
                higherLevel++;
                Assert.Equal(ExecutionKind.UndefinedAtEl1, result.Kind);
                Assert.Equal(UndefinedReason.HigherExceptionLevel, result.Undefined);
            }

            Assert.Equal(hcr & ~HypervisorPolicyBits, domain.Hypervisor.Hcr.Value & ~HypervisorPolicyBits);
            Assert.Equal(cnthctl, domain.Hypervisor.Cnthctl);
            checkedAccesses++;
        }

        Assert.Equal(bystanderRegisters, Snapshot(bystander));
        Assert.Equal(0x5a5a5a5a5a5a5a5aUL, bystander.Registers.ReadX(3));
        Assert.Empty(bystander.OtherSystemRegisters);
        // cp15 and the AArch64 space hold EL2 and EL3 registers; cp14 and the VMRS rows hold none.
        Assert.Equal(space.IsAarch64 || space.Coprocessor == Aarch32Constants.Cp15, higherLevel > 0);

        Assert.Equal(Accesses(space).Count(), checkedAccesses);
    }

    [Theory]
    [InlineData("mcr p15, 4, r0, c1, c1, 0", "HCR")]
    [InlineData("mcr p15, 4, r0, c1, c1, 4", "HCR2")]
    [InlineData("mcr p15, 4, r0, c12, c0, 0", "HVBAR")]
    [InlineData("mcr p15, 4, r0, c1, c0, 0", "HSCTLR")]
    [InlineData("mcr p15, 4, r0, c14, c1, 0", "CNTHCTL")]
    [InlineData("mcrr p15, 4, r0, r1, c2", "HTTBR")]
    [InlineData("mcrr p15, 6, r0, r1, c2", "VTTBR")]
    [InlineData("mcr p15, 0, r0, c1, c1, 0", "SCR")]
    [InlineData("mcr p15, 0, r0, c12, c0, 1", "MVBAR")]
    public void An_aarch32_guest_gets_an_undef_for_hyp_and_secure_registers_and_they_keep_no_value(string instruction, string name)
    {
        var domain = Machine.Aarch32();
        domain.Build();
        Assert.True(SystemInstructionSyntax.TryParse(instruction, thumb: false, out var write, out var error), error);
        var read = write with { IsRead = true };
        domain.Current.Registers.WriteR(0, 0xffffffff);
        domain.Current.Registers.WriteR(1, 0xffffffff);

        var written = domain.Cpu.Execute(InstructionEncoder.Encode(write));
        domain.Current.Registers.WriteR(0, 0);
        var readBack = domain.Cpu.Execute(InstructionEncoder.Encode(read));

        Assert.Equal(name, RegistersByKey.NameOf(write.Class, SyndromeKeyOf(written.Esr), isRead: false));
        Assert.Equal((ExecutionKind.UndefinedAtEl1, UndefinedReason.HigherExceptionLevel), (written.Kind, written.Undefined));
        Assert.Equal(ExecutionKind.UndefinedAtEl1, readBack.Kind);
        Assert.Equal(0u, domain.Current.Registers.ReadR(0));
        Assert.Empty(domain.Current.OtherSystemRegisters);
    }

    [Theory]
    [InlineData(0xee01ff10u, "mcr r15")]
    [InlineData(0xec4fff02u, "mcrr r15, r15")]
    [InlineData(0xec522f02u, "mrrc r2, r2")]
    public void An_unpredictable_transfer_register_form_is_undefined_and_moves_nothing(uint word, string what)
    {
        var domain = Machine.Aarch32();
        domain.Build();
        var ttbr0 = Machine.Read(domain, "TTBR0_EL1");
        domain.Current.Registers.WriteR(2, 0x22222222);

        var result = domain.Cpu.Execute(word);

        Assert.True(result.Kind == ExecutionKind.UndefinedAtEl1 && result.Undefined == UndefinedReason.Unpredictable, what);
        Assert.Equal(ttbr0, Machine.Read(domain, "TTBR0_EL1"));
        Assert.Equal(0x22222222u, domain.Current.Registers.ReadR(2));
        Assert.Equal(1, domain.Current.UndefinedExceptions);
    }

    private static uint SyndromeKeyOf(uint esr) => SyndromeKey.TryGet(esr, out _, out var key) ? key : 0;

    /// <summary>Every encoding of a trap class's space, read and written.</summary>
    private static IEnumerable<SystemRegisterAccess> Accesses(TrapClass space) =>
        from isRead in new[] { true, false }
        from access in Encodings(space, isRead)
        select access;

    /// <summary>
    /// Every encoding of a class's key fields; a class that traps only the rows it lists (VMRS) gets those rows,
    /// which are read-only, so its write is the same read.
    /// </summary>
    private static IEnumerable<SystemRegisterAccess> Encodings(TrapClass space, bool isRead) => space.Form switch
    {
        _ when space.CoversListedRowsOnly =>
            from row in Aarch32Registers.All
            where row.Encoding.Class == space
            select new SystemRegisterAccess(space, InstructionSet.A32, true, 0, (uint)row.Encoding.Opc1, (uint)row.Encoding.CRn,
                (uint)row.Encoding.CRm, (uint)row.Encoding.Opc2, 0, 0, Aarch32Constants.ConditionAlways),
        AccessForm.Msr =>
            from op0 in Values(2, 2)
            from op1 in Values(0, 8)
            from crn in Values(0, 16)
            from crm in Values(0, 16)
            from op2 in Values(0, 8)
            select new SystemRegisterAccess(space, InstructionSet.A64, isRead, op0, op1, crn, crm, op2, 1, 0, Aarch32Constants.ConditionAlways),
        AccessForm.Mcr =>
            from opc1 in Values(0, 8)
            from crn in Values(0, 16)
            from crm in Values(0, 16)
            from opc2 in Values(0, 8)
            select new SystemRegisterAccess(space, InstructionSet.A32, isRead, 0, opc1, crn, crm, opc2, 0, 0, Aarch32Constants.ConditionAlways),
        _ =>
            from opc1 in Values(0, 16)
            from crm in Values(0, 16)
            select new SystemRegisterAccess(space, InstructionSet.A32, isRead, 0, opc1, 0, crm, 0, 0, 1, Aarch32Constants.ConditionAlways),
    };

    private static IEnumerable<uint> Values(uint first, uint count) => Enumerable.Range((int)first, (int)count).Select(v => (uint)v);

    private static Dictionary<string, ulong> Snapshot(Vcpu vcpu) =>
        SystemRegisters.All.Where(r => vcpu.SavedSystemRegisters.TryRead(r.Register, out _))
            .ToDictionary(r => r.Name, r => vcpu.SavedSystemRegisters.TryRead(r.Register, out var value) ? value : 0);
}
