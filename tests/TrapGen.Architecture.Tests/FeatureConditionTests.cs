using Xunit;

namespace TrapGen.Architecture.Tests;

/// <summary>
/// Conditions of features (register-requirements.table's grammar, which trap controls' and fine-grained fields' needs
/// use): FEAT_X&amp;FEAT_Y needs both, FEAT_X|FEAT_Y either, and &amp; binds before |, so that a fine-grained field
/// can need its register's feature and one of two of its own (HFGRTR_EL2.SCXTNUM_EL1:
/// FEAT_FGT&amp;FEAT_CSV2_2|FEAT_FGT&amp;FEAT_CSV2_1p2). Evaluated on QEMU's cortex-a57 (Armv8.0: no PAuth, no CSV2, no
/// FGT) and max (QEMU 7.2: PAuth and CSV2_2, no FGT).
/// </summary>
public sealed class FeatureConditionTests
{
    [Theory]
    [InlineData("FEAT_PAuth", false, true)]
    [InlineData("FEAT_PAuth&FEAT_CSV2_2", false, true)]
    [InlineData("FEAT_PAuth&FEAT_FGT", false, false)]
    [InlineData("FEAT_FGT|FEAT_PAuth", false, true)]
    [InlineData("FEAT_FGT&FEAT_CSV2_2|FEAT_FGT&FEAT_CSV2_1p2", false, false)]
    [InlineData("FEAT_FGT&FEAT_CSV2_2|FEAT_PAuth", false, true)]
    [InlineData("FEAT_PAuth&FEAT_FGT|FEAT_FGT", false, false)]
    public void And_binds_before_or(string condition, bool onCortexA57, bool onMax)
    {
        Assert.Equal(onCortexA57, CpuModels.Find("cortex-a57")!.Satisfies(condition));
        Assert.Equal(onMax, CpuModels.Find("max")!.Satisfies(condition));
    }

    [Theory]
    [InlineData("FEAT_FGT&FEAT_CSV2_2|FEAT_FGT&FEAT_CSV2_1p2", "(FEAT_FGT and FEAT_CSV2_2) or (FEAT_FGT and FEAT_CSV2_1p2)")]
    [InlineData("FEAT_CSV2_2|FEAT_CSV2_1p2", "FEAT_CSV2_2 or FEAT_CSV2_1p2")]
    [InlineData("FEAT_FGT&FEAT_SME", "FEAT_FGT and FEAT_SME")]
    public void A_condition_reads_as_words(string condition, string words) =>
        Assert.Equal(words, RequirementText.Describe(condition));
}
