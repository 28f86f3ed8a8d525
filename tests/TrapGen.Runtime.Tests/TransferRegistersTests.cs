using TrapGen.Architecture;
using TrapGen.Instructions;
using TrapGen.Runtime.Cpu;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>The transfer registers of each form: Xt moves 64 bits, Rt the low word, Rt and Rt2 the low and high words.</summary>
public sealed class TransferRegistersTests
{
    [Theory]
    [InlineData("Msr", 0x1122_3344_5566_7788UL, 0x1122_3344_5566_7788UL, 0x1122_3344_5566_7788UL, 0UL, 64)]
    [InlineData("Mcr", 0x1122_3344_5566_7788UL, 0x5566_7788UL, 0x5566_7788UL, 0UL, 32)]
    [InlineData("Cp14Mcr", 0x1122_3344_5566_7788UL, 0x5566_7788UL, 0x5566_7788UL, 0UL, 32)]
    [InlineData("Vmrs", 0x1122_3344_5566_7788UL, 0x5566_7788UL, 0x5566_7788UL, 0UL, 32)]
    [InlineData("Mcrr", 0x1122_3344_5566_7788UL, 0x1122_3344_5566_7788UL, 0x5566_7788UL, 0x1122_3344UL, 64)]
    [InlineData("Cp14Mcrr", 0x1122_3344_5566_7788UL, 0x1122_3344_5566_7788UL, 0x5566_7788UL, 0x1122_3344UL, 64)]
    public void A_value_goes_into_the_forms_transfer_registers_and_reads_back(string className, ulong value, ulong readBack, ulong rt, ulong rt2, int width)
    {
        var trapClass = TrapClasses.Named(className)!;
        var vcpu = new Vcpu(0, trapClass.IsAarch64 ? ExecutionState.Aarch64 : ExecutionState.Aarch32);
        var set = trapClass.IsAarch64 ? InstructionSet.A64 : InstructionSet.A32;
        var access = new SystemRegisterAccess(trapClass, set, IsRead: true, 0, 0, 0, 0, 0, Rt: 3, Rt2: 4, Aarch32Constants.ConditionAlways);

        TransferRegisters.Write(vcpu, access, value);

        var registers = vcpu.Registers;
        var (x3, x4) = trapClass.IsAarch64 ? (registers.ReadX(3), registers.ReadX(4)) : (registers.ReadR(3), (ulong)registers.ReadR(4));
        Assert.Equal((readBack, rt, rt2), (TransferRegisters.Read(vcpu, access), x3, x4));
        Assert.Equal(width, TransferRegisters.Width(access));
    }

    [Fact]
    public void Ldc_and_stc_move_one_word_of_guest_memory_at_the_address_their_addressing_mode_gives()
    {
        var vcpu = new Vcpu(0, ExecutionState.Aarch32);
        vcpu.Registers.WriteR(1, 0x1000);
        var store = new SystemRegisterAccess(TrapClasses.LdcStc, InstructionSet.A32, IsRead: true, 0, 0, 5, 0, 0, 0, 0,
            Aarch32Constants.ConditionAlways, Immediate: 2, Rn: 1, AddressingMode: LdcStcIss.PreIndexed, AddOffset: true);

        TransferRegisters.Write(vcpu, store, 0x1122_3344_5566_7788UL);
        var loaded = TransferRegisters.Read(vcpu, store with { IsRead = false });
        TransferRegisters.WriteBack(vcpu, store);

        Assert.Equal(0x5566_7788u, vcpu.Memory.ReadWord(0x1008));
        Assert.Equal(0x5566_7788UL, loaded);
        Assert.Equal(0x1008u, vcpu.Registers.ReadR(1));
        Assert.Equal(32, TransferRegisters.Width(store));
    }
}
