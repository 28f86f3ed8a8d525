using TrapGen.Architecture;
using TrapGen.Instructions;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Domains;
using TrapGen.Runtime.Emulation;
using TrapGen.Runtime.Traps;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>
/// HCRX_EL2.EnALS (bit [1]), EnASR (bit [2]) and EnAS0 (bit [0]) on the emulated CPU (D24.2.63; CheckLDST64BEnabled,
/// CheckST64BVEnabled, CheckST64BV0Enabled, J1.1.2.53-55): while 0, EL1's LD64B and ST64B, ST64BV, and ST64BV0 trap with EC
/// 0x0A, IL 1 and the whole ISS saying which (D24.2.46, "ISS encoding for an exception from any other instruction": 0
/// ST64BV, 1 ST64BV0, 2 LD64B or ST64B). The guest runs at EL1, where the pseudocode checks no SCTLR_EL1 enable (those are
/// EL0's). No model of cpu-models.table has FEAT_LS64 (QEMU 7.2 has none), so the model is max (FEAT_HCX) given
/// ID_AA64ISAR1_EL1.LS64 [63:60]; on cortex-a57 and max as they are, the instructions are UNDEFINED. The words are GNU as
/// 2.40's (-march=armv8.7-a+ls64), read back with objdump.
/// </summary>
public sealed class SingleCopyAtomic64TrapTests
{
    /// <summary>EnAS0, EnALS and EnASR: bits [0], [1] and [2].</summary>
    private const ulong EnAS0 = 1UL << 0, EnALS = 1UL << 1, EnASR = 1UL << 2;

    /// <summary>ID_AA64ISAR1_EL1.LS64: 0b0001 FEAT_LS64, 0b0010 FEAT_LS64_V, 0b0011 FEAT_LS64_ACCDATA (D24.2.85).</summary>
    private const ulong Ls64 = 1, Ls64V = 2, Ls64AccData = 3;

    /// <summary>
    /// Per instruction: its text, GNU as's word, the row, the enable that traps it, and the ESR of the trap, EC 0x0A [31:26],
    /// IL 1 [25], ISS [24:0]: 0x0A &lt;&lt; 26 = 0x28000000, | 1 &lt;&lt; 25 = 0x2A000000, | ISS.
    /// </summary>
    public static TheoryData<string, uint, string, ulong, uint> GnuAs() => new()
    {
        { "ld64b x0, [x1]", 0xf83fd020, "LD64B", EnALS, 0x2A000002 },
        { "st64b x0, [x1]", 0xf83f9020, "ST64B", EnALS, 0x2A000002 },
        { "st64bv x2, x0, [x1]", 0xf822b020, "ST64BV", EnASR, 0x2A000000 },
        { "st64bv0 x2, x0, [x1]", 0xf822a020, "ST64BV0", EnAS0, 0x2A000001 },
        { "ld64b x8, [sp]", 0xf83fd3e8, "LD64B", EnALS, 0x2A000002 },
        { "st64bv xzr, x22, [x3]", 0xf83fb076, "ST64BV", EnASR, 0x2A000000 },
        { "st64bv0 x30, x4, [sp]", 0xf83ea3e4, "ST64BV0", EnAS0, 0x2A000001 },
        { "st64b x20, [x29]", 0xf83f93b4, "ST64B", EnALS, 0x2A000002 },
    };

    [Theory]
    [MemberData(nameof(GnuAs))]
    public void Each_word_decodes_to_its_row_and_writes_back(string text, uint word, string name, ulong enable, uint esr)
    {
        _ = enable;
        Assert.True(InstructionDecoder.TryDecode(word, InstructionSet.A64, out var access));
        Assert.Equal((TrapClasses.Other, name), (access.Class, access.Instruction?.Name));
        Assert.Equal(text, SystemInstructionSyntax.Format(access));
        Machine.AssertWritesBack(word, access, esr);
    }

    [Theory]
    [MemberData(nameof(GnuAs))]
    public void Its_enable_alone_at_0_traps_it_with_its_syndrome(string text, uint word, string name, ulong enable, uint esr)
    {
        var (domain, result) = Run(word, Ls64Model(Ls64AccData), ~enable);

        Assert.Equal((ExecutionKind.Trapped, esr), (result.Kind, (uint)result.Esr));
        Assert.Equal(name == "LD64B" || name == "ST64B" ? "EnALS" : name == "ST64BV" ? "EnASR" : "EnAS0", result.Control?.Name);
        Assert.Equal(enable, result.Control!.Mask);
        // The hypervisor gives its guests none: UNDEFINED, as KVM does.
        Assert.Equal(TrapOutcome.Ls64Undefined, result.Outcome);
        Assert.Equal(1, domain.Current.UndefinedExceptions);
        Assert.NotNull(text);
    }

    [Theory]
    [MemberData(nameof(GnuAs))]
    public void With_every_enable_set_it_does_not_trap_and_is_not_performed(string text, uint word, string name, ulong enable, uint esr)
    {
        var domain = Build(Ls64Model(Ls64AccData), EnAS0 | EnALS | EnASR);
        var pc = domain.Current.Pc;
        var result = domain.Cpu.Execute(word);

        // The machine has no memory location that supports a 64-byte access: nothing changes, not even the PC.
        Assert.Equal(ExecutionKind.NotModelled, result.Kind);
        Assert.Equal(pc, domain.Current.Pc);
        Assert.Equal(0, domain.Current.UndefinedExceptions);
        Assert.Equal(esr, (uint)result.Esr);
        Assert.NotNull(text + name + enable);
    }

