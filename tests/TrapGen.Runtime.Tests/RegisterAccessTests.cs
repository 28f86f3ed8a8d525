using System.Linq;
using TrapGen.Architecture;
using TrapGen.Instructions;
using TrapGen.Runtime.Traps;
using TrapGen.Testing;
using TrapGen.Testing.ArmArm;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>
/// For every catalogued passthrough register and alias (the table comes from the generated registry),
/// a trapped write and read move exactly the right bits, and a write keeps what the CPU model (cortex-a57)
/// implements of the register (CpuModel.WriteMaskOf). Instruction words come from binutils; expected values use
/// this test's own view masks, not the generated ones, and which half an AArch32 view is comes from a
/// hand-written list of the Arm ARM's (HighHalfViews), not from the registry.
/// </summary>
public sealed class RegisterAccessTests
{
    private const ulong Preset = 0xA5A5_A5A5_5A5A_5A5A;
    private const ulong Value64 = 0x0123_4567_89AB_CDEF;
    private const uint Value32 = 0x1357_9BDF;
    private const ulong Low32 = 0x0000_0000_FFFF_FFFF;
    private const ulong High32 = 0xFFFF_FFFF_0000_0000;

    public static TheoryData<string> Aarch64Registers() =>
        [.. SystemRegisters.All.Where(r => r.IsAarch64Dispatched && r.Handling == RegisterHandling.Passthrough).Select(r => r.Name)];

    public static TheoryData<string, string> McrAliases() => Aliases(AccessForm.Mcr);

    public static TheoryData<string, string> McrrAliases() => Aliases(AccessForm.Mcrr);

    public static TheoryData<string, string> LdcStcAliases() => Aliases(AccessForm.LdcStc);

    [Theory]
    [MemberData(nameof(Aarch64Registers))]
    public void Msr_writes_and_mrs_reads_the_register_at_its_width(string name)
    {
        var info = Machine.Info(name);
        var domain = Machine.Aarch64();
        var vcpu = domain.Current;
        var words = GuestCode.A64("msr s" + Encoding(info) + ", x5", "mrs x6, s" + Encoding(info));
        var preset = info.Width == 64 ? Preset : Preset & Low32;
        Machine.Write(domain, name, preset);
        vcpu.Registers.WriteX(5, Value64);

        Assert.Equal(Outcome(info.IsWritable), Machine.Trap(domain, words[0], InstructionSet.A64));
        Assert.Equal(!info.IsWritable ? preset : Kept(domain, name, info.Width == 64 ? Value64 : Value64 & Low32), Machine.Read(domain, name));

        Machine.Write(domain, name, preset);
        Assert.Equal(Outcome(info.IsReadable), Machine.Trap(domain, words[1], InstructionSet.A64));
        Assert.Equal(info.IsReadable ? preset : 0, vcpu.Registers.ReadX(6));
        Assert.Equal(Value64, vcpu.Registers.ReadX(5));
        Assert.Equal(Advanced(info), vcpu.Pc);
    }

    [Theory]
    [MemberData(nameof(McrAliases))]
    public void Mcr_writes_and_mrc_reads_exactly_the_aliased_bits(string register, string aliasName)
    {
        var (info, alias) = Find(register, aliasName, AccessForm.Mcr);
        var domain = Machine.Aarch32();
        var vcpu = domain.Current;
        var operands = $"p{alias.Coprocessor}, {alias.Opc1}, r3, c{alias.CRn}, c{alias.CRm}, {alias.Opc2}";
        var words = GuestCode.A32("mcr " + operands, "mrc " + operands.Replace("r3", "r4", System.StringComparison.Ordinal));
        var preset = info.Width == 64 ? Preset : Preset & Low32;
        Machine.Write(domain, register, preset);
        vcpu.Registers.WriteR(3, Value32);

        Assert.Equal(Outcome(info.IsWritable), Machine.Trap(domain, words[0], InstructionSet.A32));

        // Which half the alias is comes from the Arm ARM, written out by hand (HighHalfViews), not from the
        // registry; whether a write of the low half clears the high one is registers.yaml's choice (view: zero-extend).
        var high = HighHalfViews.Names.Contains(aliasName);
        var written = high ? (preset & Low32) | ((ulong)Value32 << 32) : alias.View == RegisterView.ZeroExtend ? Value32 : (preset & High32) | Value32;
        var expected = !info.IsWritable ? preset : Kept(domain, register, written);
        Assert.Equal(expected, Machine.Read(domain, register));

        Machine.Write(domain, register, preset);
        Assert.Equal(Outcome(info.IsReadable), Machine.Trap(domain, words[1], InstructionSet.A32));
        Assert.Equal(!info.IsReadable ? 0u : high ? (uint)(preset >> 32) : (uint)(preset & Low32), vcpu.Registers.ReadR(4));
        Assert.Equal(Advanced(info), vcpu.Pc);
    }

    [Theory]
    [MemberData(nameof(McrrAliases))]
    public void Mcrr_writes_and_mrrc_reads_the_whole_register_rt_low_rt2_high(string register, string aliasName)
    {
        var (_, alias) = Find(register, aliasName, AccessForm.Mcrr);
        var domain = Machine.Aarch32();
        var vcpu = domain.Current;
        var coprocessor = "p" + alias.Coprocessor;
        var words = GuestCode.A32($"mcrr {coprocessor}, {alias.Opc1}, r2, r3, c{alias.CRm}", $"mrrc {coprocessor}, {alias.Opc1}, r4, r5, c{alias.CRm}");
        vcpu.Registers.WriteR(2, 0x89AB_CDEF);
        vcpu.Registers.WriteR(3, 0x0123_4567);

        Assert.Equal(TrapOutcome.Handled, Machine.Trap(domain, words[0], InstructionSet.A32));
        Assert.Equal(Kept(domain, register, Value64), Machine.Read(domain, register));

        Machine.Write(domain, register, Preset);
        Assert.Equal(TrapOutcome.Handled, Machine.Trap(domain, words[1], InstructionSet.A32));
        Assert.Equal((uint)(Preset & Low32), vcpu.Registers.ReadR(4));
        Assert.Equal((uint)(Preset >> 32), vcpu.Registers.ReadR(5));
    }

