using TrapGen.Architecture;
using TrapGen.Generators.Tests.Support;
using Xunit;

namespace TrapGen.Generators.Tests;

/// <summary>
/// <c>handling: constant</c>, compiled and run: reads return the catalogue's value in every form that
/// reaches the register (MRS, the AArch32 halves, MRRC), and writes change nothing.
/// </summary>
public sealed class ConstantHandlingTests
{
    private const string Catalogue = """
        version: 1
        registers:
          - name: TTBR0_EL1
            handling: constant
            value: 0x1122_3344_5566_7788
          - name: MIDR_EL1
            handling: constant
            value: 0x410F_D034
        """;

    private static readonly System.Lazy<CompiledDispatcher> Dispatcher = new(() => CompiledDispatcher.Of(Catalogue));

    [Theory]
    [InlineData("TTBR0_EL1", "Msr", 0x1122_3344_5566_7788UL, 0xFEED_FACEUL)]
    [InlineData("MIDR_EL1", "Msr", 0x410F_D034UL, 0xFEED_FACEUL)]
    [InlineData("TTBR0", "Mcr", 0x5566_7788UL, 0xFEED_FACEUL)]
    [InlineData("TTBR0", "Mcrr", 0x5566_7788UL, 0x1122_3344UL)]
    [InlineData("MIDR", "Mcr", 0x410F_D034UL, 0xFEED_FACEUL)]
    public void A_read_returns_the_value(string name, string className, ulong rt, ulong rt2)
    {
        var kind = TrapClasses.Named(className)!;
        var x = Dispatcher.Value.X;
        x[3] = 0xDEAD_BEEF;
        x[4] = 0xFEED_FACE;

        var result = Dispatcher.Value.Dispatch(CompiledDispatcher.Syndrome(kind, KeyOf(name, kind), isRead: true));

        Assert.Equal(("Handled", rt, rt2), (result, x[3], x[4]));
    }

    [Fact]
    public void A_write_is_ignored_and_a_write_of_a_read_only_register_is_undefined()
    {
        var x = Dispatcher.Value.X;
        x[3] = 0xDEAD_BEEF;

        Assert.Equal("Handled", Dispatcher.Value.Dispatch(CompiledDispatcher.Syndrome(TrapClasses.Msr, KeyOf("TTBR0_EL1", TrapClasses.Msr), isRead: false)));
        Assert.Equal("Undefined", Dispatcher.Value.Dispatch(CompiledDispatcher.Syndrome(TrapClasses.Msr, KeyOf("MIDR_EL1", TrapClasses.Msr), isRead: false)));

        Dispatcher.Value.Dispatch(CompiledDispatcher.Syndrome(TrapClasses.Msr, KeyOf("TTBR0_EL1", TrapClasses.Msr), isRead: true));
        Assert.Equal(0x1122_3344_5566_7788UL, x[3]);
    }

    private static uint KeyOf(string name, TrapClass kind)
    {
        if (kind == TrapClasses.Msr)
        {
            Assert.True(Aarch64Registers.TryFind(name, out var register));
            return register.Encoding.Key;
        }

        return System.Linq.Enumerable.Single(Aarch32Registers.All, r => r.Class == kind && r.Name == name).Encoding.Key;
    }
}