    [Theory]
    [InlineData("cortex-a57")]
    [InlineData("max")]
    public void On_a_model_without_ls64_each_is_undefined_whatever_hcrx_holds(string modelName)
    {
        foreach (var word in new uint[] { 0xf83fd020, 0xf83f9020, 0xf822b020, 0xf822a020 })
        {
            var (_, result) = Run(word, CpuModels.Find(modelName)!, 0);
            Assert.Equal((ExecutionKind.UndefinedAtEl1, UndefinedReason.NotImplemented), (result.Kind, result.Undefined));
        }
    }

    [Fact]
    public void Each_needs_its_own_level_of_the_ls64_field()
    {
        // LS64 0b0001: LD64B and ST64B only; 0b0010 adds ST64BV; 0b0011 adds ST64BV0 (D24.2.85).
        Assert.Equal(ExecutionKind.Trapped, Run(0xf83fd020, Ls64Model(Ls64), 0).Result.Kind);
        Assert.Equal(ExecutionKind.UndefinedAtEl1, Run(0xf822b020, Ls64Model(Ls64), 0).Result.Kind);
        Assert.Equal(ExecutionKind.Trapped, Run(0xf822b020, Ls64Model(Ls64V), 0).Result.Kind);
        Assert.Equal(ExecutionKind.UndefinedAtEl1, Run(0xf822a020, Ls64Model(Ls64V), 0).Result.Kind);
        Assert.Equal(ExecutionKind.Trapped, Run(0xf822a020, Ls64Model(Ls64AccData), 0).Result.Kind);
    }

    [Theory]
    [InlineData(0xf83fd021)] // ld64b with Rt = x1: odd
    [InlineData(0xf83fd038)] // ld64b with Rt = x24: Rt<4:3> = 0b11
    [InlineData(0xf822b03e)] // st64bv x2, with Rt = x30
    public void An_rt_its_decode_refuses_is_undefined_before_the_trap(uint word)
    {
        var (_, result) = Run(word, Ls64Model(Ls64AccData), 0);

        Assert.Equal((ExecutionKind.UndefinedAtEl1, UndefinedReason.ReservedRegister), (result.Kind, result.Undefined));
        Assert.True(InstructionDecoder.TryDecode(word, InstructionSet.A64, out var access));
        Assert.StartsWith(".inst ", SystemInstructionSyntax.Format(access), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Without_feat_hcx_every_one_traps_whatever_hcrx_would_hold()
    {
        // "!IsHCRXEL2Enabled() || HCRX_EL2.EnALS == '0'": IsHCRXEL2Enabled() is FALSE without FEAT_HCX (ID_AA64MMFR1_EL1.HCX 0).
        var model = Machine.ModelWith("max", "max-ls64-nohcx", ("ID_AA64ISAR1_EL1", "LS64", Ls64AccData), ("ID_AA64MMFR1_EL1", "HCX", 0));
        Assert.False(model.Satisfies("FEAT_HCX"));

        var (_, result) = Run(0xf83fd020, model, ulong.MaxValue);

        Assert.Equal((ExecutionKind.Trapped, 0x2A000002U), (result.Kind, (uint)result.Esr));
    }

    [Theory]
    [InlineData("ld64b x1, [x2]")]
    [InlineData("ld64b x24, [x2]")]
    [InlineData("st64bv x1, x23, [x2]")]
    [InlineData("ld64b x0, [x2, #8]")]
    [InlineData("st64b x0, [xzr]")]
    [InlineData("st64bv0 x0, [x1]")]
    public void The_syntax_refuses_what_gnu_as_refuses(string text)
    {
        Assert.False(SystemInstructionSyntax.TryParse(text, thumb: false, out _, out var error));
        Assert.NotEmpty(error);
    }

    [Theory]
    [InlineData("ld64b x0, [x1, #0]", 0xf83fd020)]
    [InlineData("st64bv x2, x0, [x1, #0]", 0xf822b020)]
    public void The_syntax_takes_gnu_as_optional_zero_offset(string text, uint word)
    {
        Assert.True(SystemInstructionSyntax.TryParse(text, thumb: false, out var access, out var error), error);
        Assert.Equal(word, InstructionEncoder.Encode(access));
    }

    private static (Domain Domain, ExecutionResult Result) Run(uint word, CpuModel model, ulong hcrx)
    {
        var domain = Build(model, hcrx);
        return (domain, domain.Cpu.Execute(word));
    }

    private static Domain Build(CpuModel model, ulong hcrx)
    {
        var domain = new Domain([ExecutionState.Aarch64], model: model);
        domain.Build();
        domain.Hypervisor.Hcr.Value = 1UL << HcrEl2.RW;
        domain.Hypervisor.Hcrx = hcrx;
        return domain;
    }

    /// <summary>max with ID_AA64ISAR1_EL1.LS64 [63:60] at <paramref name="level"/>.</summary>
    private static CpuModel Ls64Model(ulong level)
    {
        var model = Machine.ModelWith("max", "max-ls64-" + level, ("ID_AA64ISAR1_EL1", "LS64", level));
        Assert.True(model.Satisfies("FEAT_HCX&FEAT_LS64"));
        return model;
    }
}
