using System.Linq;
using TrapGen.Architecture;
using TrapGen.Instructions;
using TrapGen.Runtime.Domains;
using TrapGen.Runtime.Emulation;
using TrapGen.Runtime.Traps;
using TrapGen.Testing;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>
/// HCR_EL2.API and the pointer authentication instructions (EC 0x09): GNU as's words of each key and of none, the guest's
/// SCTLR_EL1 key enables before the trap, the syndrome, and the hypervisor's lazy switch of the keys. The expectations are
/// written out from the Arm ARM (D24.2.62 HCR_EL2.API, D24.2.175 SCTLR_EL1.EnIA/EnIB/EnDA/EnDB, the pseudocode of
/// IsAPIAKeyEnabled and AddPACGA, C6.2's encodings), not computed.
/// </summary>
public sealed class PointerAuthenticationTrapTests
{
    /// <summary>HCR_EL2.RW, and API and APK (bits 41 and 40), which trap while clear.</summary>
    private const ulong Rw = 1UL << 31, Api = 1UL << 41, Apk = 1UL << 40;

    /// <summary>SCTLR_EL1.EnIA, EnIB, EnDA and EnDB: every key enabled.</summary>
    private const ulong AllKeys = (1UL << 31) | (1UL << 30) | (1UL << 27) | (1UL << 13);

    /// <summary>EC 0x09, IL 1, ISS 0 (D24.2.46 ESR_EL2: the ISS of a trapped pointer authentication instruction is RES0).</summary>
    private const uint PacSyndrome = 0x26000000;

    /// <summary>The instruction, and the SCTLR_EL1 enable of the key it uses (0 for PACGA, which has none; "-" no key at all).</summary>
    public static TheoryData<string, string> Words => new()
    {
        { "pacia x0, x1", "EnIA" },
        { "pacib x0, x1", "EnIB" },
        { "pacda x0, x1", "EnDA" },
        { "pacdb x0, x1", "EnDB" },
        { "autia x0, x1", "EnIA" },
        { "autdb x0, x1", "EnDB" },
        { "paciza x0", "EnIA" },
        { "autdzb x0", "EnDB" },
        { "pacia1716", "EnIA" },
        { "autib1716", "EnIB" },
        { "paciasp", "EnIA" },
        { "pacibsp", "EnIB" },
        { "autiasp", "EnIA" },
        { "autibz", "EnIB" },
        { "pacga x0, x1, x2", "none" },
        { "braa x1, x2", "EnIA" },
        { "blrab x1, x2", "EnIB" },
        { "braaz x1", "EnIA" },
        { "blrabz x1", "EnIB" },
        { "retaa", "EnIA" },
        { "retab", "EnIB" },
        { "ldraa x0, [x1]", "EnDA" },
        { "ldrab x0, [x1, #8]!", "EnDB" },
        { "xpaci x0", "-" },
        { "xpacd x0", "-" },
        { "xpaclri", "-" },
        { "nop", "-" },
        { "br x1", "-" },
        { "ret", "-" },
        { "ldr x0, [x1]", "-" },
        { "add x0, x1, x2", "-" },
        { "hint #9", "-" },
    };

    [Theory]
    [MemberData(nameof(Words))]
    public void Gnu_as_words_are_pointer_authentication_instructions_exactly_when_they_use_a_key(string text, string enable)
    {
        var word = Assemble(text);

        var decoded = InstructionDecoder.TryDecode(word, InstructionSet.A64, out var access);

        Assert.Equal(enable != "-", decoded && access.Class == TrapClasses.Pac);
        if (enable != "-")
        {
            Assert.Equal(enable, PointerAuthentication.EnableOf(access.Instruction!)?.Name ?? "none");
            Machine.AssertWritesBack(word, access, PacSyndrome);
        }
    }

    /// <summary>The decision on a CPU with FEAT_PAuth (QEMU's max): a disabled key runs untrapped, else API clear traps.</summary>
    public static TheoryData<string, ulong, ulong, string> Decisions => new()
    {
        { "paciasp", AllKeys, Rw, "EL2" },
        { "paciasp", AllKeys, Rw | Api, "run" },
        { "paciasp", AllKeys & ~(1UL << 31), Rw, "run" },
        { "paciasp", AllKeys & ~(1UL << 30), Rw, "EL2" },
        { "pacibsp", AllKeys & ~(1UL << 30), Rw, "run" },
        { "pacda x0, x1", AllKeys & ~(1UL << 27), Rw, "run" },
        { "pacda x0, x1", AllKeys & ~(1UL << 13), Rw, "EL2" },
        { "ldrab x0, [x1]", AllKeys & ~(1UL << 13), Rw, "run" },
        { "ldrab x0, [x1]", AllKeys, Rw | Apk, "EL2" },
        { "pacga x0, x1, x2", 0, Rw, "EL2" }, // PACGA has no enable: it traps whatever SCTLR_EL1 says
        { "pacga x0, x1, x2", 0, Rw | Api, "run" },
        { "retaa", AllKeys, Rw, "EL2" },
    };

