using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue;
using TrapGen.Generators.Tests.Support;
using Xunit;

namespace TrapGen.Generators.Tests;

/// <summary>
/// Issue 21's catalogue of the classes the cp15 moves never reached, compiled and run: it loads without a
/// diagnostic, JIDR and FPSID by their AArch32 names, and every form is dispatched in its own class: MRC of
/// JIDR (EC 0x05), VMRS of FPSID and MVFR0 (0x08), MCR/MRC of DBGBVR0 and DBGBXVR0 (0x05) and LDC of
/// DBGDTRTXint (0x06), which loads its word from the guest's memory.
/// </summary>
public sealed class NewTrapClassCatalogueTests
{
    private const string Catalogue = """
        version: 1
        trap_groups:
          - name: TID0
          - name: TID3
            others: raz-wi
        registers:
          - { name: JIDR, handling: constant, value: 0, traps: { TID0: read } }
          - { name: FPSID, handling: constant, value: 0x41034070, traps: { TID0: read } }
          - { name: MVFR0_EL1, handling: constant, value: 0x10110222, traps: { TID3: read } }
          - { name: DBGBVR0_EL1, handling: passthrough }
          - { name: DBGDTRTX_EL0, handling: passthrough }
        """;

    private static readonly System.Lazy<CompiledDispatcher> Dispatcher = new(() => CompiledDispatcher.Of(Catalogue));

    [Fact]
    public void It_loads_clean_with_each_form_in_its_class()
    {
        var load = CatalogueLoader.Load(Catalogue);

        Assert.Empty(load.Diagnostics);
        var forms = load.ValidCatalogue!.Registers.SelectMany(r => r.Aliases).Select(a => (a.Name, a.Class.Name)).ToList();
        Assert.Equal(
            [("JIDR", "Cp14Mcr"), ("FPSID", "Vmrs"), ("MVFR0", "Vmrs"), ("DBGBVR0", "Cp14Mcr"), ("DBGBXVR0", "Cp14Mcr"), ("DBGDTRTXINT", "Cp14Mcr"), ("DBGDTRTXINT", "LdcStc")],
            forms);
    }

    [Theory]
    [InlineData("JIDR", "Cp14Mcr", 0x0UL)]
    [InlineData("FPSID", "Vmrs", 0x4103_4070UL)]
    [InlineData("MVFR0", "Vmrs", 0x1011_0222UL)]
    public void A_constant_is_read_through_its_aarch32_form(string name, string className, ulong value)
    {
        var trapClass = TrapClasses.Named(className)!;
        Dispatcher.Value.X[3] = 0xDEAD_BEEF;

        var result = Dispatcher.Value.Dispatch(CompiledDispatcher.Syndrome(trapClass, KeyOf(name, trapClass), isRead: true));

        Assert.Equal(("Handled", value), (result, Dispatcher.Value.X[3]));
    }

    [Fact]
    public void Dbgbvr0_and_dbgbxvr0_write_the_two_halves_of_dbgbvr0_el1()
    {
        var dispatcher = Dispatcher.Value;
        dispatcher.X[3] = 0x8000_1000;
        Assert.Equal("Handled", dispatcher.Dispatch(CompiledDispatcher.Syndrome(TrapClasses.Cp14Mcr, KeyOf("DBGBVR0", TrapClasses.Cp14Mcr), isRead: false)));
        dispatcher.X[3] = 0xFFFF;
        Assert.Equal("Handled", dispatcher.Dispatch(CompiledDispatcher.Syndrome(TrapClasses.Cp14Mcr, KeyOf("DBGBXVR0", TrapClasses.Cp14Mcr), isRead: false)));

        Assert.Equal(0x0000_FFFF_8000_1000UL, dispatcher.GetRegister("DBGBVR0_EL1"));
    }

    [Fact]
    public void Ldc_loads_dbgdtrtxint_from_memory_and_stc_of_the_write_only_register_is_undefined()
    {
        var dispatcher = Dispatcher.Value;
        dispatcher.X[3] = 0x4000;
        dispatcher.Memory[0x4000] = 0x4C;

        Assert.Equal("Handled", dispatcher.Dispatch(CompiledDispatcher.Syndrome(TrapClasses.LdcStc, 0, isRead: false)));
        Assert.Equal(0x4CUL, dispatcher.GetRegister("DBGDTRTX_EL0"));
        Assert.Equal("Undefined", dispatcher.Dispatch(CompiledDispatcher.Syndrome(TrapClasses.LdcStc, 0, isRead: true)));
    }

    private static uint KeyOf(string name, TrapClass trapClass) =>
        Aarch32Registers.All.Single(r => r.Class == trapClass && r.Name == name).Encoding.Key;
}
