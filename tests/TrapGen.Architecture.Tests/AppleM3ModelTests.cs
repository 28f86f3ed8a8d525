using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace TrapGen.Architecture.Tests;

/// <summary>
/// The apple-m3 model is the register dump of an iMac M3's macOS 14.4.1 host (lelegard/arm-cpusysregs,
/// collect/applem3-host-macos/cpusysregs-registers.txt, commit 2a1936649130c1135773554de456e2e6f9cc14c4),
/// the one model whose ID registers report FEAT_FGT (and, with max, FEAT_HCX). The values below are the dump's lines as
/// it prints them, in binary, typed here from the dump and not read back from cpu-models.table; the fields
/// are taken at the Arm ARM's bit positions, not through register-fields.table.
/// </summary>
public sealed class AppleM3ModelTests
{
    private static readonly Dictionary<string, ulong> Dump = new[]
    {
        "MIDR_EL1: 0000 0000 0000 0000 0000 0000 0000 0000 - 0110 0001 0010 1111 0000 0100 0011 0000",
        "REVIDR_EL1: 0000 0000 0000 0000 0000 0000 0000 0000 - 0000 0000 0000 0000 0000 0000 0000 0000",
        "ID_AA64PFR0_EL1: 0001 0001 0000 0001 0000 0000 0000 0000 - 0001 0000 0001 0001 0000 0001 0001 0001",
        "ID_AA64PFR1_EL1: 0000 0000 0000 0000 0000 0000 0000 0001 - 0000 0000 0000 0000 0000 0000 0010 0001",
        "ID_AA64DFR0_EL1: 0000 0000 0000 0000 0000 0000 0000 0000 - 0001 0000 0011 0000 0101 1111 0000 1001",
        "ID_AA64ISAR0_EL1: 0000 0010 0010 0001 0001 0000 0000 0001 - 0001 0000 0010 0001 0010 0001 0010 0000",
        "ID_AA64ISAR1_EL1: 0000 0000 0001 0000 0001 0001 0001 0001 - 0001 0000 0010 0001 0001 0100 0000 0010",
        "ID_AA64ISAR2_EL1: 0000 0000 0000 0000 0000 0000 0000 0000 - 0000 0000 0000 0000 0000 0000 0001 0000",
        "ID_AA64MMFR0_EL1: 0001 0001 0000 0000 0001 0010 0001 0010 - 0000 1111 0001 0000 0000 0000 0000 0011",
        "ID_AA64MMFR1_EL1: 0000 0000 0000 0000 0001 0001 0001 0001 - 0001 0001 0011 0001 0010 0001 0000 0000",
        "ID_AA64MMFR2_EL1: 0001 0010 0000 0001 0000 0001 0001 0001 - 0000 0010 0000 0000 0001 0000 0001 0001",
        "CTR_EL0: 0000 0000 0000 0000 0000 0000 0000 0000 - 1001 0100 0100 0100 1100 0000 0000 0100",
    }.Select(line => line.Split(':')).ToDictionary(parts => parts[0], parts => Convert.ToUInt64(parts[1].Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal), 2));

    private static CpuModel M3 => CpuModels.Find("apple-m3")!;

    public static TheoryData<string> DumpedRegisters() => [.. Dump.Keys];

    [Theory]
    [MemberData(nameof(DumpedRegisters))]
    public void Each_register_is_the_dumps_value(string register)
    {
        Assert.Equal(Dump[register], M3.ValueOf(register));
    }

    [Fact]
    public void The_dump_reports_fgt_hcx_and_what_else_an_el2_trap_meets()
    {
        Assert.Equal(1UL, Field("ID_AA64MMFR0_EL1", 59, 56));   // FGT: FEAT_FGT
        Assert.Equal(1UL, Field("ID_AA64MMFR0_EL1", 63, 60));   // ECV: FEAT_ECV
        Assert.Equal(1UL, Field("ID_AA64MMFR1_EL1", 43, 40));   // HCX: FEAT_HCX
        Assert.Equal(1UL, Field("ID_AA64MMFR1_EL1", 35, 32));   // TWED
        Assert.Equal(1UL, Field("ID_AA64MMFR1_EL1", 11, 8));    // VH: FEAT_VHE
        Assert.Equal(2UL, Field("ID_AA64MMFR2_EL1", 27, 24));   // NV: FEAT_NV2
        Assert.Equal(2UL, Field("ID_AA64MMFR2_EL1", 59, 56));   // EVT: HCR_EL2.TTLBIS/TTLBOS exist
        Assert.Equal(1UL, Field("ID_AA64MMFR2_EL1", 39, 36));   // IDS: FEAT_IDST
        Assert.Equal(4UL, Field("ID_AA64ISAR1_EL1", 11, 8));    // API: the IMPLEMENTATION DEFINED algorithm, with PAuth2 and FPAC
        Assert.Equal(0UL, Field("ID_AA64ISAR1_EL1", 7, 4));     // APA: no QARMA5
        Assert.Equal(0UL, Field("ID_AA64PFR0_EL1", 35, 32));    // SVE
        Assert.Equal(0UL, Field("ID_AA64PFR1_EL1", 27, 24));    // SME
        Assert.Equal(0UL, Field("ID_AA64PFR1_EL1", 47, 44));    // GCS
        Assert.Equal(0UL, Field("ID_AA64PFR1_EL1", 11, 8));     // MTE
        Assert.Equal(0UL, Field("ID_AA64PFR0_EL1", 27, 24));    // GIC: no GIC CPU interface System registers
        Assert.Equal(0xFUL, Field("ID_AA64DFR0_EL1", 11, 8));   // PMUVer: IMPLEMENTATION DEFINED, not PMUv3
        Assert.Equal(1UL, Field("ID_AA64PFR0_EL1", 7, 4));      // EL1: AArch64 only
        Assert.Equal(0UL, Field("ID_AA64PFR0_EL1", 15, 12));    // EL3: none

        Assert.True(M3.Satisfies("FEAT_FGT"));
        Assert.True(M3.Satisfies("FEAT_HCX"));
        Assert.True(M3.Satisfies("FEAT_ECV&FEAT_TWED&FEAT_VHE&FEAT_NV2&FEAT_IDST&EVT_TTLBxS"));
        Assert.True(M3.Satisfies("FEAT_PAuth&FEAT_PAuth2&FEAT_FPAC&FEAT_BTI&FEAT_SSBS2"));
        Assert.False(M3.Satisfies("FEAT_SVE|FEAT_SME|FEAT_MTE|FEAT_PMUv3|GICv3|FEAT_AA32EL1|EL3|FEAT_AMUv1|FEAT_SPE"));
    }

    [Fact]
    public void The_fine_grained_trap_registers_and_hcrx_el2_exist_on_it()
    {
        string[] registers = ["HFGRTR_EL2", "HFGWTR_EL2", "HFGITR_EL2", "HDFGRTR_EL2", "HDFGWTR_EL2", "HCRX_EL2"];

        Assert.All(registers, name => Assert.True(Aarch64Registers.TryFind(name, out _), name));
        Assert.All(registers, name => Assert.True(M3.Implements(Register(name)), name));
        Assert.All(registers, name => Assert.False(CpuModels.Default.Implements(Register(name)), name));
        Assert.True(Aarch64Registers.TryFind("HAFGRTR_EL2", out var amu));
        Assert.False(M3.Implements(amu)); // it needs FEAT_AMUv1 too
    }

    [Fact]
    public void It_has_6_breakpoints_2_of_them_context_aware_4_watchpoints_and_no_pmu_event_counters()
    {
        Assert.Equal((5UL + 1, 1UL + 1, 3UL + 1), (Field("ID_AA64DFR0_EL1", 15, 12) + 1, Field("ID_AA64DFR0_EL1", 31, 28) + 1, Field("ID_AA64DFR0_EL1", 23, 20) + 1));
        Assert.Equal((6, 2, 4, 0), (M3.Breakpoints, M3.ContextBreakpoints, M3.Watchpoints, M3.EventCounters));
        Assert.False(M3.HasAarch32El1);
        Assert.Empty(M3.Caches);
    }

    private static Aarch64Register Register(string name) => Aarch64Registers.TryFind(name, out var register) ? register : throw new ArgumentException(name);

    private static ulong Field(string register, int high, int low) => (Dump[register] >> low) & ((1UL << (high - low + 1)) - 1);
}