    [Theory]
    [MemberData(nameof(Decisions))]
    public void A_key_the_guest_disables_runs_untrapped_else_hcr_el2_api_clear_traps(string text, ulong sctlr, ulong hcr, string expected)
    {
        var domain = Domain("max");
        domain.Hypervisor.Hardware.SCTLR_EL1 = sctlr;
        domain.Hypervisor.Hcr.Value = hcr;

        var result = domain.Cpu.Execute(Assemble(text));

        Assert.Equal(expected, result.Kind switch { ExecutionKind.Trapped => "EL2", ExecutionKind.Direct => "run", _ => result.Kind.ToString() });
        if (result.Kind == ExecutionKind.Trapped)
        {
            Assert.Equal((PacSyndrome, "HCR_EL2.API"), (result.Esr, result.Control!.QualifiedName));
        }
    }

    [Fact]
    public void The_hypervisor_loads_the_guests_keys_sets_api_and_apk_and_the_instruction_runs_again()
    {
        var domain = Domain("max");
        domain.Hypervisor.Hardware.SCTLR_EL1 = AllKeys;
        domain.Hypervisor.Hcr.Value = Rw;

        var first = domain.Cpu.Execute(Assemble("paciasp"));
        var second = domain.Cpu.Execute(Assemble("autiasp"));

        Assert.Equal((ExecutionKind.Trapped, TrapOutcome.PointerAuthSwitched), (first.Kind, first.Outcome));
        Assert.Equal(Rw | Api | Apk, domain.Hypervisor.Hcr.Value);
        Assert.Equal(ExecutionKind.Direct, second.Kind);
        Assert.Equal(8UL, domain.Current.Pc);
        Assert.Equal(1L, domain.Hypervisor.TrapCount);
    }

    [Theory]
    [InlineData("pacia x0, x1")]
    [InlineData("pacga x0, x1, x2")]
    [InlineData("retaa")]
    [InlineData("ldraa x0, [x1]")]
    public void On_a_cpu_without_pauth_the_instructions_outside_the_hint_space_are_undefined(string text)
    {
        var domain = Domain("cortex-a57");
        domain.Hypervisor.Hcr.Value = Rw;

        Assert.Equal(ExecutionKind.UndefinedAtEl1, domain.Cpu.Execute(Assemble(text)).Kind);
        Assert.Equal(0L, domain.Hypervisor.TrapCount);
    }

    [Theory]
    [InlineData("paciasp")]
    [InlineData("autibsp")]
    [InlineData("pacia1716")]
    public void On_a_cpu_without_pauth_the_hint_space_forms_are_nops_and_never_trap(string text)
    {
        var domain = Domain("cortex-a57");
        domain.Hypervisor.Hardware.SCTLR_EL1 = AllKeys; // RES0 there; set anyway: nothing may trap
        domain.Hypervisor.Hcr.Value = Rw;

        Assert.Equal(ExecutionKind.Direct, domain.Cpu.Execute(Assemble(text)).Kind);
        Assert.Equal(4UL, domain.Current.Pc);
    }

    [Fact]
    public void A_handled_pointer_authentication_trap_allocates_nothing()
    {
        var domain = Domain("max");
        var hypervisor = domain.Hypervisor;

        Assert.Equal(0, Machine.AllocatedBy(() =>
        {
            hypervisor.Hcr.Value = Rw;
            hypervisor.HandleTrap(PacSyndrome);
        }));
    }

    [Fact]
    public void The_tables_give_api_the_arm_arms_bit_and_polarity()
    {
        var api = TrapControls.Find("HCR_EL2.API")!;

        Assert.Equal((41, false, "FEAT_PAuth"), (api.Bit, api.TrapsWhenSet, api.Needs));
        Assert.Same(TrapClasses.Pac, ArchitecturalTraps.ReportedIn(api));
        Assert.Equal(0x09U, TrapClasses.Pac.ExceptionClass);
        Assert.All(TrappedInstructions.All.Where(i => i.Class == TrapClasses.Pac), i => Assert.Same(api, Assert.Single(i.Traps).Control));
    }

    private static Domain Domain(string model)
    {
        var domain = new Domain([Cpu.ExecutionState.Aarch64], model: CpuModels.Find(model)!);
        domain.Build();
        return domain;
    }

    private static uint Assemble(string text) => GuestCode.A64(".arch armv8.3-a", text)[0];
}
