using System;
using TrapGen.Runtime.Cpu;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>The AArch32 condition check, against the Arm ARM's table of mnemonics, for all 16 flag combinations.</summary>
public sealed class ConditionFlagsTests
{
    private static readonly Func<bool, bool, bool, bool, bool>[] Table =
    [
        (n, z, c, v) => z,                  // EQ
        (n, z, c, v) => !z,                 // NE
        (n, z, c, v) => c,                  // CS
        (n, z, c, v) => !c,                 // CC
        (n, z, c, v) => n,                  // MI
        (n, z, c, v) => !n,                 // PL
        (n, z, c, v) => v,                  // VS
        (n, z, c, v) => !v,                 // VC
        (n, z, c, v) => c && !z,            // HI
        (n, z, c, v) => !c || z,            // LS
        (n, z, c, v) => n == v,             // GE
        (n, z, c, v) => n != v,             // LT
        (n, z, c, v) => !z && n == v,       // GT
        (n, z, c, v) => z || n != v,        // LE
        (n, z, c, v) => true,               // AL
        (n, z, c, v) => true,               // 0b1111
    ];

    [Fact]
    public void Every_condition_holds_exactly_when_the_arm_arm_says()
    {
        for (var flags = 0u; flags < 16; flags++)
        {
            var state = new ConditionFlags { Cpsr = flags << 28 };
            for (var cond = 0u; cond < 16; cond++)
            {
                Assert.Equal(Table[cond](state.N, state.Z, state.C, state.V), state.Holds(cond));
            }
        }
    }

    [Fact]
    public void Cpsr_bits_are_nzcv_from_bit_31()
    {
        var flags = new ConditionFlags { N = true, V = true };
        Assert.Equal(0x9000_0000U, flags.Cpsr);
    }
}
