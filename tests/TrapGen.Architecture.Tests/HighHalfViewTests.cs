using System.Linq;
using TrapGen.Testing.ArmArm;
using Xunit;

namespace TrapGen.Architecture.Tests;

/// <summary>
/// The AArch32 table's views against the Arm ARM: exactly the registers of the hand-written list
/// (<see cref="HighHalfViews"/>) are the upper word of their AArch64 register, every other 32-bit view of a
/// 64-bit register is its lower word. A view typed the wrong way in the table (CONTEXTIDR as hi, IFAR as lo)
/// fails here.
/// </summary>
public sealed class HighHalfViewTests
{
    [Fact]
    public void The_tables_hi_views_are_exactly_the_arm_arms()
    {
        var tableHigh = Aarch32Registers.All.Where(r => r.View == RegisterView.Hi).Select(r => r.Name).ToHashSet(System.StringComparer.Ordinal);
        var armArmHigh = HighHalfViews.Names.Where(name => name != "NMRR").ToHashSet(System.StringComparer.Ordinal); // NMRR is MAIR1's row

        Assert.Empty(tableHigh.Except(armArmHigh));
        Assert.Empty(armArmHigh.Except(tableHigh));
    }

    [Fact]
    public void Every_other_32_bit_view_of_a_mapped_register_is_its_low_word()
    {
        var others = Aarch32Registers.All.Where(r => r.MapsTo is not null && r.Encoding.Form == AccessForm.Mcr && !HighHalfViews.Names.Contains(r.Name));

        Assert.All(others, r => Assert.True(r.View is RegisterView.Lo, r.Name + " is " + r.View));
    }
}
