using System.Linq;
using TrapGen.Architecture;
using Xunit;

namespace TrapGen.Architecture.Tests;

/// <summary>
/// The CPU model tables hold together: every feature row names a field register-fields.table has, every
/// requirement names features features.table can tell, and each model's derived facts are the ones its
/// documentation states (QEMU's -cpu help and the TRMs: which models run AArch32 at EL1, how many
/// breakpoints and watchpoints the Cortex-A57 has, which features the Armv8.0 Cortex-A57 lacks).
/// </summary>
public sealed class CpuModelTableTests
{
    public static TheoryData<string> Models() => [.. CpuModels.All.Select(m => m.Name)];

    [Fact]
    public void Every_feature_row_names_a_field_of_its_register()
    {
        Assert.NotEmpty(Features.All);
        Assert.All(Features.All, f => Assert.True(RegisterFields.Find(f.Register, f.Field) is not null, f.Feature + ": " + f.Register + "." + f.Field));
    }

    [Fact]
    public void Every_requirement_names_features_the_table_can_tell()
    {
        var conditions = Requirements.All.Select(r => r.Condition).Where(c => c != "NEVER" && !System.Text.RegularExpressions.Regex.IsMatch(c, "^((BRP|WRP|PMN)>|CTX:)"));

        Assert.All(conditions.SelectMany(c => c.Split('|', '&')), feature => Assert.NotEmpty(Features.Of(feature)));
        Assert.All(Requirements.All.Where(r => r.Kind == RequirementKind.Aarch64Register), r => Assert.True(Aarch64Registers.TryFind(r.Name, out _), r.Name));
        Assert.All(Requirements.All.Where(r => r.Kind == RequirementKind.Aarch32Register), r => Assert.NotEmpty(Aarch32Registers.Named(r.Name)));
        Assert.All(Requirements.All.Where(r => r.Kind == RequirementKind.SystemInstruction), r => Assert.Contains(SystemInstructions.All, i => i.FullName.Replace(' ', '_') == r.Name));
    }

    [Theory]
    [InlineData("cortex-a35", true)]
    [InlineData("cortex-a53", true)]
    [InlineData("cortex-a57", true)]
    [InlineData("cortex-a72", true)]
    [InlineData("cortex-a76", false)]
    [InlineData("neoverse-n1", false)]
    [InlineData("a64fx", false)]
    [InlineData("max", true)]
    [InlineData("neoverse-v1", false)]
    [InlineData("neoverse-n2", false)]
    [InlineData("apple-m3", false)]
    public void A_model_runs_aarch32_at_el1_as_its_documentation_says(string name, bool aarch32)
    {
        Assert.Equal(aarch32, CpuModels.Find(name)!.HasAarch32El1);
    }

