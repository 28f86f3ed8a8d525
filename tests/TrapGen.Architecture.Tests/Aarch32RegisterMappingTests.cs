using Xunit;

namespace TrapGen.Architecture.Tests;

/// <summary>
/// <see cref="Aarch32RegisterMapping"/> against the Arm ARM's table of the mapping of AArch32 registers onto
/// AArch64 registers (DDI 0487, "Mapping of the general-purpose registers between the Execution states"),
/// typed here row by row: X0–X12 are R0–R12 of User mode, then each mode's banked SP and LR in the table's
/// order, then FIQ's R8–R12, SP and LR.
/// </summary>
public sealed class Aarch32RegisterMappingTests
{
    [Theory]
    [InlineData(0u, 0, "R0")]
    [InlineData(1u, 1, "R1")]
    [InlineData(2u, 2, "R2")]
    [InlineData(3u, 3, "R3")]
    [InlineData(4u, 4, "R4")]
    [InlineData(5u, 5, "R5")]
    [InlineData(6u, 6, "R6")]
    [InlineData(7u, 7, "R7")]
    [InlineData(8u, 8, "R8_usr")]
    [InlineData(9u, 9, "R9_usr")]
    [InlineData(10u, 10, "R10_usr")]
    [InlineData(11u, 11, "R11_usr")]
    [InlineData(12u, 12, "R12_usr")]
    [InlineData(13u, 13, "SP_usr")]
    [InlineData(14u, 14, "LR_usr")]
    [InlineData(15u, 13, "SP_hyp")]
    [InlineData(16u, 14, "LR_irq")]
    [InlineData(17u, 13, "SP_irq")]
    [InlineData(18u, 14, "LR_svc")]
    [InlineData(19u, 13, "SP_svc")]
    [InlineData(20u, 14, "LR_abt")]
    [InlineData(21u, 13, "SP_abt")]
    [InlineData(22u, 14, "LR_und")]
    [InlineData(23u, 13, "SP_und")]
    [InlineData(24u, 8, "R8_fiq")]
    [InlineData(25u, 9, "R9_fiq")]
    [InlineData(26u, 10, "R10_fiq")]
    [InlineData(27u, 11, "R11_fiq")]
    [InlineData(28u, 12, "R12_fiq")]
    [InlineData(29u, 13, "SP_fiq")]
    [InlineData(30u, 14, "LR_fiq")]
    public void Each_aarch64_register_is_the_banked_aarch32_register_the_arm_arm_names(uint rt, int instructionRegister, string name)
    {
        Assert.True(Aarch32RegisterMapping.IsMapped(rt));
        Assert.Equal(instructionRegister, Aarch32RegisterMapping.InstructionRegister(rt));
        Assert.Equal(name, Aarch32RegisterMapping.Name(rt));
    }

    [Theory]
    [InlineData(31u)]
    [InlineData(32u)]
    [InlineData(uint.MaxValue)]
    public void X31_and_beyond_name_no_aarch32_register(uint rt)
    {
        Assert.False(Aarch32RegisterMapping.IsMapped(rt));
        Assert.Equal(-1, Aarch32RegisterMapping.InstructionRegister(rt));
        Assert.Null(Aarch32RegisterMapping.Name(rt));
    }
}
