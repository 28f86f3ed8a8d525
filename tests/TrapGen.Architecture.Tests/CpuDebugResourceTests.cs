using Xunit;

namespace TrapGen.Architecture.Tests;

/// <summary>
/// What a CPU model says about its debug and PMU resources, against each core's Technical Reference Manual: the
/// Cortex-A35, A53, A57 and A72 have six breakpoints, two of them context-aware, four watchpoints and six PMU
/// event counters. The presence conditions that read them (<c>CTX:n</c>, <c>BRP&gt;n</c>, <c>WRP&gt;n</c>,
/// <c>PMN&gt;n</c>, which hold with more than n) follow the Arm ARM: the context-aware breakpoints are the
/// highest-numbered ones.
/// </summary>
public sealed class CpuDebugResourceTests
{
    [Theory]
    [InlineData("cortex-a35")]
    [InlineData("cortex-a53")]
    [InlineData("cortex-a57")]
    [InlineData("cortex-a72")]
    public void The_model_has_the_trms_breakpoints_watchpoints_and_event_counters(string name)
    {
        var model = CpuModels.Find(name)!;

        Assert.Equal((6, 2, 4, 6), (model.Breakpoints, model.ContextBreakpoints, model.Watchpoints, model.EventCounters));
    }

    [Theory]
    [InlineData("CTX:3", false)]
    [InlineData("CTX:4", true)]
    [InlineData("CTX:5", true)]
    [InlineData("CTX:6", false)]
    [InlineData("BRP>5", true)]
    [InlineData("BRP>6", false)]
    [InlineData("WRP>3", true)]
    [InlineData("WRP>4", false)]
    [InlineData("PMN>5", true)]
    [InlineData("PMN>6", false)]
    public void On_the_cortex_a57_breakpoints_4_and_5_are_context_aware_and_a_count_condition_needs_more_than_n(string condition, bool holds)
    {
        Assert.Equal(holds, CpuModels.Find("cortex-a57")!.Satisfies(condition));
    }

    [Theory]
    [InlineData("FEAT_PMUv3&FEAT_AES", true)]
    [InlineData("FEAT_PMUv3&FEAT_SVE", false)]
    [InlineData("FEAT_SVE|FEAT_PMUv3", true)]
    [InlineData("FEAT_SVE|FEAT_VHE", false)]
    [InlineData("NEVER", false)]
    public void A_condition_of_features_is_all_of_them_with_and_any_with_or(string condition, bool holds)
    {
        // The Cortex-A57 (Armv8.0) has the PMU and the Cryptographic Extension, and neither SVE nor VHE.
        Assert.Equal(holds, CpuModels.Find("cortex-a57")!.Satisfies(condition));
    }

    [Fact]
    public void A_64_bit_ccsidr_reads_its_sets_and_ways_from_the_feat_ccidx_fields()
    {
        // Arm ARM CCSIDR_EL1 with FEAT_CCIDX: NumSets [55:32], Associativity [23:3], LineSize [2:0]. A 32 KB
        // 4-way cache of 64-byte lines has 128 sets: NumSets 127, Associativity 3, LineSize log2(64) - 4.
        var cache = new CacheSizeId(1, CacheKind.Data, (127UL << 32) | (3UL << 3) | 2UL);

        Assert.Equal("L1 data 32 KB, 64-byte lines, 4 ways, 128 sets", cache.Describe(ccidx: true));

        // 2,048 ways need Associativity's bits above [12:3], which the 32-bit layout does not have.
        var wide = new CacheSizeId(2, CacheKind.Unified, (1UL << 32) | (2047UL << 3) | 2UL);
        Assert.Equal("L2 unified 256 KB, 64-byte lines, 2048 ways, 2 sets", wide.Describe(ccidx: true));
    }

    [Fact]
    public void The_cortex_a57_caches_describe_themselves_with_their_kind_and_sets()
    {
        // Cortex-A57 TRM: a 48 KB 3-way L1 instruction cache, a 32 KB 2-way L1 data cache, 64-byte lines, and
        // QEMU's 2 MB 16-way L2.
        Assert.Equal(
            [
                "L1 instruction 48 KB, 64-byte lines, 3 ways, 256 sets",
                "L1 data 32 KB, 64-byte lines, 2 ways, 256 sets",
                "L2 unified 2048 KB, 64-byte lines, 16 ways, 2048 sets",
            ],
            System.Linq.Enumerable.Select(CpuModels.Find("cortex-a57")!.Caches, c => c.Describe(ccidx: false)));
    }
}