    [Fact]
    public void The_cortex_a57_is_an_armv8_0_cpu_with_6_breakpoints_and_4_watchpoints()
    {
        var a57 = CpuModels.Default;

        Assert.Equal(("cortex-a57", 6, 4), (a57.Name, a57.Breakpoints, a57.Watchpoints));
        Assert.Contains("FEAT_PMUv3", a57.FeatureNames);
        Assert.DoesNotContain("FEAT_CCIDX", a57.FeatureNames);
        Assert.DoesNotContain("FEAT_RAS", a57.FeatureNames);
        Assert.DoesNotContain("FEAT_LOR", a57.FeatureNames);
        Assert.False(a57.Implements(Aarch64Registers.All.Single(r => r.Name == "DBGBVR6_EL1")));
        Assert.True(a57.Implements(Aarch64Registers.All.Single(r => r.Name == "DBGBVR5_EL1")));
        Assert.True(CpuModels.Find("max")!.Has("FEAT_LOR"));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void A_model_has_its_identification_and_a_cache_for_every_level_clidr_reports(string name)
    {
        var model = CpuModels.Find(name)!;

        Assert.NotNull(model.ValueOf("MIDR_EL1"));
        Assert.NotNull(model.ValueOf("ID_AA64PFR0_EL1"));
        if (model.ValueOf("CLIDR_EL1") is { } clidr)
        {
            for (var level = 1; level <= 7; level++)
            {
                var ctype = (clidr >> (3 * (level - 1))) & 0b111;
                Assert.Equal(ctype is 0b001 or 0b011, model.Caches.Any(c => c.Level == level && c.Kind == CacheKind.Instruction));
                Assert.Equal(ctype is 0b010 or 0b011, model.Caches.Any(c => c.Level == level && c.Kind == CacheKind.Data));
                Assert.Equal(ctype == 0b100, model.Caches.Any(c => c.Level == level && c.Kind == CacheKind.Unified));
            }
        }
    }

    [Fact]
    public void An_unknown_model_is_answered_with_the_closest_names()
    {
        Assert.Null(CpuModels.Find("cortex-a75"));
        Assert.Equal("unknown CPU model 'cortex-a75'; did you mean cortex-a57, cortex-a35, cortex-a72 or cortex-a76? (trapgen list --cpus lists them)", CpuModels.Unknown("cortex-a75"));
    }
    [Fact]
    public void An_unknown_short_name_is_answered_with_the_models_it_ends()
    {
        Assert.Equal("unknown CPU model 'a53'; did you mean cortex-a53? (trapgen list --cpus lists them)", CpuModels.Unknown("a53"));
        Assert.Equal("unknown CPU model 'n1'; did you mean neoverse-n1? (trapgen list --cpus lists them)", CpuModels.Unknown("n1"));
    }

    /// <summary>
    /// binutils (an independent source) places a register after Armv8.0 by its Feature column; the Arm ARM's
    /// presence conditions must then name what it needs, or the register would exist on every model. The
    /// exception is the ID space (op0 3, op1 0, CRn 0, CRm 1-7), whose unallocated registers read as zero.
    /// </summary>
    [Fact]
    public void Every_register_binutils_places_after_armv8_0_has_a_presence_condition()
    {
        var later = Aarch64Registers.All.Where(r => r.Feature is { } f && f != "Armv8.0").ToList();
        Assert.NotEmpty(later);

        var missing = later.Where(r => Requirements.Of(r) is null && !IsIdSpace(r.Encoding)).Select(r => r.Name + " (" + r.Feature + ")");

        Assert.Empty(missing);
    }

    /// <summary>
    /// The registers newer than binutils 2.40 (Linux's sysreg, binutils master) came with presence conditions, so no
    /// model gained one it lacks: every model of the table implements none of them, except the ID registers of the ID
    /// space (ID_AA64PFR2_EL1, ID_AA64MMFR3_EL1, ...), which read as zero where their features are absent.
    /// </summary>
    [Fact]
    public void No_model_has_a_register_newer_than_binutils_2_40_but_the_id_space()
    {
        var later = Aarch64Registers.All.Where(r => r.IsLaterThanBinutils).ToList();
        Assert.True(later.Count > 200, later.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var gained = CpuModels.All.SelectMany(m => later.Where(r => m.Implements(r) && !IsIdSpace(r.Encoding)).Select(r => m.Name + ": " + r.Name)).ToList();
        var idSpace = later.Where(r => IsIdSpace(r.Encoding)).Select(r => r.Name).Order().ToList();

        Assert.True(gained.Count == 0, string.Join(", ", gained));
        Assert.Equal(["ID_AA64DFR2_EL1", "ID_AA64FPFR0_EL1", "ID_AA64ISAR3_EL1", "ID_AA64MMFR3_EL1", "ID_AA64MMFR4_EL1", "ID_AA64PFR2_EL1"], idSpace);
        Assert.All(later.Where(r => !IsIdSpace(r.Encoding) && r.Feature is not null), r => Assert.NotNull(Requirements.Of(r)));
    }

    [Theory]
    [InlineData(1, CacheKind.Instruction, 48, 64, 3)]
    [InlineData(1, CacheKind.Data, 32, 64, 2)]
    [InlineData(2, CacheKind.Unified, 2048, 64, 16)]
    public void The_cortex_a57_caches_are_the_trms(int level, CacheKind kind, int kilobytes, int lineBytes, int ways)
    {
        var cache = CpuModels.Default.Caches.Single(c => c.Level == level && c.Kind == kind);
        var sets = kilobytes * 1024 / lineBytes / ways;

        Assert.Equal((lineBytes, ways, sets), (cache.LineBytes, cache.Ways(ccidx: false), cache.Sets(ccidx: false)));
        Assert.Contains(kilobytes + " KB, " + lineBytes + "-byte lines, " + ways + " ways", cache.Describe(ccidx: false), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FEAT_CCIDX", "FEAT_CCIDX")]
    [InlineData("FEAT_CSV2_2|FEAT_CSV2_1p2", "FEAT_CSV2_2 or FEAT_CSV2_1p2")]
    [InlineData("FEAT_SVE&FEAT_VHE", "FEAT_SVE and FEAT_VHE")]
    [InlineData("BRP>5", "at least 6 breakpoints (ID_AA64DFR0_EL1.BRPs + 1)")]
    [InlineData("WRP>0", "at least 1 watchpoint (ID_AA64DFR0_EL1.WRPs + 1)")]
    [InlineData("PMN>30", "at least 31 event counters (PMCR_EL0.N)")]
    [InlineData("CTX:4", "breakpoint 4 to be context-aware (ID_AA64DFR0_EL1.CTX_CMPs)")]
    public void A_condition_reads_as_words(string condition, string words)
    {
        Assert.Equal(words, RequirementText.Describe(condition));
    }

    private static bool IsIdSpace(Aarch64Encoding e) => e is { Op0: 3, Op1: 0, CRn: 0, CRm: >= 1 and <= 7 };
}
