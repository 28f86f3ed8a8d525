using Xunit;

namespace TrapGen.Architecture.Tests;

/// <summary>
/// A CPU model named with added features (<c>apple-m3+FEAT_SYSREG128+FEAT_D128</c>): the model reports each, through the ID
/// register field features.table gives it (ID_AA64ISAR2_EL1.SYSREG_128 [35:32], ID_AA64MMFR3_EL1.D128 [35:32], 0b0001 each),
/// and keeps everything else; an unknown feature finds no model, and the message names the closest.
/// </summary>
public sealed class CpuModelFeatureTests
{
    [Fact]
    public void Added_features_set_their_id_fields_and_keep_the_rest_of_the_model()
    {
        var m3 = CpuModels.Find("apple-m3")!;
        var derived = CpuModels.Find("Apple-M3+feat_sysreg128+FEAT_D128")!;

        Assert.Equal("apple-m3+FEAT_SYSREG128+FEAT_D128", derived.Name);
        Assert.True(derived.Has("FEAT_SYSREG128") && derived.Has("FEAT_D128"));
        Assert.False(m3.Has("FEAT_SYSREG128"));
        Assert.Equal((m3.ValueOf("ID_AA64ISAR2_EL1") ?? 0) | (1UL << 32), derived.ValueOf("ID_AA64ISAR2_EL1"));
        Assert.Equal((m3.ValueOf("ID_AA64MMFR3_EL1") ?? 0) | (1UL << 32), derived.ValueOf("ID_AA64MMFR3_EL1"));
        Assert.Equal(m3.FeatureNames.Count + 2, derived.FeatureNames.Count);
        Assert.Equal(m3.ValueOf("MIDR_EL1"), derived.ValueOf("MIDR_EL1"));
    }

    [Fact]
    public void A_feature_the_model_has_changes_nothing_and_an_unknown_one_finds_no_model()
    {
        var m3 = CpuModels.Find("apple-m3")!;

        Assert.Equal(m3.ValueOf("ID_AA64MMFR0_EL1"), CpuModels.Find("apple-m3+FEAT_FGT")!.ValueOf("ID_AA64MMFR0_EL1"));
        Assert.Null(CpuModels.Find("apple-m3+FEAT_D12"));
        Assert.Contains("unknown feature 'FEAT_D12'", CpuModels.Unknown("apple-m3+FEAT_D12"), System.StringComparison.Ordinal);
        Assert.Contains("did you mean FEAT_D128?", CpuModels.Unknown("apple-m3+FEAT_D12"), System.StringComparison.Ordinal);
        Assert.Null(CpuModels.Find("no-such-cpu+FEAT_D128"));
        Assert.StartsWith("unknown CPU model 'no-such-cpu+FEAT_D128'", CpuModels.Unknown("no-such-cpu+FEAT_D128"), System.StringComparison.Ordinal);
    }
}