    [Theory]
    [MemberData(nameof(LdcStcAliases))]
    public void Ldc_loads_the_register_from_guest_memory_and_stc_stores_it_with_the_base_written_back(string register, string aliasName)
    {
        var (info, alias) = Find(register, aliasName, AccessForm.LdcStc);
        var domain = Machine.Aarch32();
        var vcpu = domain.Current;
        var words = GuestCode.A32($"ldc p{alias.Coprocessor}, c{alias.CRn}, [r1], #4", $"stc p{alias.Coprocessor}, c{alias.CRn}, [r2, #-8]!");
        vcpu.Memory.WriteWord(0x1000, Value32);
        vcpu.Registers.WriteR(1, 0x1000);
        vcpu.Registers.WriteR(2, 0x2008);
        Machine.Write(domain, register, Preset);

        Assert.Equal(Outcome(info.IsWritable), Machine.Trap(domain, words[0], InstructionSet.A32));
        Assert.Equal(info.IsWritable ? Kept(domain, register, (Preset & High32) | Value32) : Preset, Machine.Read(domain, register));
        Assert.Equal(info.IsWritable ? 0x1004u : 0x1000u, vcpu.Registers.ReadR(1));

        Machine.Write(domain, register, Preset);
        Assert.Equal(Outcome(info.IsReadable), Machine.Trap(domain, words[1], InstructionSet.A32));
        Assert.Equal(info.IsReadable ? (uint)(Preset & Low32) : 0u, vcpu.Memory.ReadWord(0x2000));
        Assert.Equal(info.IsReadable ? 0x2000u : 0x2008u, vcpu.Registers.ReadR(2));
        Assert.Equal(Advanced(info), vcpu.Pc);
    }

    [Fact]
    public void Every_passthrough_alias_is_covered_by_a_table()
    {
        var passthroughAliases = SystemRegisters.All.Where(r => r.Handling == RegisterHandling.Passthrough).Sum(r => r.Aliases.Count);
        Assert.Equal(passthroughAliases, McrAliases().Count + McrrAliases().Count + LdcStcAliases().Count);
        Assert.True(passthroughAliases > 0);
    }

    [Fact]
    public void An_alias_is_found_in_its_own_trap_class_only()
    {
        var (_, sctlr) = Find("SCTLR_EL1", "SCTLR", AccessForm.Mcr);

        Assert.True(CatalogueIndex.TryFindAarch32(TrapClasses.Mcr, sctlr.Key, out var register, out var alias));
        Assert.Equal(("SCTLR_EL1", "SCTLR"), (register.Name, alias.Name));
        Assert.True(CatalogueIndex.TryFindAarch32(TrapClasses.Cp14Mcr, sctlr.Key, out var debug, out var debugAlias));
        Assert.Equal(("MDRAR_EL1", "DBGDRAR"), (debug.Name, debugAlias.Name)); // p14, 0, c1, c0, 0: SCTLR's key in cp15
        Assert.False(CatalogueIndex.TryFindAarch32(TrapClasses.Msr, sctlr.Key, out _, out _));
    }

    /// <summary>What the domain's CPU model keeps of <paramref name="value"/> written to <paramref name="register"/>, at the register file's width.</summary>
    private static ulong Kept(Runtime.Domains.Domain domain, string register, ulong value) =>
        domain.Hypervisor.Model.Keep(register, value) & (Machine.Info(register).Width == 64 ? ulong.MaxValue : Low32);

    /// <summary>A trapped access the register allows is handled; one it does not is UNDEFINED.</summary>
    private static TrapOutcome Outcome(bool allowed) => allowed ? TrapOutcome.Handled : TrapOutcome.Undefined;

    /// <summary>The PC after a write and a read: each handled access advances it by 4, an UNDEFINED one leaves it to the exception.</summary>
    private static ulong Advanced(SystemRegisterInfo info) => (info.IsWritable ? 4UL : 0) + (info.IsReadable ? 4UL : 0);

    /// <summary>The register's generic name (s3_0_c2_c0_0 with the s added by the caller), which binutils takes for either direction of a register whose read and write have different names.</summary>
    private static string Encoding(SystemRegisterInfo info) => $"{info.Op0}_{info.Op1}_c{info.CRn}_c{info.CRm}_{info.Op2}";

    private static (SystemRegisterInfo Info, Aarch32AliasInfo Alias) Find(string register, string alias, AccessForm form)
    {
        var info = Machine.Info(register);
        return (info, info.Aliases.Single(a => a.Name == alias && a.Form == form));
    }

    private static TheoryData<string, string> Aliases(AccessForm form)
    {
        var data = new TheoryData<string, string>();
        foreach (var register in SystemRegisters.All.Where(r => r.Handling == RegisterHandling.Passthrough))
        {
            foreach (var alias in register.Aliases.Where(a => a.Form == form))
            {
                data.Add(register.Name, alias.Name);
            }
        }

        return data;
    }
}
