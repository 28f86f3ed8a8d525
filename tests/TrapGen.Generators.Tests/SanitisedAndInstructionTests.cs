using System.Linq;
using TrapGen.Architecture;
using TrapGen.Generators.Tests.Support;
using Xunit;

namespace TrapGen.Generators.Tests;

/// <summary>
/// <c>handling: sanitised</c> and catalogued System instructions, compiled and run: a sanitised read
/// returns the hardware's value with exactly the overridden fields replaced, in every form that reaches
/// the register; each instruction handling does what it says, with the operand it was given.
/// </summary>
public sealed class SanitisedAndInstructionTests
{
    private const string Catalogue = """
        version: 1
        hooks:
          - name: SetWayFlush
        registers:
          - name: ID_AA64PFR0_EL1
            handling: sanitised
            fields: { EL2: 0, SVE: 0, Custom: { lsb: 60, width: 4, value: 0xA } }
          - name: ID_DFR0_EL1
            handling: sanitised
            fields: { PerfMon: 0 }
          - name: ID_ISAR0_EL1
            handling: sanitised
        instructions:
          - { name: DC CISW, handling: hook, hook: SetWayFlush }
          - { name: DCCISW, handling: hook, hook: SetWayFlush }
          - { name: IC IALLU, handling: hook, hook: SetWayFlush }
          - { name: TLBI VMALLE1, handling: forward }
          - { name: TLBI VAE1, handling: forward }
          - { name: DC CVAC, handling: ignore }
          - { name: AT S1E1R, handling: undefined }
        """;

    private const ulong Hardware = 0x5555_5555_5555_5555;

    private static readonly System.Lazy<CompiledDispatcher> Dispatcher = new(() => CompiledDispatcher.Of(Catalogue));

    [Fact]
    public void A_sanitised_read_replaces_exactly_the_overridden_fields()
    {
        var dispatcher = Dispatcher.Value;
        dispatcher.SetRegister("ID_AA64PFR0_EL1", Hardware);

        Assert.Equal("Handled", dispatcher.Dispatch(Syndrome("ID_AA64PFR0_EL1", isRead: true)));

        var el2 = RegisterFields.Find("ID_AA64PFR0_EL1", "EL2")!;
        var sve = RegisterFields.Find("ID_AA64PFR0_EL1", "SVE")!;
        var custom = new BitField("Custom", 60, 4);
        var expected = custom.Insert(Hardware & ~el2.Mask & ~sve.Mask, 0xA);
        Assert.Equal(expected, dispatcher.X[3]);
    }

    [Fact]
    public void A_sanitised_register_without_fields_reads_the_hardware_value_and_its_aarch32_view_reads_its_low_half()
    {
        var dispatcher = Dispatcher.Value;
        dispatcher.SetRegister("ID_ISAR0_EL1", 0x0000_0000_0210_1110);
        dispatcher.SetRegister("ID_DFR0_EL1", 0x0301_0066);

        dispatcher.Dispatch(Syndrome("ID_ISAR0_EL1", isRead: true));
        var isar0 = dispatcher.X[3];
        dispatcher.Dispatch(Cp15Syndrome("ID_DFR0", isRead: true));
        var dfr0 = dispatcher.X[3];

        var perfMon = RegisterFields.Find("ID_DFR0_EL1", "PerfMon")!;
        Assert.Equal((0x0210_1110UL, 0x0301_0066UL & ~perfMon.Mask), (isar0, dfr0));
    }

    [Fact]
    public void A_write_of_a_read_only_sanitised_register_is_undefined()
    {
        Assert.Equal("Undefined", Dispatcher.Value.Dispatch(Syndrome("ID_AA64PFR0_EL1", isRead: false)));
    }

    [Theory]
    [InlineData("DC CISW", "SetWayFlush(0xFEED)")]
    [InlineData("IC IALLU", "SetWayFlush(0x0)")]
    [InlineData("TLBI VMALLE1", "Forward(TLBI_VMALLE1, 0x0)")]
    [InlineData("TLBI VAE1", "Forward(TLBI_VAE1, 0xFEED)")]
    public void A_trapped_aarch64_instruction_runs_its_hook_or_is_forwarded_with_its_operand(string name, string call)
    {
        var dispatcher = Dispatcher.Value;
        dispatcher.Calls.Clear();
        dispatcher.X[3] = 0xFEED;

        var result = dispatcher.Dispatch(InstructionSyndrome(name, isRead: false));

        Assert.Equal(("Handled", call), (result, dispatcher.Calls.Single()));
    }

    [Fact]
    public void The_aarch32_form_passes_rt()
    {
        var dispatcher = Dispatcher.Value;
        dispatcher.Calls.Clear();
        dispatcher.X[3] = 0x8040_0002;

        var row = Aarch32Registers.Named("DCCISW").Single();
        var result = dispatcher.Dispatch(CompiledDispatcher.Syndrome(row.Class, row.Encoding.Key, isRead: false));

        Assert.Equal(("Handled", "SetWayFlush(0x80400002)"), (result, dispatcher.Calls.Single()));
    }

    [Fact]
    public void An_ignored_instruction_completes_an_undefined_one_and_any_read_form_is_undefined_and_neither_calls_anything()
    {
        var dispatcher = Dispatcher.Value;
        dispatcher.Calls.Clear();

        var results = (
            dispatcher.Dispatch(InstructionSyndrome("DC CVAC", isRead: false)),
            dispatcher.Dispatch(InstructionSyndrome("AT S1E1R", isRead: false)),
            dispatcher.Dispatch(InstructionSyndrome("DC CISW", isRead: true)));

        Assert.Equal(("Handled", "Undefined", "Undefined"), results);
        Assert.Empty(dispatcher.Calls);
    }

    private static uint Syndrome(string name, bool isRead)
    {
        Assert.True(Aarch64Registers.TryFind(name, out var register));
        return CompiledDispatcher.Syndrome(TrapClasses.Msr, register.Encoding.Key, isRead);
    }

    private static uint Cp15Syndrome(string name, bool isRead)
    {
        var row = Aarch32Registers.Named(name).Single(r => r.Coprocessor == 15);
        return CompiledDispatcher.Syndrome(row.Class, row.Encoding.Key, isRead);
    }

    private static uint InstructionSyndrome(string name, bool isRead)
    {
        Assert.True(SystemInstructions.TryFind(name, out var instruction));
        return CompiledDispatcher.Syndrome(TrapClasses.Msr, instruction.Encoding.Key, isRead);
    }
}
