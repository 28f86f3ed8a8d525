using TrapGen.Architecture;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Instructions;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>The transfer registers of each form: Xt moves 64 bits, Rt the low word, Rt and Rt2 the low and high words.</summary>
public sealed class TransferRegistersTests
{
    [Theory]
    [InlineData(TrapClassKind.Msr, 0x1122_3344_5566_7788UL, 0x1122_3344_5566_7788UL, 0x1122_3344_5566_7788UL, 0UL)]
    [InlineData(TrapClassKind.Mcr, 0x1122_3344_5566_7788UL, 0x5566_7788UL, 0x5566_7788UL, 0UL)]
    [InlineData(TrapClassKind.Mcrr, 0x1122_3344_5566_7788UL, 0x1122_3344_5566_7788UL, 0x5566_7788UL, 0x1122_3344UL)]
    public void A_value_goes_into_the_forms_transfer_registers_and_reads_back(TrapClassKind kind, ulong value, ulong readBack, ulong rt, ulong rt2)
    {
        var registers = new GeneralPurposeRegisters();
        var set = kind == TrapClassKind.Msr ? InstructionSet.A64 : InstructionSet.A32;
        var access = new SystemRegisterAccess(set, kind, IsRead: true, 0, 0, 0, 0, 0, Rt: 3, Rt2: 4, Aarch32Constants.ConditionAlways);

        TransferRegisters.Write(registers, access, value);

        var (x3, x4) = kind == TrapClassKind.Msr ? (registers.ReadX(3), registers.ReadX(4)) : (registers.ReadR(3), (ulong)registers.ReadR(4));
        Assert.Equal((readBack, rt, rt2), (TransferRegisters.Read(registers, access), x3, x4));
        Assert.Equal(kind == TrapClassKind.Mcr ? 32 : 64, TransferRegisters.Width(access));
    }
}
