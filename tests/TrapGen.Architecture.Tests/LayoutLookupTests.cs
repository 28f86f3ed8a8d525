using Xunit;

namespace TrapGen.Architecture.Tests;

/// <summary>
/// <see cref="Layouts.IssOf"/> and <see cref="Layouts.Iss2Of"/> by exception class, the expected layout taken from
/// the Arm ARM's ESR_EL2 description (DDI 0487, "ISS encoding for ..." of each EC): Data Aborts (EC 0x24) have an
/// ISS and an ISS2 encoding, the trapped register moves an ISS only; EC 0x02 is unallocated; anything outside
/// the 6-bit EC has no layout rather than an exception.
/// </summary>
public sealed class LayoutLookupTests
{
    [Theory]
    [InlineData(0x18, "MsrMrsIss", null)]
    [InlineData(0x03, "McrMrcIss", null)]
    [InlineData(0x05, "McrMrcIss", null)]
    [InlineData(0x04, "McrrMrrcIss", null)]
    [InlineData(0x0C, "McrrMrrcIss", null)]
    [InlineData(0x24, "DataAbortIss", "DataAbortIss2")]
    [InlineData(0x20, "InstructionAbortIss", "InstructionAbortIss2")]
    [InlineData(0x02, null, null)]
    [InlineData(-1, null, null)]
    [InlineData(64, null, null)]
    [InlineData(int.MaxValue, null, null)]
    public void An_exception_class_reports_the_arm_arms_iss_and_iss2_layouts(int ec, string? iss, string? iss2)
    {
        Assert.Equal(iss, Layouts.IssOf(ec)?.Name);
        Assert.Equal(iss2, Layouts.Iss2Of(ec)?.Name);
    }
}
