using System.Linq;
using TrapGen.Runtime.Instructions;
using TrapGen.Runtime.Traps;
using TrapGen.Testing;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>
/// For every catalogued passthrough register and alias (the table comes from the generated registry),
/// a trapped write and read move exactly the right bits. Instruction words come from binutils; expected
/// values use this test's own masks, not the generated ones.
/// </summary>
public sealed class RegisterAccessTests
{
    private const ulong Preset = 0xA5A5_A5A5_5A5A_5A5A;
    private const ulong Value64 = 0x0123_4567_89AB_CDEF;
    private const uint Value32 = 0x1357_9BDF;
    private const ulong Low32 = 0x0000_0000_FFFF_FFFF;
    private const ulong High32 = 0xFFFF_FFFF_0000_0000;

    public static TheoryData<string> Aarch64Registers() =>
        [.. SystemRegisters.All.Where(r => !r.GuestAarch32State && r.Handling == RegisterHandling.Passthrough).Select(r => r.Name)];

    public static TheoryData<string, string> McrAliases() => Aliases(TrapClassKind.Mcr);

    public static TheoryData<string, string> McrrAliases() => Aliases(TrapClassKind.Mcrr);

    [Theory]
    [MemberData(nameof(Aarch64Registers))]
    public void Msr_writes_and_mrs_reads_the_register_at_its_width(string name)
    {
        var info = Machine.Info(name);
        var domain = Machine.Aarch64();
        var vcpu = domain.Current;
        var words = GuestCode.A64("msr " + name.ToLowerInvariant() + ", x5", "mrs x6, " + name.ToLowerInvariant());
        vcpu.Registers.WriteX(5, Value64);

        Assert.Equal(TrapOutcome.Handled, Machine.Trap(domain, words[0], InstructionSet.A64));
        Assert.Equal(info.Width == 64 ? Value64 : Value64 & Low32, Machine.Read(domain, name));
        Assert.Equal(4UL, vcpu.Pc);

        Machine.Write(domain, name, Preset);
        Assert.Equal(TrapOutcome.Handled, Machine.Trap(domain, words[1], InstructionSet.A64));
        Assert.Equal(info.Width == 64 ? Preset : Preset & Low32, vcpu.Registers.ReadX(6));
        Assert.Equal(Value64, vcpu.Registers.ReadX(5));
        Assert.Equal(8UL, vcpu.Pc);
    }

    [Theory]
    [MemberData(nameof(McrAliases))]
    public void Mcr_writes_and_mrc_reads_exactly_the_aliased_bits(string register, string aliasName)
    {
        var (info, alias) = Find(register, aliasName, TrapClassKind.Mcr);
        var domain = Machine.Aarch32();
        var vcpu = domain.Current;
        var operands = $"p15, {alias.Opc1}, r3, c{alias.CRn}, c{alias.CRm}, {alias.Opc2}";
        var words = GuestCode.A32("mcr " + operands, "mrc " + operands.Replace("r3", "r4", System.StringComparison.Ordinal));
        var preset = info.Width == 64 ? Preset : Preset & Low32;
        Machine.Write(domain, register, preset);
        vcpu.Registers.WriteR(3, Value32);

        Assert.Equal(TrapOutcome.Handled, Machine.Trap(domain, words[0], InstructionSet.A32));

        var expected = alias.View switch
        {
            RegisterView.Lo => (preset & High32) | Value32,
            RegisterView.Hi => (preset & Low32) | ((ulong)Value32 << 32),
            _ => Value32,
        };
        Assert.Equal(expected, Machine.Read(domain, register));

        Machine.Write(domain, register, preset);
        Assert.Equal(TrapOutcome.Handled, Machine.Trap(domain, words[1], InstructionSet.A32));
        Assert.Equal(alias.View == RegisterView.Hi ? (uint)(preset >> 32) : (uint)(preset & Low32), vcpu.Registers.ReadR(4));
        Assert.Equal(8UL, vcpu.Pc);
    }

    [Theory]
    [MemberData(nameof(McrrAliases))]
    public void Mcrr_writes_and_mrrc_reads_the_whole_register_rt_low_rt2_high(string register, string aliasName)
    {
        var (_, alias) = Find(register, aliasName, TrapClassKind.Mcrr);
        var domain = Machine.Aarch32();
        var vcpu = domain.Current;
        var words = GuestCode.A32($"mcrr p15, {alias.Opc1}, r2, r3, c{alias.CRm}", $"mrrc p15, {alias.Opc1}, r4, r5, c{alias.CRm}");
        vcpu.Registers.WriteR(2, 0x89AB_CDEF);
        vcpu.Registers.WriteR(3, 0x0123_4567);

        Assert.Equal(TrapOutcome.Handled, Machine.Trap(domain, words[0], InstructionSet.A32));
        Assert.Equal(Value64, Machine.Read(domain, register));

        Machine.Write(domain, register, Preset);
        Assert.Equal(TrapOutcome.Handled, Machine.Trap(domain, words[1], InstructionSet.A32));
        Assert.Equal((uint)(Preset & Low32), vcpu.Registers.ReadR(4));
        Assert.Equal((uint)(Preset >> 32), vcpu.Registers.ReadR(5));
    }

    [Fact]
    public void Every_passthrough_alias_is_covered_by_a_table()
    {
        var passthroughAliases = SystemRegisters.All.Where(r => r.Handling == RegisterHandling.Passthrough).Sum(r => r.Aliases.Count);
        Assert.Equal(passthroughAliases, McrAliases().Count + McrrAliases().Count);
        Assert.True(passthroughAliases > 0);
    }

    [Fact]
    public void An_alias_is_found_in_its_own_trap_class_only()
    {
        var (_, sctlr) = Find("SCTLR_EL1", "SCTLR", TrapClassKind.Mcr);

        Assert.True(CatalogueIndex.TryFindAarch32(TrapClassKind.Mcr, sctlr.Key, out var register, out var alias));
        Assert.Equal(("SCTLR_EL1", "SCTLR"), (register.Name, alias.Name));
        Assert.False(CatalogueIndex.TryFindAarch32(TrapClassKind.Msr, sctlr.Key, out _, out _));
    }

    private static (SystemRegisterInfo Info, Aarch32AliasInfo Alias) Find(string register, string alias, TrapClassKind form)
    {
        var info = Machine.Info(register);
        return (info, info.Aliases.Single(a => a.Name == alias && a.Form == form));
    }

    private static TheoryData<string, string> Aliases(TrapClassKind form)
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
